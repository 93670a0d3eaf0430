package org.srvcc.procedure;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.srvcc.kdf.Fc;

/**
 * The design options a contributor can flip, with the standard's value as default, plus the
 * mutant switches that exist only to show that an invariant can fail. Names match the TLA+
 * constants and the CLI's {@code --option name=value}.
 */
public record Options(
        boolean amfIncrementsCount,
        AmfFc amfFc,
        KeyMode mmeKeyMode,
        KeyMode ueKeyMode,
        MmeCount mmeCount,
        boolean ueRejectsUsedCount,
        Estimate ueEstimate,
        boolean nasDuringHandover,
        boolean mscDeletesOnFailure,
        int countLsbBits,
        boolean gnbSeesKeys,
        // mutants
        boolean amfSendsKamf,
        boolean mmeMapsWrongKsi,
        boolean ueSkipsReauth,
        boolean allowReverseSrvcc,
        boolean nullAlgorithmsAlways,
        boolean mmeMapsNoKeyKsi,
        boolean mscKeepsKsiOnFailure,
        boolean mscIgnoresEmergency,
        boolean ueKeepsKeysOnReturn,
        boolean ueKeepsSessionOnReauth,
        boolean mscAllowsUea0,
        boolean amfChecksSrvccCapability,
        boolean amfKeysWithoutContext,
        boolean ueLowersStoredCount,
        Prefers mscPrefers,
        CountSource ueCountSource) {

    public enum AmfFc { NEW("new"), REUSE_0X74("reuse-0x74"), UNNUMBERED("unnumbered");
        final String text; AmfFc(String t) { text = t; }
        @Override public String toString() { return text; } }

    public enum KeyMode { DERIVE("derive"), SPLIT("split");
        final String text; KeyMode(String t) { text = t; }
        @Override public String toString() { return text; } }

    /** How the UE estimates the DL NAS COUNT from its LSBs (TS 33.401 14.1 leaves it to the implementation). */
    public enum Estimate { SMALLEST("smallest"), CLOSEST("closest");
        final String text; Estimate(String t) { text = t; }
        @Override public String toString() { return text; } }

    /** The MSC's preference when the UE supports both UTRAN algorithm pairs: operator policy, not Annex J. */
    public enum Prefers { UEA2("uea2"), UEA1("uea1");
        final String text; Prefers(String t) { text = t; }
        @Override public String toString() { return text; } }

    /** Where the UE takes the DL NAS COUNT from: the command's LSBs (Annex J), or its own stored COUNT (X.1.2 sends none). */
    public enum CountSource { LSBS("lsbs"), OWN("own");
        final String text; CountSource(String t) { text = t; }
        @Override public String toString() { return text; } }

    public enum MmeCount { ZERO("zero"), RECEIVED("received");
        final String text; MmeCount(String t) { text = t; }
        @Override public String toString() { return text; } }

    public static final Options STANDARD = new Options(true, AmfFc.NEW, KeyMode.DERIVE, KeyMode.DERIVE,
        MmeCount.ZERO, true, Estimate.SMALLEST, false, true, 4, false, false, false, false, false, false, false, false, false, false, false, false, false, false,
        false, Prefers.UEA2, CountSource.LSBS);

    public Options {
        if ((countLsbBits < 1 || countLsbBits > 4) && countLsbBits != 24)
            throw new IllegalArgumentException("countLsbBits " + countLsbBits + " outside 1..4 and not 24");
    }

    /** The FC of the AMF's derivation from KAMF in this profile. */
    // reading: draft-fc-placeholder (0xFF01 where the draft names no FC)
    public Fc amfFcValue(Profile p) {
        if (amfFc == AmfFc.REUSE_0X74) return Fc.K_PRIME_ASME_HANDOVER;
        return p == Profile.DRAFT_DIRECT || amfFc == AmfFc.UNNUMBERED ? Fc.DRAFT_DIRECT_CK_IK : Fc.KASME_SRVCC;
    }

    public boolean isMutant() {
        return amfSendsKamf || mmeMapsWrongKsi || ueSkipsReauth || allowReverseSrvcc || nullAlgorithmsAlways || mmeMapsNoKeyKsi
            || mscKeepsKsiOnFailure || mscIgnoresEmergency || ueKeepsKeysOnReturn || ueKeepsSessionOnReauth
            || amfKeysWithoutContext || ueLowersStoredCount;
    }

    /** Option name to its value's text, in declaration order. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("amfIncrementsCount", String.valueOf(amfIncrementsCount));
        m.put("amfFc", amfFc.toString());
        m.put("mmeKeyMode", mmeKeyMode.toString());
        m.put("ueKeyMode", ueKeyMode.toString());
        m.put("mmeCount", mmeCount.toString());
        m.put("ueRejectsUsedCount", String.valueOf(ueRejectsUsedCount));
        m.put("ueEstimate", ueEstimate.toString());
        m.put("nasDuringHandover", String.valueOf(nasDuringHandover));
        m.put("mscDeletesOnFailure", String.valueOf(mscDeletesOnFailure));
        m.put("countLsbBits", String.valueOf(countLsbBits));
        m.put("gnbSeesKeys", String.valueOf(gnbSeesKeys));
        m.put("mscAllowsUea0", String.valueOf(mscAllowsUea0));
        m.put("amfSendsKamf", String.valueOf(amfSendsKamf));
        m.put("mmeMapsWrongKsi", String.valueOf(mmeMapsWrongKsi));
        m.put("ueSkipsReauth", String.valueOf(ueSkipsReauth));
        m.put("allowReverseSrvcc", String.valueOf(allowReverseSrvcc));
        m.put("nullAlgorithmsAlways", String.valueOf(nullAlgorithmsAlways));
        m.put("mmeMapsNoKeyKsi", String.valueOf(mmeMapsNoKeyKsi));
        m.put("mscKeepsKsiOnFailure", String.valueOf(mscKeepsKsiOnFailure));
        m.put("mscIgnoresEmergency", String.valueOf(mscIgnoresEmergency));
        m.put("ueKeepsKeysOnReturn", String.valueOf(ueKeepsKeysOnReturn));
        m.put("ueKeepsSessionOnReauth", String.valueOf(ueKeepsSessionOnReauth));
        m.put("amfChecksSrvccCapability", String.valueOf(amfChecksSrvccCapability));
        m.put("amfKeysWithoutContext", String.valueOf(amfKeysWithoutContext));
        m.put("ueLowersStoredCount", String.valueOf(ueLowersStoredCount));
        m.put("mscPrefers", mscPrefers.toString());
        m.put("ueCountSource", ueCountSource.toString());
        return m;
    }

    /** Only the options that differ from the standard, as "a=b,c=d" (empty for the standard). */
    public String diffText() {
        StringBuilder sb = new StringBuilder();
        Map<String, String> std = STANDARD.asMap();
        asMap().forEach((k, v) -> {
            if (!v.equals(std.get(k))) sb.append(sb.length() == 0 ? "" : ",").append(k).append('=').append(v);
        });
        return sb.toString();
    }

    /** Applies "name=value" settings on top of this record; unknown names or values are refused. */
    public Options with(Iterable<String> settings) {
        Map<String, String> m = asMap();
        Set<String> seen = new HashSet<>();
        for (String s : settings) {
            int eq = s.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("option '" + s + "' must be name=value");
            String k = s.substring(0, eq).trim(), v = s.substring(eq + 1).trim();
            if (!m.containsKey(k)) throw new IllegalArgumentException("unknown option '" + k + "' (known: " + String.join(", ", m.keySet()) + ")");
            if (!seen.add(k)) throw new IllegalArgumentException("option " + k + " is given twice; give each option once");
            m.put(k, v);
        }
        return fromMap(m);
    }

    public static Options fromMap(Map<String, String> m) {
        return new Options(bool(m, "amfIncrementsCount"),
            enumOf(m, "amfFc", AmfFc.values()), enumOf(m, "mmeKeyMode", KeyMode.values()),
            enumOf(m, "ueKeyMode", KeyMode.values()), enumOf(m, "mmeCount", MmeCount.values()),
            bool(m, "ueRejectsUsedCount"), enumOf(m, "ueEstimate", Estimate.values()), bool(m, "nasDuringHandover"), bool(m, "mscDeletesOnFailure"), bits(m.get("countLsbBits")), bool(m, "gnbSeesKeys"),
            bool(m, "amfSendsKamf"), bool(m, "mmeMapsWrongKsi"), bool(m, "ueSkipsReauth"),
            bool(m, "allowReverseSrvcc"), bool(m, "nullAlgorithmsAlways"), bool(m, "mmeMapsNoKeyKsi"),
            bool(m, "mscKeepsKsiOnFailure"), bool(m, "mscIgnoresEmergency"), bool(m, "ueKeepsKeysOnReturn"),
            bool(m, "ueKeepsSessionOnReauth"), bool(m, "mscAllowsUea0"), bool(m, "amfChecksSrvccCapability"),
            bool(m, "amfKeysWithoutContext"), bool(m, "ueLowersStoredCount"), enumOf(m, "mscPrefers", Prefers.values()),
            enumOf(m, "ueCountSource", CountSource.values()));
    }

    private static boolean bool(Map<String, String> m, String k) {
        String v = m.get(k);
        if ("true".equals(v)) return true;
        if ("false".equals(v)) return false;
        throw new IllegalArgumentException("option " + k + "=" + v + ": expected true or false");
    }

    private static <E extends Enum<E>> E enumOf(Map<String, String> m, String k, E[] values) {
        String v = m.get(k);
        StringBuilder known = new StringBuilder();
        for (E e : values) {
            if (e.toString().equals(v)) return e;
            known.append(known.length() == 0 ? "" : ", ").append(e);
        }
        throw new IllegalArgumentException("option " + k + "=" + v + ": expected one of " + known);
    }

    private static int bits(String v) {
        try {
            int b = Integer.parseInt(v);
            if (b >= 1 && b <= 4 || b == 24) return b;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("option countLsbBits=" + v + ": expected 1..4, or 24 (the whole COUNT)");
    }
}

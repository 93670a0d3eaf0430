package org.srvcc.procedure;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.srvcc.kdf.Fc;

/**
 * The design options a contributor can flip, with the standard's value as default, plus the
 * mutant switches that exist only to show that an invariant can fail. Names match the TLA+
 * constants and the CLI's {@code --option name=value}.
 */
public record Options(
        @Option(standard = "true") boolean amfIncrementsCount,
        @Option(standard = "new") AmfFc amfFc,
        @Option(standard = "derive") KeyMode mmeKeyMode,
        @Option(standard = "derive") KeyMode ueKeyMode,
        @Option(standard = "zero") MmeCount mmeCount,
        @Option(standard = "true") boolean ueRejectsUsedCount,
        @Option(standard = "smallest") Estimate ueEstimate,
        @Option(standard = "false") boolean nasDuringHandover,
        @Option(standard = "true") boolean mscDeletesOnFailure,
        @Option(standard = "4") int countLsbBits,
        @Option(standard = "false") boolean gnbSeesKeys,
        @Option(standard = "false") boolean mscAllowsUea0,
        @Mutant("AmfSentKey") boolean amfSendsKamf,
        @Mutant("MmeMapKsi") boolean mmeMapsWrongKsi,
        @Mutant("UeSkipReauth") boolean ueSkipsReauth,
        @Mutant("ReverseSrvccOutcome") boolean allowReverseSrvcc,
        @Mutant("MscSelectAlg") boolean nullAlgorithmsAlways,
        @Mutant("MmeMapKsi") boolean mmeMapsNoKeyKsi,
        @Mutant("MscForgetsKsi") boolean mscKeepsKsiOnFailure,
        @Mutant("MscSelectAlg") boolean mscIgnoresEmergency,
        @Mutant("UeForgetsKeysOnReturn") boolean ueKeepsKeysOnReturn,
        @Mutant("SessionAfterReauth") boolean ueKeepsSessionOnReauth,
        @Option(standard = "false") boolean amfChecksSrvccCapability,
        @Mutant("NoContextKey") boolean amfKeysWithoutContext,
        @Mutant("UeStoredCount") boolean ueLowersStoredCount,
        @Mutant("AmfCountAfterFailure") boolean amfRewindsCount,
        @Option(standard = "uea2") Prefers mscPrefers,
        @Option(standard = "lsbs") CountSource ueCountSource,
        @Option(standard = "true") boolean ueStoresEstimate) {

    /**
     * One row of the options table for a design option: the standard's value. The name, type and order come from the
     * record component; asMap, fromMap, STANDARD and the schema read this table.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    public @interface Option {
        String standard();
    }

    /**
     * One row of the options table for a mutant switch (an implementation error kept only to show that an invariant
     * part can fail, standard {@code false}): the Srvcc.tla definition that MC.tla's {@code MC<value>} replaces and
     * the switch acts through. isMutant and the cfgs' substitutions read it.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    public @interface Mutant {
        String value();
    }

    public enum AmfFc {
        NEW("new"),
        REUSE_0X74("reuse-0x74"),
        UNNUMBERED("unnumbered");
        final String text;

        AmfFc(String t) {
            text = t;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    public enum KeyMode {
        DERIVE("derive"),
        SPLIT("split");
        final String text;

        KeyMode(String t) {
            text = t;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** How the UE estimates the DL NAS COUNT from its LSBs (TS 33.401 14.1 leaves it to the implementation). */
    public enum Estimate {
        SMALLEST("smallest"),
        CLOSEST("closest");
        final String text;

        Estimate(String t) {
            text = t;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** The MSC's preference when the UE supports both UTRAN algorithm pairs: operator policy, not Annex J. */
    public enum Prefers {
        UEA2("uea2"),
        UEA1("uea1");
        final String text;

        Prefers(String t) {
            text = t;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * Where the UE takes the DL NAS COUNT from: the command's LSBs (Annex J), or its own stored COUNT (X.1.2 sends
     * none).
     */
    public enum CountSource {
        LSBS("lsbs"),
        OWN("own");
        final String text;

        CountSource(String t) {
            text = t;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    public enum MmeCount {
        ZERO("zero"),
        RECEIVED("received");
        final String text;

        MmeCount(String t) {
            text = t;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** The values countLsbBits takes: a few low bits, or 24 (the whole COUNT). */
    static final List<Integer> LSB_BITS = List.of(1, 2, 3, 4, 24);

    private static final RecordComponent[] TABLE = Options.class.getRecordComponents();

    public static final Options STANDARD = fromMap(standardMap());

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
        for (RecordComponent c : TABLE) if (isMutant(c) && (Boolean) value(c)) return true;
        return false;
    }

    /** Option name to its value's text, in the table's order. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        for (RecordComponent c : TABLE) m.put(c.getName(), String.valueOf(value(c)));
        return m;
    }

    private Object value(RecordComponent c) {
        try {
            return c.getAccessor().invoke(this);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The names of the mutant switches, in the table's order. */
    public static List<String> mutantNames() {
        List<String> l = new ArrayList<>();
        for (RecordComponent c : TABLE) if (isMutant(c)) l.add(c.getName());
        return l;
    }

    /**
     * The Srvcc.tla definitions the mutant switches act through, each once, in the table's order: every cfg
     * substitutes MC.tla's {@code MCX} for each {@code X}.
     */
    public static List<String> overridePoints() {
        Set<String> points = new LinkedHashSet<>();
        for (RecordComponent c : TABLE)
            if (isMutant(c)) points.add(c.getAnnotation(Mutant.class).value());
        return List.copyOf(points);
    }

    private static boolean isMutant(RecordComponent c) {
        return c.isAnnotationPresent(Mutant.class);
    }

    /** Each option's allowed values as text, in the table's order (for the manifest schema). */
    public static Map<String, List<String>> choices() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (RecordComponent c : TABLE) {
            List<String> l = new ArrayList<>();
            if (c.getType() == boolean.class) l.addAll(List.of("true", "false"));
            else if (c.getType() == int.class) for (int b : LSB_BITS) l.add(String.valueOf(b));
            else for (Object e : c.getType().getEnumConstants()) l.add(e.toString());
            m.put(c.getName(), l);
        }
        return m;
    }

    private static Map<String, String> standardMap() {
        Map<String, String> m = new LinkedHashMap<>();
        for (RecordComponent c : TABLE)
            m.put(
                    c.getName(),
                    isMutant(c) ? "false" : c.getAnnotation(Option.class).standard());
        return m;
    }

    /** Only the options that differ from the standard, as "a=b,c=d" (empty for the standard). */
    public String diffText() {
        StringBuilder sb = new StringBuilder();
        Map<String, String> std = STANDARD.asMap();
        asMap().forEach((k, v) -> {
            if (!v.equals(std.get(k)))
                sb.append(sb.length() == 0 ? "" : ",").append(k).append('=').append(v);
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
            if (!m.containsKey(k))
                throw new IllegalArgumentException(
                        "unknown option '" + k + "' (known: " + String.join(", ", m.keySet()) + ")");
            if (!seen.add(k))
                throw new IllegalArgumentException("option " + k + " is given twice; give each option once");
            m.put(k, v);
        }
        return fromMap(m);
    }

    public static Options fromMap(Map<String, String> m) {
        Object[] values = new Object[TABLE.length];
        Class<?>[] types = new Class<?>[TABLE.length];
        for (int i = 0; i < TABLE.length; i++) {
            RecordComponent c = TABLE[i];
            types[i] = c.getType();
            values[i] = c.getType() == boolean.class
                    ? bool(m, c.getName())
                    : c.getType() == int.class
                            ? bits(m.get(c.getName()))
                            : enumOf(m, c.getName(), c.getType().getEnumConstants());
        }
        try {
            return Options.class.getDeclaredConstructor(types).newInstance(values);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean bool(Map<String, String> m, String k) {
        String v = m.get(k);
        if ("true".equals(v)) return true;
        if ("false".equals(v)) return false;
        throw new IllegalArgumentException("option " + k + "=" + v + ": expected true or false");
    }

    private static Object enumOf(Map<String, String> m, String k, Object[] values) {
        String v = m.get(k);
        StringBuilder known = new StringBuilder();
        for (Object e : values) {
            if (e.toString().equals(v)) return e;
            known.append(known.length() == 0 ? "" : ", ").append(e);
        }
        throw new IllegalArgumentException("option " + k + "=" + v + ": expected one of " + known);
    }

    private static int bits(String v) {
        try {
            int b = Integer.parseInt(v);
            if (LSB_BITS.contains(b)) return b;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("option countLsbBits=" + v + ": expected 1..4, or 24 (the whole COUNT)");
    }
}

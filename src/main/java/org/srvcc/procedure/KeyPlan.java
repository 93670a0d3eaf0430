package org.srvcc.procedure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.srvcc.kdf.CkIk;
import org.srvcc.kdf.Derivations;
import org.srvcc.kdf.Fc;
import org.srvcc.kdf.Hex;
import org.srvcc.kdf.InsecureKeyAccess;
import org.srvcc.kdf.Kamf;
import org.srvcc.kdf.Kdf;
import org.srvcc.kdf.Key256;
import org.srvcc.kdf.KeyTerm;
import org.srvcc.kdf.Ksi;
import org.srvcc.kdf.NasCount;

/**
 * Which derivation each node performs in each profile. The nodes and the {@code derive} command
 * both call these, so the printed chain is the chain the procedure runs.
 */
public final class KeyPlan {
    private KeyPlan() {}

    /** AMF, profiles via the MME: KASME_SRVCC (ts33501) or K'ASME (draft) from KAMF. */
    public static Key256 amfKasme(Profile p, Options o, Kamf kamf, NasCount dl) {
        return Derivations.fromKamf(kamf, o.amfFcValue(p), dl);
    }

    /** AMF, draft-direct: CK_SRVCC||IK_SRVCC from KAMF. */
    public static CkIk amfCkIk(Profile p, Options o, Kamf kamf, NasCount dl) {
        return Derivations.ckIkFromKamf(kamf, o.amfFcValue(p), dl);
    }

    /** The COUNT the MME feeds into TS 33.401 A.12. */
    public static NasCount mmeCount(Options o, NasCount received) {
        return o.mmeCount() == Options.MmeCount.ZERO ? NasCount.ZERO : received;
    }

    /** MME_SRVCC: CK_SRVCC||IK_SRVCC from the received KASME. */
    // reading: draft-mme-a12 (in the draft profiles too: X.1.1 step 4 does not say how the MME derives)
    public static CkIk mmeCkIk(Options o, Key256 kasme, NasCount received) {
        return o.mmeKeyMode() == Options.KeyMode.SPLIT
                ? Derivations.split(kasme)
                : Derivations.ckIkSrvcc(kasme, mmeCount(o, received));
    }

    /**
     * The term of the CK||IK the MSC gets for an AMF key term: MME_SRVCC's A.12 (or split) output, or the AMF's own
     * when direct.
     */
    static KeyTerm commandKeys(Profile p, Options o, KeyTerm amfKey, int count) {
        if (!p.viaMme() || o.mmeKeyMode() == Options.KeyMode.SPLIT) return amfKey;
        return new KeyTerm.KdfTerm(
                amfKey, Fc.CK_IK_SRVCC, mmeCount(o, NasCount.of(count)).value());
    }

    /** UE: the whole chain on its side (COUNT zero into A.12, as Annex J fixes it). */
    public static CkIk ueCkIk(Profile p, Options o, Kamf kamf, NasCount dl) {
        if (!p.viaMme()) return amfCkIk(p, o, kamf, dl);
        Key256 kasme = amfKasme(p, o, kamf, dl);
        try {
            return o.ueKeyMode() == Options.KeyMode.SPLIT
                    ? Derivations.split(kasme)
                    : Derivations.ckIkSrvcc(kasme, NasCount.ZERO);
        } finally {
            kasme.destroy();
        }
    }

    /** One printed step of a derivation chain. {@code s} is empty for values that are not KDF outputs. */
    public record ChainStep(String name, String from, String s, String value) {
        /** Key material (as opposed to identifiers and counts): printed only when the user asks for keys. */
        public boolean isKey() {
            return name.contains("K'ASME")
                    || name.contains("KASME")
                    || name.startsWith("CK_SRVCC")
                    || name.startsWith("IK_SRVCC");
        }
    }

    /**
     * Every intermediate value of one SRVCC key derivation, as the network side computes it. The
     * caller asked for key bytes (test vectors), so they are printed.
     */
    public static List<ChainStep> chain(Profile p, Options o, Kamf kamf, NasCount dl, Ksi ngKsi) {
        InsecureKeyAccess access = InsecureKeyAccess.get();
        List<ChainStep> steps = new ArrayList<>();
        CkIk ckik;
        Fc fc = o.amfFcValue(p);
        String countText = "DL NAS COUNT " + dl.value();
        if (p.viaMme()) {
            String kname = p == Profile.TS33501 ? "KASME_SRVCC" : "K'ASME";
            Key256 kasme = amfKasme(p, o, kamf, dl);
            steps.add(new ChainStep(
                    kname,
                    "KDF(KAMF, FC " + fc + ", " + countText + ")",
                    Hex.encode(Kdf.inputString(fc, dl.encode())),
                    hexAndWipe(kasme.bytes(access))));
            ckik = mmeCkIk(o, kasme, dl);
            if (o.mmeKeyMode() == Options.KeyMode.SPLIT) {
                steps.add(new ChainStep(
                        "CK_SRVCC||IK_SRVCC", "split of " + kname + " (no KDF)", "", hexAndWipe(kasme.bytes(access))));
            } else {
                NasCount c = mmeCount(o, dl);
                steps.add(new ChainStep(
                        "CK_SRVCC||IK_SRVCC",
                        "KDF(" + kname + ", FC " + Fc.CK_IK_SRVCC + ", NAS COUNT " + c.value() + ")",
                        Hex.encode(Kdf.inputString(Fc.CK_IK_SRVCC, c.encode())),
                        concat(ckik, access)));
            }
            kasme.destroy();
        } else {
            ckik = amfCkIk(p, o, kamf, dl);
            steps.add(new ChainStep(
                    "CK_SRVCC||IK_SRVCC",
                    "KDF(KAMF, FC " + fc + ", " + countText + ")",
                    Hex.encode(Kdf.inputString(fc, dl.encode())),
                    concat(ckik, access)));
        }
        steps.add(new ChainStep(
                "CK_SRVCC",
                "128 most significant bits",
                "",
                hexAndWipe(ckik.ck().bytes(access))));
        steps.add(new ChainStep(
                "IK_SRVCC",
                "128 least significant bits",
                "",
                hexAndWipe(ckik.ik().bytes(access))));
        ckik.destroy();
        if (p.viaMme()) steps.add(new ChainStep("eKSI", "= ngKSI", "", String.valueOf(ngKsi.value())));
        steps.add(new ChainStep("KSI_SRVCC", p.viaMme() ? "= eKSI" : "= ngKSI", "", String.valueOf(ngKsi.value())));
        int bits = o.countLsbBits();
        steps.add(new ChainStep(
                "COUNT LSBs to UE",
                bits + " least significant bits of " + countText,
                "",
                String.valueOf(dl.lsb(bits))));
        if (o.amfIncrementsCount())
            steps.add(new ChainStep(
                    "AMF DL NAS COUNT after",
                    "incremented by one",
                    "",
                    dl.hasNext() ? String.valueOf(dl.value() + 1) : "wrap: a new KAMF is needed"));
        return steps;
    }

    private static String concat(CkIk k, InsecureKeyAccess a) {
        return hexAndWipe(k.ck().bytes(a)) + hexAndWipe(k.ik().bytes(a));
    }

    /** The bytes of a key copy in hex; the copy is zeroed (the hex text is what the user asked for). */
    private static String hexAndWipe(byte[] b) {
        try {
            return Hex.encode(b);
        } finally {
            Arrays.fill(b, (byte) 0);
        }
    }

    /** A KAMF whose bytes are a hash of the run's seed and the KAMF's identity, so runs are reproducible. */
    static Kamf seededKamf(long seed, int id, int salt) {
        byte[] b = null;
        try {
            b = MessageDigest.getInstance("SHA-256")
                    .digest(("srvcc-kamf/" + seed + "/" + id + "/" + salt).getBytes(StandardCharsets.UTF_8));
            return Kamf.of(b, id, InsecureKeyAccess.get());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (b != null) Arrays.fill(b, (byte) 0);
        }
    }
}

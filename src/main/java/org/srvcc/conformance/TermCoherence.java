package org.srvcc.conformance;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.srvcc.kdf.InsecureKeyAccess;
import org.srvcc.kdf.KeyTerm;
import org.srvcc.procedure.Srvcc;

/**
 * Term/byte coherence: every key's octets equal an independent evaluation of its term. The model
 * compares keys by terms; this ties each term to the octets the Java code computed, by a second
 * KDF path (the JDK's HmacSHA256, with S = FC || P0 || L0 written out here) from the KAMF octets.
 * KDF(k, fc, c) is HMAC-SHA-256(k, FC || c as 4 octets || 0x0004); Half(t, ck) is the 16 most
 * significant octets of t, Half(t, ik) the 16 least. KAMFs are remembered per UE from the first
 * step they are seen, so keys outliving their KAMF are still checked; {@link #close} wipes them.
 */
public final class TermCoherence implements AutoCloseable {
    private final Map<String, byte[]> kamfs = new HashMap<>();
    private long checked;

    /** The KAMFs learnt so far, in a checker of their own (the model replay keeps one with each state it copies). */
    public TermCoherence copy() {
        TermCoherence c = new TermCoherence();
        kamfs.forEach((k, b) -> c.kamfs.put(k, b.clone()));
        return c;
    }

    /**
     * Learns the KAMFs this state holds, checking nothing: for the states on a path already checked when it was first
     * walked, so that keys later on the path that outlive their KAMF can be evaluated.
     */
    public void learn(Srvcc s) {
        List<Srvcc.HeldKey> held = s.heldKeys(InsecureKeyAccess.get());
        try {
            learn(held);
        } finally {
            for (Srvcc.HeldKey h : held) Arrays.fill(h.bytes(), (byte) 0);
        }
    }

    private void learn(List<Srvcc.HeldKey> held) {
        for (Srvcc.HeldKey h : held)
            if (h.term() instanceof KeyTerm.KamfTerm k)
                kamfs.putIfAbsent(h.ue() + "/" + k.id(), h.bytes().clone());
    }

    /** Mismatches in this state (no key octets in the text); also learns the KAMFs it holds. */
    public List<String> check(Srvcc s) {
        List<Srvcc.HeldKey> held = s.heldKeys(InsecureKeyAccess.get());
        List<String> bad = new ArrayList<>();
        try {
            learn(held);
            for (Srvcc.HeldKey h : held) {
                byte[] want = eval(h.ue(), h.term());
                if (want == null) {
                    bad.add("UE " + h.ue() + " " + h.where() + ": no KAMF known for " + h.term());
                    continue;
                }
                checked++;
                if (!MessageDigest.isEqual(want, h.bytes()))
                    bad.add("UE " + h.ue() + " " + h.where() + ": its octets are not " + h.term()
                            + " evaluated independently (HmacSHA256)");
                Arrays.fill(want, (byte) 0);
            }
        } finally {
            for (Srvcc.HeldKey h : held) Arrays.fill(h.bytes(), (byte) 0);
        }
        return bad;
    }

    /** How many key handles were compared so far. */
    public long checked() {
        return checked;
    }

    private byte[] eval(int ue, KeyTerm t) {
        if (t instanceof KeyTerm.KamfTerm k) {
            byte[] b = kamfs.get(ue + "/" + k.id());
            return b == null ? null : b.clone();
        }
        if (t instanceof KeyTerm.HalfTerm h) {
            byte[] whole = eval(ue, h.key());
            if (whole == null) return null;
            try {
                return h.half().equals("ck") ? Arrays.copyOfRange(whole, 0, 16) : Arrays.copyOfRange(whole, 16, 32);
            } finally {
                Arrays.fill(whole, (byte) 0);
            }
        }
        KeyTerm.KdfTerm d = (KeyTerm.KdfTerm) t;
        byte[] key = eval(ue, d.key());
        if (key == null) return null;
        int c = d.count();
        byte[] fc = d.fc().first() == 0xFF
                ? new byte[] {(byte) 0xFF, (byte) d.fc().second()}
                : new byte[] {(byte) d.fc().first()};
        byte[] s = new byte[fc.length + 6];
        System.arraycopy(fc, 0, s, 0, fc.length);
        s[fc.length] = (byte) (c >>> 24);
        s[fc.length + 1] = (byte) (c >>> 16);
        s[fc.length + 2] = (byte) (c >>> 8);
        s[fc.length + 3] = (byte) c;
        s[fc.length + 5] = 4;
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return m.doFinal(s);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    @Override
    public void close() {
        kamfs.values().forEach(b -> Arrays.fill(b, (byte) 0));
        kamfs.clear();
    }
}

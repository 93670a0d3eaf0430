package org.srvcc.procedure;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.srvcc.kdf.CkIk;
import org.srvcc.kdf.Hex;
import org.srvcc.kdf.InsecureKeyAccess;
import org.srvcc.kdf.Kamf;
import org.srvcc.kdf.KeyTerm;

/**
 * The observer that turns events into what the invariants read: the model's history variables
 * (held, issued, srvccKamfs, epsKeys) and the UE's transitions, and byte-level evidence (SHA-256
 * fingerprints of issued keys and of the key each attempt sent, and the wire scan of every encoded
 * message for KAMF's bytes). It keeps terms and fingerprints, never key bytes.
 */
public final class Evidence implements Event.Observer {
    /** A CK||IK pair an MSC accepted: by whom, its term and fingerprint (SHA-256, not the key). */
    public record Issued(int ue, int att, KeyTerm term, String fingerprint) {}

    private final Map<Place, Set<KeyTerm>> held = new EnumMap<>(Place.class);
    private final List<Issued> issued = new ArrayList<>();
    private final Map<Integer, Set<Integer>> srvccKamfs = new TreeMap<>();
    private final Set<KeyTerm> epsKeys = new LinkedHashSet<>();
    private final Map<String, String> sentKeyFingerprint = new HashMap<>();
    private final Map<Integer, Kamf[]> kamfs = new TreeMap<>(); // per UE: the AMF's and the UE's handle, to scan for
    private final List<String> wireLeaks = new ArrayList<>();
    private final List<String> leftCallTo = new ArrayList<>();
    private final List<String> countWentBack = new ArrayList<>();
    private final List<String> amfCountWentBack = new ArrayList<>();

    Evidence() {
        for (Place p : Place.values()) held.put(p, new LinkedHashSet<>());
    }

    private Consumer<Event.Wire> tap = w -> {};

    /** The same record for a copy of the system, with no tap; {@link #scanFor} then gives it the KAMFs to scan for. */
    Evidence(Evidence o) {
        o.held.forEach((p, s) -> held.put(p, new LinkedHashSet<>(s)));
        issued.addAll(o.issued);
        o.srvccKamfs.forEach((u, s) -> srvccKamfs.put(u, new TreeSet<>(s)));
        epsKeys.addAll(o.epsKeys);
        sentKeyFingerprint.putAll(o.sentKeyFingerprint);
        wireLeaks.addAll(o.wireLeaks);
        leftCallTo.addAll(o.leftCallTo);
        countWentBack.addAll(o.countWentBack);
        amfCountWentBack.addAll(o.amfCountWentBack);
    }

    void tap(Consumer<Event.Wire> t) {
        tap = t;
    }

    /**
     * The KAMF handles the original scans the wire for, as the copy's: {@code handle} maps each to the copy's handle
     * (one destroyed since it was issued stays as it is: it matches nothing).
     */
    void scanFor(Evidence o, UnaryOperator<Kamf> handle) {
        o.kamfs.forEach((u, k) -> kamfs.put(u, new Kamf[] {handle.apply(k[0]), handle.apply(k[1])}));
    }

    @Override
    public void on(Event e) {
        if (e instanceof Event.Wire w) tap.accept(w);
        // only GTPv2-C messages can carry a key: the NGAP and RRC records have no key component
        if (e instanceof Event.Wire w)
            scan(w.from() + " -> " + w.to() + " GTPv2-C", w.octets().clone());
        else if (e instanceof Event.KamfIssued k) {
            kamfs.put(k.ue(), new Kamf[] {k.amfCopy(), k.ueCopy()});
            srvccKamfs.putIfAbsent(k.ue(), new TreeSet<>());
        } else if (e instanceof Event.AmfDerived d) {
            sentKeyFingerprint.put(
                    d.ue() + "/" + d.att(),
                    d.kasme() != null ? fingerprint(d.kasme().bytes(InsecureKeyAccess.get())) : fingerprint(d.ckIk()));
        } else if (e instanceof Event.Held h) held.get(h.place()).add(h.key());
        else if (e instanceof Event.EpsKeyDerived k) epsKeys.add(k.key());
        else if (e instanceof Event.ContextMapped c)
            issued.add(new Issued(c.ue(), c.att(), c.keys().source(), fingerprint(c.keys())));
        else if (e instanceof Event.ArrivedUtran a) srvccKamfs.get(a.ue()).add(a.kamfId());
        else if (e instanceof Event.UeCountStored c && c.to() < c.from())
            countWentBack.add(
                    "UE " + c.ue() + " stored DL NAS COUNT " + c.from() + " -> " + c.to() + " under KAMF" + c.kamfId());
        else if (e instanceof Event.AmfCountSet c && c.to() < c.from())
            amfCountWentBack.add("AMF of UE " + c.ue() + ": DL NAS COUNT " + c.from() + " -> " + c.to() + " under KAMF"
                    + c.kamfId());
        else if (e instanceof Event.UeMoved m
                && m.from() == Ue.State.InUtranCall
                && m.to() != Ue.State.InUtranCall
                && m.to() != Ue.State.NeedsReauth)
            leftCallTo.add("UE " + m.ue() + " went from InUtranCall to " + m.to());
    }

    /**
     * Wire scan: the octets sent must not contain the bytes of any KAMF the AMF or a UE holds.
     * GTPv2-C messages are scanned as encoded; the NGAP and RRC records have no field a key could
     * travel in (their types say so), so there is nothing to scan.
     */
    private void scan(String what, byte[] enc) {
        try {
            kamfs.forEach((u, k) -> {
                if (k[0] != null && k[0].occursIn(enc))
                    wireLeaks.add(what + " for UE " + u + " carries the bytes of the AMF's " + k[0].term());
                if (k[1] != null && k[1].term().id() != 0 && k[1].occursIn(enc))
                    wireLeaks.add(what + " for UE " + u + " carries the bytes of the UE's " + k[1].term());
            });
        } finally {
            Arrays.fill(enc, (byte) 0);
        }
    }

    static String fingerprint(byte[] keyBytes) {
        try {
            return Hex.encode(MessageDigest.getInstance("SHA-256").digest(keyBytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            Arrays.fill(keyBytes, (byte) 0);
        }
    }

    static String fingerprint(CkIk k) {
        InsecureKeyAccess a = InsecureKeyAccess.get();
        byte[] ck = k.ck().bytes(a), ik = k.ik().bytes(a);
        byte[] both = new byte[32];
        System.arraycopy(ck, 0, both, 0, 16);
        System.arraycopy(ik, 0, both, 16, 16);
        Arrays.fill(ck, (byte) 0);
        Arrays.fill(ik, (byte) 0);
        return fingerprint(both);
    }

    // ---------------------------------------------------------------- what the invariants and the mapping read

    public Map<Place, Set<KeyTerm>> held() {
        Map<Place, Set<KeyTerm>> m = new EnumMap<>(Place.class);
        held.forEach((p, s) -> m.put(p, Set.copyOf(s)));
        return m;
    }

    public List<Issued> issued() {
        return List.copyOf(issued);
    }

    public Set<Integer> srvccKamfs(int u) {
        return Set.copyOf(srvccKamfs.getOrDefault(u, Set.of()));
    }

    /** Steps that moved a UE's stored COUNT back under the same KAMF (what UeCountMonotonic forbids). */
    public List<String> countDecreases() {
        return List.copyOf(countWentBack);
    }

    /** Steps that moved the AMF's DL NAS COUNT back under the same KAMF (what AmfCountMonotonic forbids). */
    public List<String> amfCountDecreases() {
        return List.copyOf(amfCountWentBack);
    }

    /** Transitions out of a CS call other than its end (what NoReverseSrvcc forbids). */
    public List<String> reverseTransitions() {
        return List.copyOf(leftCallTo);
    }

    List<String> wireLeaks() {
        return wireLeaks;
    }

    /** Every K'ASME the AMF derived for an EPS MME (the model's epsKeys). */
    public Set<KeyTerm> epsKeys() {
        return Set.copyOf(epsKeys);
    }

    /** The fingerprint of the key the AMF sent for this attempt ("ue/att"). */
    String sentKey(String attempt) {
        return sentKeyFingerprint.get(attempt);
    }
}

package org.srvcc.procedure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.srvcc.kdf.KeyTerm;

/**
 * The model's invariants as predicates over all nodes after a step, with the same names. Where
 * the model compares symbolic terms, these compare key bytes (constant time) or their SHA-256
 * fingerprints, and confinement also scans the encoded messages for KAMF's bytes. They read the
 * nodes' contexts and the {@link Evidence}; the nodes never read either.
 */
public final class Invariants {
    private Invariants() {}

    /** Every invariant by its model name, in the order of spec/Srvcc.tla; the one list of names. */
    public static final Map<String, Predicate<Srvcc>> ALL = new LinkedHashMap<>();

    static {
        ALL.put("TypeOK", Invariants::typeOk);
        ALL.put("KamfConfinement", Invariants::kamfConfinement);
        ALL.put("KeyAgreement", Invariants::keyAgreement);
        ALL.put("FailureLeavesNoUsableContext", Invariants::failureLeavesNoUsableContext);
        ALL.put("KeyFreshness", Invariants::keyFreshness);
        ALL.put("KsiMapping", Invariants::ksiMapping);
        ALL.put("CountMonotonic", Invariants::countMonotonic);
        ALL.put("NoReverseSrvcc", s -> s.evidence.reversed() == 0);
        ALL.put("ReauthBeforeReturn", Invariants::reauthBeforeReturn);
        ALL.put("NullAlgorithmsOnlyWhenUnauthenticated", Invariants::nullAlgorithmsOnlyWhenUnauthenticated);
        ALL.put("CkIkSecrecy", Invariants::ckIkSecrecy);
    }

    /** The names of the invariants that do not hold now, in the order above. */
    public static List<String> violated(Srvcc s) {
        List<String> v = new ArrayList<>();
        ALL.forEach((name, p) -> { if (!p.test(s)) v.add(name); });
        return v;
    }

    static boolean typeOk(Srvcc s) {
        if (!s.evidence.typeErrors().isEmpty()) return false;
        for (MscServer.Ctx msc : s.msc.ctx.values()) if (!msc.ksi.namesContext()) return false;
        for (MmeSrvcc.Ctx mme : s.mme.ctx.values()) if (!mme.ksi.namesContext()) return false;
        return true;
    }

    /** No KAMF on the wire (bytes), in a message or held by a non-AMF place (terms), or known to the attacker. */
    static boolean kamfConfinement(Srvcc s) {
        if (!s.evidence.wireLeaks().isEmpty()) return false;
        for (Message m : s.net.inFlight()) {
            if (m instanceof Message.ForwardRelocationRequest f && f.kasme().term() instanceof KeyTerm.KamfTerm) return false;
            if (m instanceof Message.PsToCsRequest p && p.keys().source() instanceof KeyTerm.KamfTerm) return false;
        }
        for (Set<KeyTerm> ks : s.evidence.held().values()) for (KeyTerm k : ks) if (k instanceof KeyTerm.KamfTerm) return false;
        return true;
    }

    /** UE and MSC hold the same CK_SRVCC, IK_SRVCC (bytes, constant time) and KSI. */
    public static boolean csKeysAgree(Srvcc s, int u) {
        Ue.Ctx ue = s.ue.ctx.get(u);
        MscServer.Ctx msc = s.msc.ctx.get(u);
        return ue.key != null && msc.key != null && ue.key.sameAs(msc.key) && ue.ksi.equals(msc.ksi);
    }

    /** In a ciphered CS call, UE and MSC agree on the keys and the KSI. */
    static boolean keyAgreement(Srvcc s) {
        for (int u : s.ues()) {
            Ue.Ctx ue = s.ue.ctx.get(u);
            MscServer.Ctx msc = s.msc.ctx.get(u);
            if (ue.state == Ue.State.InUtranCall && msc.state == MscServer.State.Active && msc.alg != Algorithm.NULL
                && !csKeysAgree(s, u)) return false;
        }
        return true;
    }

    static boolean failureLeavesNoUsableContext(Srvcc s) {
        for (int u : s.ues()) {
            MscServer.Ctx msc = s.msc.ctx.get(u);
            if (msc.key != null && !msc.key.isDestroyed() && msc.state == MscServer.State.Idle) return false;
            Ue.Ctx ue = s.ue.ctx.get(u);
            if (ue.key != null && ue.state != Ue.State.HoCommanded && ue.state != Ue.State.InUtranCall) return false;
        }
        return true;
    }

    /**
     * No CK||IK repeats across attempts (fingerprints); no SRVCC key equals what a 5G to EPS
     * handover or idle mobility would derive (A.14); in the MME profiles CK||IK is not the key the MME got.
     */
    static boolean keyFreshness(Srvcc s) {
        Map<String, String> owner = new HashMap<>();
        for (Evidence.Issued i : s.evidence.issued()) {
            String who = i.ue() + "/" + i.att();
            String prev = owner.putIfAbsent(i.fingerprint(), who);
            if (prev != null && !prev.equals(who)) return false;
            if (s.evidence.otherPurpose(i.fingerprint())) return false;
            String sent = s.evidence.sentKey(who);
            if (sent != null && s.evidence.otherPurpose(sent)) return false;
            if (s.profile.viaMme() && (i.fingerprint().equals(sent) || straightFromKamf(i.term()))) return false;
        }
        return true;
    }

    /** True when the CK||IK came straight off a KAMF in a profile that must go through a KASME. */
    private static boolean straightFromKamf(KeyTerm t) {
        return t instanceof KeyTerm.KdfTerm d && d.key() instanceof KeyTerm.KamfTerm;
    }

    static boolean ksiMapping(Srvcc s) {
        for (MscServer.Ctx msc : s.msc.ctx.values())
            if ((msc.state == MscServer.State.Prepared || msc.state == MscServer.State.Active) && msc.key != null
                && msc.ksi.value() != msc.key.source().root().id() % 7) return false;
        return true;
    }

    static boolean countMonotonic(Srvcc s) {
        for (int u : s.ues()) {
            Amf.Ctx amf = s.amf.ctx.get(u);
            Ue.Ctx ue = s.ue.ctx.get(u);
            if (amf.used.size() != amf.derivs || ue.used.size() != ue.derivs) return false;
            if (!amf.used.isEmpty() && amf.used.last() > amf.dl) return false;
        }
        return true;
    }

    static boolean reauthBeforeReturn(Srvcc s) {
        for (int u : s.ues()) {
            Ue.Ctx ue = s.ue.ctx.get(u);
            if (ue.state == Ue.State.Connected5G && s.evidence.srvccKamfs(u).contains(ue.kamf.term().id())) return false;
        }
        return true;
    }

    static boolean nullAlgorithmsOnlyWhenUnauthenticated(Srvcc s) {
        for (int u : s.ues()) if (s.msc.ctx.get(u).alg == Algorithm.NULL && !s.unauthUes.contains(u)) return false;
        return true;
    }

    static boolean ckIkSecrecy(Srvcc s) {
        List<KeyTerm> known = new ArrayList<>();
        Map<Place, Set<KeyTerm>> held = s.evidence.held();
        for (Place p : s.compromised) known.addAll(held.get(p));
        for (MscServer.Ctx msc : s.msc.ctx.values())
            if (msc.state == MscServer.State.Active && msc.alg != Algorithm.NULL && msc.key != null
                && derivable(msc.key.source(), known)) return false;
        return true;
    }

    /** Forward derivability, as Derivable(k, K) in the model: k is known, or derived from a known key. */
    static boolean derivable(KeyTerm k, Collection<KeyTerm> known) {
        for (KeyTerm t = k; ; ) {
            if (known.contains(t)) return true;
            if (t instanceof KeyTerm.KdfTerm d) t = d.key();
            else if (t instanceof KeyTerm.HalfTerm h) t = h.key();
            else return false;
        }
    }
}

package org.srvcc.procedure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.srvcc.kdf.KeyTerm;
import org.srvcc.procedure.Nodes.AmfCtx;
import org.srvcc.procedure.Nodes.MscCtx;
import org.srvcc.procedure.Nodes.MscState;
import org.srvcc.procedure.Nodes.UeCtx;
import org.srvcc.procedure.Nodes.UeState;

/**
 * The model's invariants as predicates over all nodes after a step, with the same names. Where
 * the model compares symbolic terms, these compare key bytes (constant time) or their SHA-256
 * fingerprints, and confinement also scans the encoded messages for KAMF's bytes.
 */
public final class Invariants {
    private Invariants() {}

    public static final Map<String, Predicate<Srvcc>> ALL = new LinkedHashMap<>();

    static {
        ALL.put("TypeOK", Invariants::typeOk);
        ALL.put("KamfConfinement", Invariants::kamfConfinement);
        ALL.put("KeyAgreement", Invariants::keyAgreement);
        ALL.put("FailureLeavesNoUsableContext", Invariants::failureLeavesNoUsableContext);
        ALL.put("KeyFreshness", Invariants::keyFreshness);
        ALL.put("KsiMapping", Invariants::ksiMapping);
        ALL.put("CountMonotonic", Invariants::countMonotonic);
        ALL.put("NoReverseSrvcc", s -> s.reversed == 0);
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
        if (!s.typeErrors.isEmpty()) return false;
        for (MscCtx c : s.msc.values()) if (c.ksi < 0 || c.ksi > 6) return false;
        for (Nodes.MmeCtx e : s.mme.values()) if (e.ksi < 0 || e.ksi > 6) return false;
        return true;
    }

    /** No KAMF on the wire (bytes), in a message or held by a non-AMF place (terms), or known to the attacker. */
    static boolean kamfConfinement(Srvcc s) {
        if (!s.wireLeaks.isEmpty()) return false;
        for (Message m : s.msgs.values()) {
            if (m instanceof Message.ForwardRelocationRequest f && f.kasme().term() instanceof KeyTerm.KamfTerm) return false;
            if (m instanceof Message.PsToCsRequest p && p.keys().source() instanceof KeyTerm.KamfTerm) return false;
        }
        for (Set<KeyTerm> ks : s.held.values()) for (KeyTerm k : ks) if (k instanceof KeyTerm.KamfTerm) return false;
        return true;
    }

    /** In a ciphered CS call, UE and MSC hold the same CK_SRVCC, IK_SRVCC (bytes) and KSI. */
    static boolean keyAgreement(Srvcc s) {
        for (int u : s.ues()) {
            UeCtx x = s.ue.get(u);
            MscCtx c = s.msc.get(u);
            if (x.state == UeState.InUtranCall && c.state == MscState.Active && !c.alg.equals("null")) {
                if (x.key == null || c.key == null || !x.key.sameAs(c.key) || x.ksi != c.ksi) return false;
            }
        }
        return true;
    }

    static boolean failureLeavesNoUsableContext(Srvcc s) {
        for (int u : s.ues()) {
            MscCtx c = s.msc.get(u);
            if (c.key != null && !c.key.isDestroyed() && c.state == MscState.Idle) return false;
            UeCtx x = s.ue.get(u);
            if (x.key != null && x.state != UeState.HoCommanded && x.state != UeState.InUtranCall) return false;
        }
        return true;
    }

    /**
     * No CK||IK repeats across attempts (fingerprints); no SRVCC key equals what a 5G to EPS
     * handover or idle mobility would derive (A.14); in the MME profiles CK||IK is not the key the MME got.
     */
    static boolean keyFreshness(Srvcc s) {
        Map<String, String> owner = new HashMap<>();
        for (Srvcc.Issued i : s.issued) {
            String who = i.ue() + "/" + i.att();
            String prev = owner.putIfAbsent(i.fingerprint(), who);
            if (prev != null && !prev.equals(who)) return false;
            if (s.otherPurposeFingerprints.contains(i.fingerprint())) return false;
            String kasme = s.kasmeFingerprint.get(who);
            if (kasme != null && s.otherPurposeFingerprints.contains(kasme)) return false;
            if (s.profile.viaMme() && (i.fingerprint().equals(kasme) || root1(i.term()))) return false;
        }
        return true;
    }

    /** True when the CK||IK came straight off a KAMF in a profile that must go through a KASME. */
    private static boolean root1(KeyTerm t) {
        return t instanceof KeyTerm.KdfTerm d && d.key() instanceof KeyTerm.KamfTerm;
    }

    static boolean ksiMapping(Srvcc s) {
        for (MscCtx c : s.msc.values())
            if ((c.state == MscState.Prepared || c.state == MscState.Active) && c.key != null
                && c.ksi != Nodes.ksiOf(c.key.source().root().id())) return false;
        return true;
    }

    static boolean countMonotonic(Srvcc s) {
        for (int u : s.ues()) {
            AmfCtx f = s.amf.get(u);
            UeCtx x = s.ue.get(u);
            if (f.used.size() != f.derivs || x.used.size() != x.derivs) return false;
            if (!f.used.isEmpty() && f.used.last() > f.dl) return false;
        }
        return true;
    }

    static boolean reauthBeforeReturn(Srvcc s) {
        for (int u : s.ues()) {
            UeCtx x = s.ue.get(u);
            if (x.state == UeState.Connected5G && s.srvccKamfs.get(u).contains(x.kamf.term().id())) return false;
        }
        return true;
    }

    static boolean nullAlgorithmsOnlyWhenUnauthenticated(Srvcc s) {
        for (int u : s.ues()) if (s.msc.get(u).alg.equals("null") && !s.unauthUes.contains(u)) return false;
        return true;
    }

    static boolean ckIkSecrecy(Srvcc s) {
        List<KeyTerm> known = new ArrayList<>();
        for (String p : s.compromised) known.addAll(s.held.get(p));
        for (MscCtx c : s.msc.values())
            if (c.state == MscState.Active && !c.alg.equals("null") && c.key != null
                && Terms.derivable(c.key.source(), known)) return false;
        return true;
    }
}

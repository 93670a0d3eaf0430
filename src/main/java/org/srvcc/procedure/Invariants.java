package org.srvcc.procedure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import org.srvcc.kdf.KeyTerm;

/**
 * The model's invariants as predicates over all nodes after a step, part by part, with the names
 * of spec/Srvcc.tla. Where the model compares symbolic terms, these compare key bytes (constant
 * time) or their SHA-256 fingerprints, and confinement also scans the encoded messages for KAMF's
 * bytes. They read the nodes' contexts and the {@link Evidence}; the nodes never read either.
 */
public final class Invariants {
    private Invariants() {}

    /** Each invariant and its named parts, in the order of spec/Srvcc.tla: the one list of names. */
    public static final Map<String, List<String>> PARTS = new LinkedHashMap<>();
    /** Every part by name. */
    public static final Map<String, Predicate<Srvcc>> ALL = new LinkedHashMap<>();
    /** Parts that are properties of steps (checked as TLA+ action properties, not state invariants). */
    public static final Set<String> ACTION_PROPERTIES =
            Set.of("NoReverseSrvcc", "UeCountMonotonic", "AmfCountMonotonic");

    private static void inv(String name, Object... partsAndPredicates) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < partsAndPredicates.length; i += 2) {
            @SuppressWarnings("unchecked")
            Predicate<Srvcc> p = (Predicate<Srvcc>) partsAndPredicates[i + 1];
            parts.add((String) partsAndPredicates[i]);
            ALL.put((String) partsAndPredicates[i], p);
        }
        PARTS.put(name, List.copyOf(parts));
    }

    static {
        inv("TypeOK", "TypeOK", (Predicate<Srvcc>) Invariants::typeOk);
        inv(
                "KamfConfinement",
                "KamfNotInMessages",
                (Predicate<Srvcc>) Invariants::kamfNotInMessages,
                "KamfNotHeldOutsideAmf",
                (Predicate<Srvcc>) s -> heldKamf(s, Set.of(Place.values())),
                "KamfUnknownToAttacker",
                (Predicate<Srvcc>) s -> heldKamf(s, s.compromised));
        inv(
                "KeyAgreement",
                "CallKeysAgree",
                (Predicate<Srvcc>) s -> inCall(s, (x, c) -> x.key != null && c.key != null && x.key.sameAs(c.key)),
                "CallKsiAgrees",
                (Predicate<Srvcc>) s -> inCall(s, (x, c) -> x.ksi.equals(c.ksi)));
        inv(
                "FailureLeavesNoUsableContext",
                "MscKeysOnlyInHandover",
                (Predicate<Srvcc>) s -> s.msc.ctx.values().stream()
                        .allMatch(c -> c.key == null || c.key.isDestroyed() || inHandover(c)),
                "MscKsiOnlyInHandover",
                (Predicate<Srvcc>)
                        s -> s.msc.ctx.values().stream().allMatch(c -> !c.ksi.namesContext() || inHandover(c)),
                "UeKeysOnlyInHandover",
                (Predicate<Srvcc>) s -> s.ue.ctx.values().stream()
                        .allMatch(x ->
                                x.key == null || x.state == Ue.State.HoCommanded || x.state == Ue.State.InUtranCall));
        inv("KeyFreshness", "ContextKeysNeverRepeat", (Predicate<Srvcc>) Invariants::contextKeysNeverRepeat);
        inv("KeySeparation", "SrvccKeysNotEpsKeys", (Predicate<Srvcc>) Invariants::srvccKeysNotEpsKeys);
        // hygiene: split-key (the project's own property; the draft's step 4 allows K'ASME taken as CK||IK)
        inv("ProjectKeyHygiene", "ContextKeysNotMmeInput", (Predicate<Srvcc>) Invariants::contextKeysNotMmeInput);
        inv(
                "KsiMapping",
                "MappedKsiNamesAContext",
                (Predicate<Srvcc>) s -> s.msc.ctx.values().stream()
                        .allMatch(c -> !inHandover(c) || c.key == null || c.ksi.namesContext()),
                "MappedKsiIsNgKsi",
                (Predicate<Srvcc>) s -> s.msc.ctx.values().stream()
                        .allMatch(c -> !inHandover(c)
                                || !c.ksi.namesContext()
                                || c.key == null
                                || c.ksi.value() == ksiOf(c.key.source())),
                "SentKsiIsNgKsi",
                (Predicate<Srvcc>) Invariants::sentKsiIsNgKsi,
                "NothingKeyedFromNoKsi",
                (Predicate<Srvcc>) Invariants::nothingKeyedFromNoKsi);
        inv(
                "CountMonotonic",
                "AmfNeverReusesCount",
                (Predicate<Srvcc>) s -> s.amf.ctx.values().stream().allMatch(f -> f.used.size() == f.derivs),
                "UeNeverReusesCount",
                (Predicate<Srvcc>) s -> s.ue.ctx.values().stream().allMatch(x -> x.used.size() == x.derivs),
                "AmfCountPastUsed",
                (Predicate<Srvcc>)
                        s -> s.amf.ctx.values().stream().allMatch(f -> f.used.isEmpty() || f.used.last() < f.dl),
                "UeCountMonotonic",
                (Predicate<Srvcc>) s -> s.evidence.countDecreases().isEmpty(),
                "AmfCountMonotonic",
                (Predicate<Srvcc>) s -> s.evidence.amfCountDecreases().isEmpty());
        inv("NoReverseSrvcc", "NoReverseSrvcc", (Predicate<Srvcc>)
                s -> s.evidence.reverseTransitions().isEmpty());
        inv("ReauthBeforeReturn", "ReauthBeforeReturn", (Predicate<Srvcc>) Invariants::reauthBeforeReturn);
        inv(
                "NullAlgorithmsOnlyWhenUnauthenticated",
                "NullOnlyForUnauthEmergency",
                (Predicate<Srvcc>) s -> s.msc.ctx.values().stream()
                        .allMatch(c -> !c.alg.equals(Selection.NULL) || c.session == Session.EMERGENCY_UNAUTH),
                "UnauthEmergencyGetsNull",
                (Predicate<Srvcc>) s -> s.msc.ctx.values().stream()
                        .allMatch(c -> !inHandover(c)
                                || c.session != Session.EMERGENCY_UNAUTH
                                || c.alg.equals(Selection.NULL)),
                "UnauthOnlyWithoutKamf",
                (Predicate<Srvcc>) s -> s.ue.ctx.values().stream()
                        .allMatch(x -> x.session != Session.EMERGENCY_UNAUTH
                                || x.kamf.term().id() == 0));
        inv(
                "AlgorithmSelection",
                "AlgorithmUeSupports",
                (Predicate<Srvcc>) s -> s.msc.ctx.entrySet().stream()
                        .allMatch(e -> !e.getValue().alg.usesKeys()
                                || e.getValue().alg.executableBy(s.caps.capabilityOf(e.getKey()))),
                "NoBiddingDown",
                (Predicate<Srvcc>) s -> s.msc.ctx.entrySet().stream()
                        .allMatch(e -> !e.getValue().alg.usesKeys()
                                || e.getValue()
                                        .alg
                                        .equals(Selection.best(
                                                s.caps.capabilityOf(e.getKey()), s.options.mscPrefers()))));
        inv("SrvccCapabilityHonoured", "SrvccOnlyForCapableUe", (Predicate<Srvcc>) s ->
                s.caps.srvccIncapableUes().stream()
                        .allMatch(u -> !s.amf.ctx.containsKey(u) || s.amf.ctx.get(u).att == 0));
        inv("CkIkSecrecy", "CkIkSecrecy", (Predicate<Srvcc>) Invariants::ckIkSecrecy);
    }

    /** The invariant a part belongs to. */
    public static String parentOf(String part) {
        for (Map.Entry<String, List<String>> e : PARTS.entrySet())
            if (e.getValue().contains(part)) return e.getKey();
        throw new IllegalArgumentException("no invariant part named " + part);
    }

    /** The invariants (by their names) with a part that does not hold now, in the order above. */
    public static List<String> violated(Srvcc s) {
        List<String> v = new ArrayList<>();
        for (String part : violatedParts(s)) if (!v.contains(parentOf(part))) v.add(parentOf(part));
        return v;
    }

    /** The parts that do not hold now. */
    public static List<String> violatedParts(Srvcc s) {
        List<String> v = new ArrayList<>();
        ALL.forEach((name, p) -> {
            if (!p.test(s)) v.add(name);
        });
        return v;
    }

    private static boolean inHandover(MscServer.Ctx c) {
        return c.state == MscServer.State.Prepared || c.state == MscServer.State.Active;
    }

    /** As in the model: mmeKsi names a context (7 is "no key"); MSC KSIs are 0..7 (7: no context). */
    static boolean typeOk(Srvcc s) {
        for (MmeSrvcc.Ctx mme : s.mme.ctx.values()) if (!mme.ksi.namesContext()) return false;
        return true;
    }

    static boolean kamfNotInMessages(Srvcc s) {
        if (!s.evidence.wireLeaks().isEmpty()) return false;
        for (Message m : s.net.inFlight()) {
            if (m instanceof Message.ForwardRelocationRequest f
                    && f.kasme() != null
                    && f.kasme().term() instanceof KeyTerm.KamfTerm) return false;
            if (m instanceof Message.PsToCsRequest p
                    && p.keys() != null
                    && p.keys().source() instanceof KeyTerm.KamfTerm) return false;
        }
        return true;
    }

    /** Each keyed request in flight names, by its KSI, the KAMF its key comes from (eKSI = ngKSI, KSI_SRVCC = eKSI). */
    static boolean sentKsiIsNgKsi(Srvcc s) {
        for (Message m : s.net.inFlight()) {
            if (m instanceof Message.ForwardRelocationRequest f
                    && f.kasme() != null
                    && f.ksi().value() != ksiOf(f.kasme().term())) return false;
            if (m instanceof Message.PsToCsRequest p
                    && p.keys() != null
                    && p.ksi().value() != ksiOf(p.keys().source())) return false;
        }
        return true;
    }

    /** The ngKSI of the KAMF a key comes from: Srvcc.tla's KsiOf(Root(k).id). */
    private static int ksiOf(KeyTerm k) {
        return k.root().id() % 7;
    }

    /** KSI 7 ("no key available") names no key: in a keyed request, at the MSC, at the UE. */
    static boolean nothingKeyedFromNoKsi(Srvcc s) {
        for (Message m : s.net.inFlight()) {
            if (m instanceof Message.ForwardRelocationRequest f && !f.ksi().namesContext() && f.kasme() != null)
                return false;
            if (m instanceof Message.PsToCsRequest p && !p.ksi().namesContext() && p.keys() != null) return false;
        }
        for (MscServer.Ctx c : s.msc.ctx.values()) if (!c.ksi.namesContext() && c.key != null) return false;
        for (Ue.Ctx x : s.ue.ctx.values()) if (!x.ksi.namesContext() && x.key != null) return false;
        return true;
    }

    /** No KAMF term rests at these places (forward-only KDF: a KAMF is known only if held). */
    private static boolean heldKamf(Srvcc s, Set<Place> places) {
        Map<Place, Set<KeyTerm>> held = s.evidence.held();
        for (Place p : places) for (KeyTerm k : held.get(p)) if (k instanceof KeyTerm.KamfTerm) return false;
        return true;
    }

    /** UE and MSC hold the same CK_SRVCC, IK_SRVCC (bytes, constant time) and KSI. */
    public static boolean csKeysAgree(Srvcc s, int u) {
        Ue.Ctx ue = s.ue.ctx.get(u);
        MscServer.Ctx msc = s.msc.ctx.get(u);
        return ue.key != null && msc.key != null && ue.key.sameAs(msc.key) && ue.ksi.equals(msc.ksi);
    }

    /** In every ciphered CS call, UE and MSC satisfy {@code agree}. */
    private static boolean inCall(Srvcc s, BiPredicate<Ue.Ctx, MscServer.Ctx> agree) {
        for (int u : s.ues()) {
            Ue.Ctx ue = s.ue.ctx.get(u);
            MscServer.Ctx msc = s.msc.ctx.get(u);
            if (ue.state == Ue.State.InUtranCall
                    && msc.state == MscServer.State.Active
                    && !msc.alg.equals(Selection.NULL)
                    && !agree.test(ue, msc)) return false;
        }
        return true;
    }

    /** No CK||IK repeats across attempts (fingerprints). */
    static boolean contextKeysNeverRepeat(Srvcc s) {
        Map<String, String> owner = new HashMap<>();
        for (Evidence.Issued i : s.evidence.issued()) {
            String who = i.ue() + "/" + i.att();
            String prev = owner.putIfAbsent(i.fingerprint(), who);
            if (prev != null && !prev.equals(who)) return false;
        }
        return true;
    }

    /**
     * No key the SRVCC side saw (a mapped context's, or one that rested at MME_SRVCC, Sv or the MSC) is a K'ASME an EPS
     * MME got (A.14).
     */
    static boolean srvccKeysNotEpsKeys(Srvcc s) {
        Set<KeyTerm> eps = s.evidence.epsKeys();
        if (eps.isEmpty()) return true;
        for (Evidence.Issued i : s.evidence.issued()) if (eps.contains(i.term())) return false;
        for (Set<KeyTerm> h : s.evidence.held().values()) for (KeyTerm k : h) if (eps.contains(k)) return false;
        return true;
    }

    /** In the MME profiles CK||IK is not the key the MME received, nor straight off a KAMF. */
    static boolean contextKeysNotMmeInput(Srvcc s) {
        if (!s.profile.viaMme()) return true;
        for (Evidence.Issued i : s.evidence.issued()) {
            String sent = s.evidence.sentKey(i.ue() + "/" + i.att());
            if (i.fingerprint().equals(sent)
                    || i.term() instanceof KeyTerm.KdfTerm d && d.key() instanceof KeyTerm.KamfTerm) return false;
        }
        return true;
    }

    static boolean reauthBeforeReturn(Srvcc s) {
        for (int u : s.ues()) {
            Ue.Ctx ue = s.ue.ctx.get(u);
            if (ue.state == Ue.State.Connected5G
                    && s.evidence.srvccKamfs(u).contains(ue.kamf.term().id())) return false;
        }
        return true;
    }

    static boolean ckIkSecrecy(Srvcc s) {
        List<KeyTerm> known = new ArrayList<>();
        Map<Place, Set<KeyTerm>> held = s.evidence.held();
        for (Place p : s.compromised) known.addAll(held.get(p));
        for (MscServer.Ctx msc : s.msc.ctx.values())
            if (msc.state == MscServer.State.Active
                    && !msc.alg.equals(Selection.NULL)
                    && msc.key != null
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

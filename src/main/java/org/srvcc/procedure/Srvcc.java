package org.srvcc.procedure;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.srvcc.kdf.CkIk;
import org.srvcc.kdf.InsecureKeyAccess;
import org.srvcc.kdf.Kamf;
import org.srvcc.kdf.KeyTerm;

/**
 * The nodes (UE, gNB, AMF, MME_SRVCC, MSC server) and the network between them, for UEs 1..N,
 * composed as spec/Srvcc.tla's Next: {@link #enabled()} lists the steps that may happen next and
 * {@link #apply(Step)} takes one. The model bounds are applied here as model-checks/MC.tla applies
 * them, as wrappers of the nodes' actions; the nodes know no bounds.
 */
public final class Srvcc {
    public final Profile profile;
    public final Options options;
    public final Bounds bounds;
    final Set<Integer> unauthUes;
    final Set<Place> compromised;
    public final Capabilities caps;

    final Evidence evidence;
    final Network net;
    final Gnb gnb;
    final Amf amf;
    final Ue ue;
    final MmeSrvcc mme;
    final MscServer msc;

    public Srvcc(
            Profile profile,
            Options options,
            Bounds bounds,
            Set<Integer> emergencyUes,
            Set<Integer> unauthUes,
            Set<Place> compromised,
            long seed) {
        this(profile, options, bounds, emergencyUes, unauthUes, compromised, seed, null);
    }

    /**
     * As above; {@code firstKamf}, if given, is UE 1's first KAMF instead of the seed's (e.g. to check a capture with
     * it).
     */
    public Srvcc(
            Profile profile,
            Options options,
            Bounds bounds,
            Set<Integer> emergencyUes,
            Set<Integer> unauthUes,
            Set<Place> compromised,
            long seed,
            Kamf firstKamf) {
        this(profile, options, bounds, emergencyUes, unauthUes, compromised, Capabilities.NONE, seed, firstKamf);
    }

    /**
     * With the UEs' capabilities and the capability attacker ({@link Capabilities#NONE}: every UE capable, no
     * attacker).
     */
    public Srvcc(
            Profile profile,
            Options options,
            Bounds bounds,
            Set<Integer> emergencyUes,
            Set<Integer> unauthUes,
            Set<Place> compromised,
            Capabilities caps,
            long seed,
            Kamf firstKamf) {
        this(
                profile,
                options,
                Deviations.STANDARD,
                bounds,
                emergencyUes,
                unauthUes,
                compromised,
                caps,
                seed,
                firstKamf);
    }

    /**
     * With the deviations the options' mutant switches ask for ({@code org.srvcc.mutants.Mutants.of(options)}); the
     * constructors without them take the standard procedure and refuse options that set a mutant.
     */
    public Srvcc(
            Profile profile,
            Options options,
            Deviations dev,
            Bounds bounds,
            Set<Integer> emergencyUes,
            Set<Integer> unauthUes,
            Set<Place> compromised,
            Capabilities caps,
            long seed,
            Kamf firstKamf) {
        if (dev == Deviations.STANDARD && options.isMutant())
            throw new IllegalArgumentException("options " + options.diffText() + " set a mutant: pass its Deviations");
        if (!unauthUes.containsAll(caps.noContextUes())) // as the model's ASSUME: no SIM means unauthenticated
        throw new IllegalArgumentException("UEs without a 5G security context " + caps.noContextUes()
                + " must be unauthenticated emergency UEs");
        this.evidence = new Evidence();
        this.caps = caps;
        this.profile = profile;
        this.options = options;
        this.bounds = bounds;
        this.unauthUes = Set.copyOf(unauthUes);
        this.compromised = compromised.isEmpty() ? Set.of() : EnumSet.copyOf(compromised);
        Map<Integer, Session> sessions = new TreeMap<>();
        for (int u = 1; u <= bounds.ues(); u++)
            sessions.put(
                    u,
                    unauthUes.contains(u)
                            ? Session.EMERGENCY_UNAUTH
                            : emergencyUes.contains(u) ? Session.EMERGENCY : Session.NORMAL);
        net = new Network(evidence, profile, bounds.ues(), caps);
        gnb = new Gnb(net, bounds.ues(), caps);
        amf = new Amf(profile, options, dev, net, evidence, seed, sessions, firstKamf, caps);
        ue = new Ue(profile, options, dev, net, evidence, amf, gnb, sessions, caps);
        mme = new MmeSrvcc(profile, options, dev, net, evidence, bounds.ues());
        msc = new MscServer(options, dev, net, evidence, bounds.ues());
        gnb.connect(ue, amf);
    }

    /**
     * An independent copy of this system in its current state: every node, message in flight and record of evidence,
     * each key with a handle of its own, so that destroying or changing one leaves the other as it was. The model
     * replay takes each transition from a copy of its source state. The copy hands the wire to no tap.
     */
    public Srvcc copy() {
        return new Srvcc(this);
    }

    private Srvcc(Srvcc o) {
        profile = o.profile;
        options = o.options;
        bounds = o.bounds;
        unauthUes = o.unauthUes;
        compromised = o.compromised;
        caps = o.caps;
        evidence = new Evidence(o.evidence);
        net = new Network(o.net, evidence);
        gnb = new Gnb(o.gnb, net);
        amf = new Amf(o.amf, net, evidence);
        ue = new Ue(o.ue, net, evidence, amf, gnb);
        mme = new MmeSrvcc(o.mme, net, evidence);
        msc = new MscServer(o.msc, net, evidence);
        gnb.connect(ue, amf);
        Map<Kamf, Kamf> handles = new IdentityHashMap<>();
        for (int u : o.ues()) {
            handles.put(o.amf.ctx.get(u).kamf, amf.ctx.get(u).kamf);
            handles.put(o.ue.ctx.get(u).kamf, ue.ctx.get(u).kamf);
        }
        evidence.scanFor(o.evidence, k -> {
            if (k == null || k.isDestroyed()) return k;
            if (!handles.containsKey(k)) throw new IllegalStateException("a live KAMF that no node holds: " + k);
            return handles.get(k);
        });
    }

    /** Also hands every GTPv2-C message's octets to {@code tap} as it goes on the wire (it copies what it keeps). */
    public void tapWire(Consumer<Event.Wire> tap) {
        evidence.tap(tap);
    }

    /** Every enabled step, in a fixed order (the scheduler and the model replay choose among them). */
    public List<Step> enabled() {
        List<Step> s = new ArrayList<>();
        for (int u : ues()) for (Action a : Action.values()) if (a.scope == Action.Scope.UE) add(s, a, u);
        for (Action a : Action.values()) if (a.scope == Action.Scope.NODE) add(s, a, 0);
        return s;
    }

    private void add(List<Step> s, Action a, int u) {
        int n = ways(a, u).size();
        for (int k = 0; k < n; k++) s.add(new Step(a, u, k));
    }

    public void apply(Step s) {
        List<Runnable> w = ways(s.action(), s.ue());
        if (s.choice() < 0 || s.choice() >= w.size()) throw new IllegalStateException("step " + s + " is not enabled");
        net.startStep();
        w.get(s.choice()).run();
    }

    /** The ways action a can be taken for UE u now: the node's action under MC.tla's bound. */
    List<Runnable> ways(Action a, int u) {
        return a.ways(this, u);
    }

    /** MC.tla's MCAttemptAllowed(u): attempts and DL NAS COUNT left. */
    boolean room(int u) {
        Amf.Ctx amfCtx = amf.ctx.get(u);
        return amfCtx.att < bounds.maxAttempts() && amfCtx.dl < bounds.countCap(1 << options.countLsbBits());
    }

    boolean countLeft(int u) {
        return amf.ctx.get(u).dl < bounds.maxCount();
    }

    /** MC.tla's guard of the NAS runs: switched on, and once per KAMF (the COUNT still in the first window). */
    boolean runLeft(int u, boolean allowed) {
        return allowed && amf.ctx.get(u).dl < (1 << options.countLsbBits()) - 1;
    }

    boolean kamfLeft() {
        return amf.nextKamf <= bounds.maxKamf();
    }

    boolean faultsLeft() {
        return net.faults < bounds.maxFaults();
    }

    boolean reordersLeft() {
        return net.reorders < bounds.maxReorders();
    }

    boolean replaysLeft() {
        return net.replays < bounds.maxReplays();
    }

    boolean tampersLeft() {
        return net.tampers < caps.maxTampers();
    }

    // ---------------------------------------------------------------- the capability attacker on Uu and N2

    /** AttackerRewriteSrvccIndication: on NGAP (N2) the attacker strips or forges "5G-SRVCC operation possible". */
    List<Runnable> rewriteSrvccIndication(int u) {
        return Actions.when(caps.tamperedLinks().contains("N2"), () -> {
            net.tampers++;
            gnb.srvccPossible.put(u, !gnb.srvccPossible.get(u));
        });
    }

    /**
     * AttackerForgeRegistration: the attacker rewrites the 5G-SRVCC capability in a Registration
     * Request; only a UE without NAS security (no KAMF shared) is exposed: a protected request would
     * fail its integrity check. The AMF records it and tells the gNB.
     */
    List<Runnable> forgeRegistration(int u) {
        return Actions.when(
                caps.tamperedLinks().contains("Uu") && ue.ctx.get(u).kamf.term().id() == 0, () -> {
                    net.tampers++;
                    Amf.Ctx a = amf.ctx.get(u);
                    a.srvccCap = !a.srvccCap;
                    gnb.srvccPossible.put(u, a.srvccCap);
                });
    }

    // ---------------------------------------------------------------- read-only access for the model bridge and tools

    public Set<Integer> ues() {
        return ue.ctx.keySet();
    }

    public Ue.View ue(int u) {
        return ue.view(u);
    }

    public Gnb.State gnb(int u) {
        return gnb.view(u);
    }

    public boolean gnbSrvccPossible(int u) {
        return gnb.srvccPossible(u);
    }

    public Amf.View amf(int u) {
        return amf.view(u);
    }

    public MmeSrvcc.View mme(int u) {
        return mme.view(u);
    }

    public MscServer.View msc(int u) {
        return msc.view(u);
    }

    public Network network() {
        return net;
    }

    public Evidence evidence() {
        return evidence;
    }

    public int nextKamf() {
        return amf.nextKamf;
    }

    /** Destroys every key this run holds: KAMFs, CS keys in every context, keys in messages in flight. */
    public void destroyKeys() {
        for (Ue.Ctx c : ue.ctx.values()) {
            if (c.kamf != null) c.kamf.destroy();
            if (c.key != null) c.key.destroy();
        }
        for (Amf.Ctx c : amf.ctx.values()) if (c.kamf != null) c.kamf.destroy();
        for (MscServer.Ctx c : msc.ctx.values()) if (c.key != null) c.key.destroy();
        for (Message m : net.inFlight()) m.destroyKeys();
    }

    /** CK/IK bytes of UE and MSC, for a user who asked to see secrets (simulate --show-keys). */
    public Map<String, byte[]> revealCsKeys(int u, InsecureKeyAccess access) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        CkIk x = ue.ctx.get(u).key, c = msc.ctx.get(u).key;
        m.put("UE CK_SRVCC", x == null || x.isDestroyed() ? null : x.ck().bytes(access));
        m.put("UE IK_SRVCC", x == null || x.isDestroyed() ? null : x.ik().bytes(access));
        m.put("MSC CK_SRVCC", c == null || c.isDestroyed() ? null : c.ck().bytes(access));
        m.put("MSC IK_SRVCC", c == null || c.isDestroyed() ? null : c.ik().bytes(access));
        return m;
    }

    /** One key handle somewhere in the system: who holds it, its term, a copy of its octets (the caller zeroes it). */
    public record HeldKey(int ue, String where, KeyTerm term, byte[] bytes) {
        @Override
        public String toString() {
            return "HeldKey[UE " + ue + " " + where + " " + term + "]";
        }
    }

    /** Every live key handle: KAMFs of the AMF and the UEs, CK and IK of UEs and MSC, keys in messages in flight. */
    public List<HeldKey> heldKeys(InsecureKeyAccess access) {
        List<HeldKey> l = new ArrayList<>();
        for (int u : ues()) {
            Kamf a = amf.ctx.get(u).kamf, k = ue.ctx.get(u).kamf;
            if (a != null && !a.isDestroyed()) l.add(new HeldKey(u, "AMF KAMF", a.term(), a.bytes(access)));
            if (k != null && !k.isDestroyed()) l.add(new HeldKey(u, "UE KAMF", k.term(), k.bytes(access)));
            halves(l, u, "UE", ue.ctx.get(u).key, access);
            halves(l, u, "MSC", msc.ctx.get(u).key, access);
        }
        for (Message m : net.inFlight()) {
            if (m instanceof Message.ForwardRelocationRequest f
                    && f.kasme() != null
                    && !f.kasme().isDestroyed())
                l.add(new HeldKey(
                        m.ue(), m.type() + " KASME", f.kasme().term(), f.kasme().bytes(access)));
            if (m instanceof Message.PsToCsRequest p) halves(l, m.ue(), m.type().toString(), p.keys(), access);
        }
        return l;
    }

    private static void halves(List<HeldKey> l, int u, String where, CkIk k, InsecureKeyAccess access) {
        if (k == null || k.isDestroyed()) return;
        l.add(new HeldKey(u, where + " CK", k.ck().term(), k.ck().bytes(access)));
        l.add(new HeldKey(u, where + " IK", k.ik().term(), k.ik().bytes(access)));
    }
}

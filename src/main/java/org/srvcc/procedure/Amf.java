package org.srvcc.procedure;

import static org.srvcc.procedure.Actions.when;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.srvcc.kdf.CkIk;
import org.srvcc.kdf.Derivations;
import org.srvcc.kdf.Kamf;
import org.srvcc.kdf.Key256;
import org.srvcc.kdf.KeyTerm;
import org.srvcc.kdf.Ksi;
import org.srvcc.kdf.NasCount;
import org.srvcc.procedure.Message.Type;

/**
 * The AMF. It holds KAMF and the DL NAS COUNT of each UE and is the only network node that ever
 * does: on Handover Required it derives the key for the CS side, maps ngKSI, counts the COUNT up
 * and hands the key to MME_SRVCC (or, in draft-direct, CK||IK to the MSC server).
 */
public final class Amf {
    public enum State {
        Idle,
        Preparing,
        Commanded,
        Released
    }

    /** What the AMF keeps for one UE; {@code kamf} is null once the context is released. */
    static final class Ctx {
        State state = State.Idle;
        Kamf kamf;
        int dl;
        final TreeSet<Integer> used = new TreeSet<>();
        int derivs;
        int att;
        int count;
        KeyTerm sent; // the key this attempt sent (what a literal reading of the draft puts in the HO command)
        int ul; // UL NAS COUNT of the last uplink NAS message (a TAU) taken
        boolean epsHandover; // a K'ASME for an EPS handover was derived from this KAMF
        boolean srvccCap; // the 5G-SRVCC capability from the UE's Registration Request

        int kamfId() {
            return kamf == null ? 0 : kamf.term().id();
        }

        /** The same context with a KAMF handle of its own. */
        Ctx copy() {
            Ctx d = new Ctx();
            d.state = state;
            d.kamf = kamf == null ? null : kamf.copy();
            d.dl = dl;
            d.used.addAll(used);
            d.derivs = derivs;
            d.att = att;
            d.count = count;
            d.sent = sent;
            d.ul = ul;
            d.epsHandover = epsHandover;
            d.srvccCap = srvccCap;
            return d;
        }
    }

    /** The model's amf* variables for one UE (no key bytes: KAMF by its identity). */
    public record View(
            State state,
            int kamfId,
            int dl,
            Set<Integer> used,
            int derivs,
            int att,
            int count,
            int ul,
            boolean srvccCap) {}

    final Map<Integer, Ctx> ctx = new TreeMap<>();
    private final Profile profile;
    private final Options options;
    private final Deviations dev;
    private final Network net;
    private final Event.Observer obs;
    private final long seed;
    /** The session of each UE's call, as its registration told the AMF (emergency or not). */
    private final Map<Integer, Session> sessionOf = new TreeMap<>();

    int nextKamf;

    private final Capabilities caps;

    Amf(
            Profile profile,
            Options options,
            Deviations dev,
            Network net,
            Event.Observer obs,
            long seed,
            Map<Integer, Session> sessions,
            Kamf firstKamf,
            Capabilities caps) {
        this.caps = caps;
        this.dev = dev;
        this.profile = profile;
        this.options = options;
        this.net = net;
        this.obs = obs;
        this.seed = seed;
        sessions.forEach((u, sess) -> {
            Ctx amf = new Ctx();
            // a UE with no 5G security context (no SIM) has no KAMF here either: ngKSI 7
            amf.kamf = caps.noContextUes().contains(u)
                    ? null
                    : u == 1 && firstKamf != null ? firstKamf.copy() : newKamf(u, 0);
            amf.srvccCap = caps.srvccCapable(u);
            ctx.put(u, amf);
            sessionOf.put(u, sess);
        });
        nextKamf = sessions.size() + 1;
    }

    /** A copy for a copy of the system, with its own KAMF handles. */
    Amf(Amf o, Network net, Event.Observer obs) {
        this.caps = o.caps;
        this.dev = o.dev;
        this.profile = o.profile;
        this.options = o.options;
        this.net = net;
        this.obs = obs;
        this.seed = o.seed;
        sessionOf.putAll(o.sessionOf);
        nextKamf = o.nextKamf;
        o.ctx.forEach((u, c) -> ctx.put(u, c.copy()));
    }

    /** KAMF bytes are a hash of the run's seed and the KAMF's identity, so runs are reproducible. */
    Kamf newKamf(int id, int salt) {
        return KeyPlan.seededKamf(seed, id, salt);
    }

    public View view(int u) {
        Ctx amf = ctx.get(u);
        return new View(
                amf.state,
                amf.kamfId(),
                amf.dl,
                Set.copyOf(amf.used),
                amf.derivs,
                amf.att,
                amf.count,
                amf.ul,
                amf.srvccCap);
    }

    /** The model's AmfServes: with a KAMF, or, for a UE with no 5G security context, until released. */
    boolean serves(int u) {
        Ctx amf = ctx.get(u);
        return amf.kamfId() != 0 || caps.noContextUes().contains(u) && amf.state != State.Released;
    }

    /** The model's CmdKsi: ngKSI of the KAMF, 7 ("no key available") without one. */
    private Ksi cmdKsi(Ctx amf) {
        return amf.kamfId() == 0 ? Ksi.NO_KEY_AVAILABLE : Ksi.ofKamf(amf.kamfId());
    }

    Kamf kamf(int u) {
        return ctx.get(u).kamf;
    }

    /**
     * TS 33.501 J.1.2 steps 2-3 (TS 23.216 §6.5.4 Forward Relocation Request): derive from KAMF at the DL NAS COUNT,
     * map ngKSI, forward, count up.
     */
    List<Runnable> startSrvcc(int u) {
        return when(net.headUp(u, Type.HandoverRequired), () -> {
            net.popUp(u);
            Ctx amf = ctx.get(u);
            if (amf.state != State.Idle || !serves(u)) return;
            if (!amf.srvccCap && options.amfChecksSrvccCapability()) { // policy: amf-srvcc-check
                net.push(u, new Message.Plain(Type.HandoverPreparationFailure, u, amf.att, 1));
                return;
            }
            int c = amf.dl, a = amf.att + 1;
            NasCount count = NasCount.of(c);
            amf.state = State.Preparing;
            amf.att = a;
            amf.count = c;
            boolean keyed = amf.kamfId() != 0; // reading: no-sim-ksi7 (nothing derived, eKSI 7, no COUNT used)
            if (keyed) {
                amf.used.add(c);
                amf.derivs++;
                if (options.amfIncrementsCount()) setDl(u, amf, c + 1);
            }
            Kamf src = keyed ? amf.kamf : dev.noContextKey();
            try {
                send(u, a, count, src, cmdKsi(amf));
            } finally {
                if (!keyed && src != null) src.destroy();
            }
        });
    }

    /**
     * The Forward Relocation Request (PS to CS Request when direct) with the key derived from {@code src} (none if
     * null).
     */
    private void send(int u, int a, NasCount count, Kamf src, Ksi ksi) {
        Session sess = sessionOf.get(u);
        if (profile.viaMme()) {
            Key256 k = src == null ? null : dev.amfSentKey(src, () -> KeyPlan.amfKasme(profile, options, src, count));
            if (k != null) {
                obs.on(new Event.AmfDerived(u, a, k, null));
                ctx.get(u).sent = k.term();
            }
            net.send(new Message.ForwardRelocationRequest(u, a, 1, k, ksi, count, sess, caps.capabilityOf(u)));
        } else {
            CkIk k = src == null ? null : dev.amfSentCkIk(src, () -> KeyPlan.amfCkIk(profile, options, src, count));
            if (k != null) {
                obs.on(new Event.AmfDerived(u, a, null, k));
                obs.on(new Event.Held(Place.SV, k.source()));
                ctx.get(u).sent = k.source();
            }
            net.send(new Message.PsToCsRequest(u, a, 1, k, ksi, count, sess, caps.capabilityOf(u)));
        }
    }

    /**
     * TS 33.501 J.1.2 steps 7-8: Forward Relocation Response (PS to CS Response when direct); the HandoverCommand
     * carries the COUNT's LSBs.
     */
    List<Runnable> handleResponse(int u) {
        return Actions.each(
                net.inFlight(u, profile.viaMme() ? Type.ForwardRelocationResponse : Type.PsToCsResponse), x -> {
                    Message m = net.take(x);
                    Ctx amf = ctx.get(u);
                    if (m.att() != amf.att || amf.state != State.Preparing) return;
                    if (((Message.Answer) m).ok()) {
                        amf.state = State.Commanded;
                        net.push(
                                u,
                                new Message.HoCmd(
                                        Type.HandoverCommand,
                                        u,
                                        m.att(),
                                        1,
                                        amf.count % (1 << options.countLsbBits()),
                                        cmdKsi(amf),
                                        ((Message.Answer) m).alg()));
                        // reading: draft-gnb-gets-key (X.1.1 step 7, X.1.2 step 5: the CK, IK of step 4 or 3 reach the
                        // gNB)
                        if (options.gnbSeesKeys())
                            obs.on(new Event.Held(
                                    Place.GNB, KeyPlan.commandKeys(profile, options, amf.sent, amf.count)));
                    } else {
                        amf.state = State.Idle;
                        setDl(u, amf, dev.amfCountAfterFailure(amf.dl, amf.count));
                        net.push(u, new Message.Plain(Type.HandoverPreparationFailure, u, m.att(), 1));
                    }
                });
    }

    /** Handover Cancel from the gNB (TS 23.216 §6.5.4 cancel): tell the target side, acknowledge to the gNB. */
    List<Runnable> handleHandoverCancel(int u) {
        return when(net.headUp(u, Type.HandoverCancel), () -> {
            net.popUp(u);
            Ctx amf = ctx.get(u);
            if (amf.state == State.Preparing || amf.state == State.Commanded) {
                amf.state = State.Idle;
                net.send(cancelOut(u, amf.att));
            }
            net.push(u, new Message.Plain(Type.HandoverCancelAcknowledge, u, 0, 1));
        });
    }

    /** Preparing: give up, tell the target side and the gNB. Commanded: the UE left, release the 5G context. */
    List<Runnable> timerExpiry(int u) {
        Ctx amf = ctx.get(u);
        return when(amf.state == State.Preparing || amf.state == State.Commanded, () -> {
            if (amf.state == State.Preparing) {
                amf.state = State.Idle;
                net.send(cancelOut(u, amf.att));
                net.push(u, new Message.Plain(Type.HandoverPreparationFailure, u, amf.att, 1));
            } else {
                amf.state = State.Released;
                release(amf);
            }
        });
    }

    /** Forward Relocation Complete (PS to CS Complete when direct): the UE is on UTRAN, release its 5G context. */
    List<Runnable> handleComplete(int u) {
        return Actions.each(
                net.inFlight(u, profile.viaMme() ? Type.ForwardRelocationComplete : Type.PsToCsComplete), x -> {
                    Message m = net.take(x);
                    Ctx amf = ctx.get(u);
                    if (m.att() == amf.att && amf.state != State.Released && serves(u)) {
                        amf.state = State.Released;
                        release(amf);
                    }
                });
    }

    /** Any downlink NAS message: it uses the DL NAS COUNT and advances it. */
    List<Runnable> sendDownlinkNas(int u) {
        Ctx amf = ctx.get(u);
        boolean may = amf.state == State.Idle
                || options.nasDuringHandover() && (amf.state == State.Preparing || amf.state == State.Commanded);
        return when(may && amf.kamfId() != 0, () -> {
            net.push(u, new Message.Nas(u, 1, NasCount.of(amf.dl)));
            setDl(u, amf, amf.dl + 1);
        });
    }

    /**
     * TS 33.501 A.14.2: an N26 handover to EPS is prepared from the DL NAS COUNT and not carried out
     * (the UE stays on NR). The K'ASME went to an EPS MME, outside this system; the COUNT is passed,
     * as after any derivation from it.
     */
    List<Runnable> prepareEpsHandover(int u) {
        Ctx amf = ctx.get(u);
        return when(amf.state == State.Idle && amf.kamfId() != 0 && !amf.epsHandover, () -> {
            Key256 k = Derivations.kPrimeAsmeHandover(amf.kamf, NasCount.of(amf.dl));
            obs.on(new Event.EpsKeyDerived(u, k.term()));
            k.destroy();
            amf.epsHandover = true;
            amf.used.add(amf.dl);
            amf.derivs++;
            setDl(u, amf, amf.dl + 1);
        });
    }

    /** TS 33.501 A.14.1: idle mobility to EPS; the TAU's UL NAS COUNT keys the K'ASME for the MME. */
    List<Runnable> transferEpsContext(int u) {
        Ctx amf = ctx.get(u);
        return when(amf.state == State.Idle && amf.kamfId() != 0 && amf.ul == 0, () -> {
            Key256 k = Derivations.kPrimeAsmeIdle(amf.kamf, NasCount.of(amf.ul));
            obs.on(new Event.EpsKeyDerived(u, k.term()));
            k.destroy();
            amf.ul++;
        });
    }

    boolean idleWithKamf(int u) {
        return ctx.get(u).state == State.Idle && ctx.get(u).kamfId() != 0;
    }

    /**
     * The DL NAS COUNT under the present KAMF changes; reported, since AmfCountMonotonic is a property of
     * these changes (a new KAMF starts from zero in {@link #authenticated}).
     */
    private void setDl(int u, Ctx amf, int to) {
        if (to != amf.dl) obs.on(new Event.AmfCountSet(u, amf.kamfId(), amf.dl, to));
        amf.dl = to;
    }

    /** The AMF sent n DL NAS messages in one run (UeReceiveNasRun, UeMissNasRun); returns the first COUNT. */
    int sentNasRun(int u, int n) {
        Ctx amf = ctx.get(u);
        int first = amf.dl;
        setDl(u, amf, first + n);
        return first;
    }

    /** The AMF's side of a primary authentication: a new KAMF, COUNTs from zero, a normal session. */
    Kamf authenticated(int u) {
        Ctx amf = ctx.get(u);
        release(amf);
        amf.kamf = newKamf(nextKamf++, 0);
        amf.dl = 0;
        amf.ul = 0;
        amf.epsHandover = false;
        amf.used.clear();
        amf.derivs = 0;
        amf.state = State.Idle;
        sessionOf.put(u, dev.sessionAfterReauth(sessionOf.get(u)));
        return amf.kamf;
    }

    boolean idleOrReleased(int u) {
        State s = ctx.get(u).state;
        return s == State.Idle || s == State.Released;
    }

    private Message cancelOut(int u, int att) {
        return new Message.Plain(profile.viaMme() ? Type.RelocationCancel : Type.PsToCsCancel, u, att, 1);
    }

    private static void release(Ctx amf) {
        if (amf.kamf != null) amf.kamf.destroy();
        amf.kamf = null;
    }
}

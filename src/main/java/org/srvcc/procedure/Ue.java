package org.srvcc.procedure;

import static org.srvcc.procedure.Actions.when;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.srvcc.kdf.CkIk;
import org.srvcc.kdf.Kamf;
import org.srvcc.kdf.KeyTerm;
import org.srvcc.kdf.Ksi;
import org.srvcc.kdf.NasCount;
import org.srvcc.procedure.Message.Type;

/**
 * The UE. It shares KAMF and the DL NAS COUNT with the AMF; on the Handover Command it estimates
 * the COUNT from its low bits, derives CK_SRVCC||IK_SRVCC itself and tunes to UTRAN. After the
 * CS call it needs a new authentication before it may use 5G again.
 */
public final class Ue {
    public enum State {
        Connected5G,
        HoCommanded,
        InUtranCall,
        NeedsReauth
    }

    /** One UE: KAMF (id 0 when it shares none), stored DL NAS COUNT, the CS keys and KSI. */
    static final class Ctx {
        State state = State.Connected5G;
        Kamf kamf;
        int dl;
        final TreeSet<Integer> used = new TreeSet<>();
        int derivs;
        CkIk key;
        Ksi ksi = new Ksi(0);
        Session session;

        /** The same context with key handles of its own. */
        Ctx copy() {
            Ctx d = new Ctx();
            d.state = state;
            d.kamf = kamf == null ? null : kamf.copy();
            d.dl = dl;
            d.used.addAll(used);
            d.derivs = derivs;
            d.key = key == null ? null : key.copy();
            d.ksi = ksi;
            d.session = session;
            return d;
        }
    }

    /** The model's ue* variables for one UE (keys by their terms). */
    public record View(
            State state, int kamfId, int dl, Set<Integer> used, int derivs, KeyTerm key, Ksi ksi, Session session) {}

    final Map<Integer, Ctx> ctx = new TreeMap<>();
    private final Profile profile;
    private final Options options;
    private final Deviations dev;
    private final Network net;
    private final Event.Observer obs;
    private final Amf amf;
    private final Gnb gnb;

    private final Capabilities caps;

    Ue(
            Profile profile,
            Options options,
            Deviations dev,
            Network net,
            Event.Observer obs,
            Amf amf,
            Gnb gnb,
            Map<Integer, Session> sessions,
            Capabilities caps) {
        this.caps = caps;
        this.dev = dev;
        this.profile = profile;
        this.options = options;
        this.net = net;
        this.obs = obs;
        this.amf = amf;
        this.gnb = gnb;
        sessions.forEach((u, sess) -> {
            Ctx ue = new Ctx();
            // an unauthenticated emergency UE shares no KAMF with the network (its own, id 0, is never used)
            ue.kamf = sess == Session.EMERGENCY_UNAUTH
                    ? amf.newKamf(0, u)
                    : amf.kamf(u).copy();
            ue.session = sess;
            ctx.put(u, ue);
            obs.on(new Event.KamfIssued(u, amf.kamf(u), ue.kamf));
        });
    }

    /** A copy for a copy of the system (its AMF and gNB), with its own key handles. */
    Ue(Ue o, Network net, Event.Observer obs, Amf amf, Gnb gnb) {
        this.caps = o.caps;
        this.dev = o.dev;
        this.profile = o.profile;
        this.options = o.options;
        this.net = net;
        this.obs = obs;
        this.amf = amf;
        this.gnb = gnb;
        o.ctx.forEach((u, c) -> ctx.put(u, c.copy()));
    }

    public View view(int u) {
        Ctx ue = ctx.get(u);
        return new View(
                ue.state,
                ue.kamf.term().id(),
                ue.dl,
                Set.copyOf(ue.used),
                ue.derivs,
                ue.key == null ? null : ue.key.source(),
                ue.ksi,
                ue.session);
    }

    boolean connected5G(int u) {
        return ctx.get(u).state == State.Connected5G;
    }

    /**
     * TS 33.501 J.1.2 step 10, TS 33.401 §14.1: estimate the COUNT from its low bits, refuse a used one, derive CK/IK.
     */
    List<Runnable> handleHandoverCommand(int u) {
        return when(net.headDown(u, Type.HandoverCommandUe), () -> {
            Message.HoCmd m = (Message.HoCmd) net.popDown(u);
            Ctx ue = ctx.get(u);
            // reading: draft-own-count (X.1.2 sends no COUNT: the UE takes its stored one, the last it received)
            Optional<NasCount> est = options.ueCountSource() == Options.CountSource.OWN
                    ? Optional.of(NasCount.of(ue.dl))
                    : options.ueEstimate() == Options.Estimate.CLOSEST
                            ? NasCount.estimateClosest(NasCount.of(ue.dl), m.lsb(), options.countLsbBits())
                            : NasCount.estimate(NasCount.of(ue.dl), m.lsb(), options.countLsbBits());
            if (ue.state != State.Connected5G
                    || est.isPresent()
                            && options.ueRejectsUsedCount()
                            && ue.used.contains(est.get().value())) return;
            if (est.isEmpty()) return; // would need a COUNT past 0xFFFFFF: refuse
            if (!canExecute(u, m.alg())) return; // a command it cannot carry out fails
            NasCount c = est.get();
            move(u, ue, State.HoCommanded);
            if (!m.ksi().namesContext()) { // KSI 7, no key available: nothing to derive (a call on NULL algorithms)
                ue.ksi = Ksi.NO_KEY_AVAILABLE;
                return;
            }
            ue.key = KeyPlan.ueCkIk(profile, options, ue.kamf, c);
            ue.ksi = Ksi.ofKamf(ue.kamf.term().id());
            ue.used.add(c.value());
            ue.derivs++;
            // TS 33.401 14.1: only an estimate greater than the stored COUNT is stored (J.1.2 says nothing: an option)
            if (options.ueStoresEstimate()) store(u, ue, dev.ueStoredCount(ue.dl, c.value()));
        });
    }

    /**
     * The model's UeCanExecute: the UE has the 5G-SRVCC capability and the selected algorithms (UEA0 it always has).
     */
    private boolean canExecute(int u, Selection alg) {
        return caps.srvccCapable(u) && alg.executableBy(caps.capabilityOf(u));
    }

    /** A downlink NAS message: the UE stores the highest DL NAS COUNT received. */
    List<Runnable> handleDownlinkNas(int u) {
        return when(net.headDown(u, Type.DownlinkNasTransport), () -> {
            Message.Nas m = (Message.Nas) net.popDown(u);
            Ctx ue = ctx.get(u);
            store(u, ue, Math.max(ue.dl, m.count().value())); // the last DL NAS COUNT received
        });
    }

    /**
     * A run of 2^bits - 1 DL NAS messages, all received, in one step (the model's abstraction to reach
     * COUNTs past the LSB window without a state per message); only with nothing queued.
     */
    List<Runnable> receiveNasRun(int u) {
        Ctx ue = ctx.get(u);
        int mod = 1 << options.countLsbBits();
        return when(amf.idleWithKamf(u) && net.downlink(u).isEmpty(), () -> {
            int first = amf.sentNasRun(u, mod - 1);
            store(u, ue, Math.max(ue.dl, first + mod - 2));
        });
    }

    /** A run of 2^bits DL NAS messages the UE misses, in one step: its estimate is then a window off. */
    List<Runnable> missNasRun(int u) {
        return when(
                amf.idleWithKamf(u) && net.downlink(u).isEmpty(), () -> amf.sentNasRun(u, 1 << options.countLsbBits()));
    }

    /** Never received: the stored COUNT falls behind the AMF's. */
    List<Runnable> missDownlinkNas(int u) {
        return when(net.headDown(u, Type.DownlinkNasTransport), () -> net.popDown(u));
    }

    /** TS 23.216 §6.5.4: the UE tunes to UTRAN; Handover Complete reaches the MSC via the target RNS. */
    List<Runnable> arriveUtran(int u) {
        Ctx ue = ctx.get(u);
        return when(ue.state == State.HoCommanded, () -> {
            move(u, ue, State.InUtranCall);
            obs.on(new Event.ArrivedUtran(u, ue.kamf.term().id()));
            net.send(new Message.Plain(Type.HandoverComplete, u, 0, 1));
        });
    }

    /** The UE never reaches UTRAN: back on NR, it drops the CS keys and the gNB cancels. */
    List<Runnable> returnTo5G(int u) {
        Ctx ue = ctx.get(u);
        return when(ue.state == State.HoCommanded, () -> {
            move(u, ue, State.Connected5G);
            if (dev.ueForgetsKeysOnReturn()) dropKeys(ue);
            gnb.ueReturned(u);
        });
    }

    /** The CS call ends; the UE must authenticate before it uses 5G again. */
    List<Runnable> endCall(int u) {
        Ctx ue = ctx.get(u);
        return when(ue.state == State.InUtranCall, () -> {
            move(u, ue, State.NeedsReauth);
            dropKeys(ue);
            net.send(new Message.Plain(Type.CallRelease, u, 0, 1));
        });
    }

    /** Primary authentication on NR: a new KAMF for UE and AMF, COUNTs from zero. */
    List<Runnable> authenticate(int u) {
        Ctx ue = ctx.get(u);
        return when(
                ue.state == State.NeedsReauth
                        && amf.idleOrReleased(u)
                        && !caps.noContextUes().contains(u),
                () -> { // no SIM: no authentication
                    if (ue.kamf != null) ue.kamf.destroy();
                    Kamf fresh = amf.authenticated(u);
                    ue.kamf = fresh.copy();
                    move(u, ue, State.Connected5G);
                    ue.dl = 0;
                    ue.used.clear();
                    ue.derivs = 0;
                    ue.session = dev.sessionAfterReauth(ue.session); // authenticated now: not exempt
                    gnb.reset(u);
                    obs.on(new Event.KamfIssued(u, fresh, ue.kamf));
                });
    }

    /** Not in the procedure (a deviation may add it): back on 5G with the old KAMF. */
    List<Runnable> skipReauth(int u) {
        Ctx ue = ctx.get(u);
        return when(dev.ueSkipReauth() && ue.state == State.NeedsReauth, () -> move(u, ue, State.Connected5G));
    }

    /** SRVCC from UTRAN back to 5G: the network refuses (only a deviation carries it out). */
    List<Runnable> requestReverseSrvcc(int u) {
        Ctx ue = ctx.get(u);
        return when(ue.state == State.InUtranCall, () -> {
            if (!dev.ueReverseSrvcc()) return;
            move(u, ue, State.Connected5G);
            dropKeys(ue);
        });
    }

    /** Every change of the UE's state is reported: NoReverseSrvcc is a property of these transitions. */
    private void move(int u, Ctx ue, State to) {
        State from = ue.state;
        ue.state = to;
        if (from != to) obs.on(new Event.UeMoved(u, from, to));
    }

    /** The stored DL NAS COUNT changes; reported, since UeCountMonotonic is a property of these changes. */
    private void store(int u, Ctx ue, int count) {
        if (count != ue.dl) obs.on(new Event.UeCountStored(u, ue.kamf.term().id(), ue.dl, count));
        ue.dl = count;
    }

    private static void dropKeys(Ctx ue) {
        if (ue.key != null) ue.key.destroy();
        ue.key = null;
    }
}

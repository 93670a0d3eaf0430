package org.srvcc.procedure;

import static org.srvcc.procedure.Actions.each;
import static org.srvcc.procedure.Actions.when;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.srvcc.kdf.CkIk;
import org.srvcc.kdf.KeyTerm;
import org.srvcc.kdf.Ksi;
import org.srvcc.procedure.Message.Type;

/**
 * The MSC server enhanced for SRVCC. On a PS to CS Request it keeps the mapped security context
 * (CK_SRVCC, IK_SRVCC, KSI_SRVCC), selects the algorithms and prepares the target; the context
 * becomes the CS call's when the UE arrives, and is deleted when the handover fails.
 */
public final class MscServer {
    public enum State {
        Idle,
        Prepared,
        Active
    }

    /** The mapped SRVCC context of one UE and the algorithms chosen; {@code key} null when none. */
    static final class Ctx {
        State state = State.Idle;
        CkIk key;
        Ksi ksi = Ksi.NO_KEY_AVAILABLE; // 7: no context
        Selection alg = Selection.NONE;
        Session session; // the session the context was made for; null: no context
        int att;

        /** The same context with CK/IK handles of its own. */
        Ctx copy() {
            Ctx d = new Ctx();
            d.state = state;
            d.key = key == null ? null : key.copy();
            d.ksi = ksi;
            d.alg = alg;
            d.session = session;
            d.att = att;
            return d;
        }
    }

    /** The model's msc* variables for one UE (the key by its term). */
    public record View(State state, KeyTerm key, Ksi ksi, Selection alg, Session session, int att) {}

    final Map<Integer, Ctx> ctx = new TreeMap<>();
    private final Options options;
    private final Deviations dev;
    private final Network net;
    private final Event.Observer obs;

    MscServer(Options options, Deviations dev, Network net, Event.Observer obs, int ues) {
        this.options = options;
        this.dev = dev;
        this.net = net;
        this.obs = obs;
        for (int u = 1; u <= ues; u++) ctx.put(u, new Ctx());
    }

    /** A copy for a copy of the system, with its own CK/IK handles. */
    MscServer(MscServer o, Network net, Event.Observer obs) {
        this(o.options, o.dev, net, obs, 0);
        o.ctx.forEach((u, c) -> ctx.put(u, c.copy()));
    }

    public View view(int u) {
        Ctx msc = ctx.get(u);
        return new View(msc.state, msc.key == null ? null : msc.key.source(), msc.ksi, msc.alg, msc.session, msc.att);
    }

    /**
     * TS 33.501 J.1.2 steps 5-6 (TS 23.216 §6.5.4 PS to CS Request/Response): take the mapped context, select UEA/UIA,
     * prepare.
     */
    List<Runnable> handlePsToCsRequest(int u) {
        return each(net.inFlight(u, Type.PsToCsRequest), x -> {
            Message.PsToCsRequest m = net.take((Message.PsToCsRequest) x);
            Ctx msc = ctx.get(u);
            if (m.att() <= msc.att || msc.state == State.Active) {
                m.destroyKeys(); // old, duplicated, or a call is running: not taken
                return;
            }
            Selection alg = dev.mscSelectAlg(
                    m.session(), s -> Selection.select(s, m.cap(), options.mscAllowsUea0(), options.mscPrefers()));
            if (alg.equals(Selection.NONE)) { // no algorithm in common with the UE: refuse
                refuse(u, msc, m);
                return;
            }
            if (msc.key != null) msc.key.destroy(); // a newer attempt replaces the old context
            msc.state = State.Prepared;
            msc.key = m.keys(); // delivered: the MSC now owns these handles
            msc.ksi = m.ksi();
            msc.alg = alg;
            msc.session = m.session();
            msc.att = m.att();
            if (msc.key != null) { // null: a UE with no 5G context, KSI 7, a call on NULL algorithms
                obs.on(new Event.Held(Place.MSC, msc.key.source()));
                obs.on(new Event.ContextMapped(u, m.att(), msc.key));
            }
            net.send(new Message.Answer(Type.PsToCsResponse, u, m.att(), 1, true, alg));
        });
    }

    /** The MSC refuses the preparation (e.g. no target resources). */
    List<Runnable> rejectPreparation(int u) {
        Ctx msc = ctx.get(u);
        if (msc.state == State.Active) return Actions.NONE;
        return each(
                net.inFlight(u, Type.PsToCsRequest).stream()
                        .filter(m -> m.att() > msc.att)
                        .toList(),
                x -> refuse(u, msc, net.take((Message.PsToCsRequest) x)));
    }

    /** A negative PS to CS Response; the MSC saw the keys but keeps none. */
    private void refuse(int u, Ctx msc, Message.PsToCsRequest m) {
        msc.att = m.att();
        if (m.keys() != null) obs.on(new Event.Held(Place.MSC, m.keys().source()));
        m.destroyKeys();
        net.send(new Message.Answer(Type.PsToCsResponse, u, m.att(), 1, false, Selection.NONE));
    }

    /** PS to CS Cancel: the prepared context goes. */
    List<Runnable> handlePsToCsCancel(int u) {
        return each(net.inFlight(u, Type.PsToCsCancel), x -> {
            Message m = net.take(x);
            Ctx msc = ctx.get(u);
            if (m.att() == msc.att && msc.state == State.Prepared) drop(msc);
        });
    }

    /** TS 23.216 §6.5.4 Handover Complete at the target MSC: the call runs on the mapped context. */
    List<Runnable> handleHandoverComplete(int u) {
        return each(net.inFlight(u, Type.HandoverComplete), x -> {
            Message m = net.take(x);
            Ctx msc = ctx.get(u);
            if (msc.state == State.Prepared) {
                msc.state = State.Active;
                net.send(new Message.Plain(Type.PsToCsComplete, u, msc.att, 1));
            }
        });
    }

    /** The CS call ends: the context is deleted with it. */
    List<Runnable> handleCallRelease(int u) {
        return each(net.inFlight(u, Type.CallRelease), x -> {
            Message m = net.take(x);
            Ctx msc = ctx.get(u);
            if (msc.state == State.Active) {
                msc.state = State.Idle;
                delete(msc);
            }
        });
    }

    /** The UE did not arrive in time. */
    List<Runnable> timerExpiry(int u) {
        Ctx msc = ctx.get(u);
        return when(msc.state == State.Prepared, () -> drop(msc));
    }

    /** MscRestart (a fault, while some context exists): a restart loses every context. */
    List<Runnable> restart() {
        return when(ctx.values().stream().anyMatch(msc -> msc.state != State.Idle || msc.key != null), () -> {
            net.faults++;
            for (Ctx msc : ctx.values()) {
                msc.state = State.Idle;
                delete(msc);
            }
        });
    }

    /**
     * What a failed handover does to the mapped context: TS 33.501 J.1.2 deletes CK_SRVCC, IK_SRVCC
     * and KSI_SRVCC (the option keeps all of it; a deviation may keep the KSI alone).
     */
    private void drop(Ctx msc) {
        msc.state = State.Idle;
        if (!options.mscDeletesOnFailure()) return;
        Ksi kept = msc.ksi;
        delete(msc);
        if (!dev.mscForgetsKsi()) msc.ksi = kept;
    }

    private static void delete(Ctx msc) {
        if (msc.key != null) msc.key.destroy();
        msc.key = null;
        msc.alg = Selection.NONE;
        msc.ksi = Ksi.NO_KEY_AVAILABLE;
        msc.session = null;
    }
}

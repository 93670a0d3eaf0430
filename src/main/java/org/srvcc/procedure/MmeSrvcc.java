package org.srvcc.procedure;

import static org.srvcc.procedure.Actions.each;
import static org.srvcc.procedure.Actions.when;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.srvcc.kdf.CkIk;
import org.srvcc.kdf.Ksi;
import org.srvcc.procedure.Message.Type;

/**
 * MME_SRVCC, the MME that the AMF addresses for 5G-SRVCC (profiles via the MME). It turns the
 * received KASME_SRVCC into CK_SRVCC||IK_SRVCC and KSI_SRVCC and keeps no key afterwards.
 */
public final class MmeSrvcc {
    public enum State {
        Idle,
        Preparing,
        Done
    }

    /** One UE's context: state, the KSI_SRVCC it mapped, the attempt it last took. */
    static final class Ctx {
        State state = State.Idle;
        Ksi ksi = new Ksi(0);
        int att;

        Ctx copy() {
            Ctx d = new Ctx();
            d.state = state;
            d.ksi = ksi;
            d.att = att;
            return d;
        }
    }

    public record View(State state, Ksi ksi, int att) {}

    final Map<Integer, Ctx> ctx = new TreeMap<>();
    private final Profile profile;
    private final Options options;
    private final Deviations dev;
    private final Network net;
    private final Event.Observer obs;

    MmeSrvcc(Profile profile, Options options, Deviations dev, Network net, Event.Observer obs, int ues) {
        this.profile = profile;
        this.dev = dev;
        this.options = options;
        this.net = net;
        this.obs = obs;
        for (int u = 1; u <= ues; u++) ctx.put(u, new Ctx());
    }

    /** A copy for a copy of the system. */
    MmeSrvcc(MmeSrvcc o, Network net, Event.Observer obs) {
        this(o.profile, o.options, o.dev, net, obs, 0);
        o.ctx.forEach((u, c) -> ctx.put(u, c.copy()));
    }

    public View view(int u) {
        Ctx mme = ctx.get(u);
        return new View(mme.state, mme.ksi, mme.att);
    }

    /**
     * TS 33.501 J.1.2 steps 4-5: CK_SRVCC||IK_SRVCC from KASME_SRVCC (A.12, COUNT 0), KSI_SRVCC = eKSI, on to the MSC.
     */
    List<Runnable> handleForwardRelocationRequest(int u) {
        if (!profile.viaMme()) return Actions.NONE;
        return each(net.inFlight(u, Type.ForwardRelocationRequest), x -> {
            Message.ForwardRelocationRequest m = net.take((Message.ForwardRelocationRequest) x);
            Ctx mme = ctx.get(u);
            try {
                if (m.att() <= mme.att) return; // an old or duplicated request
                if (m.kasme() == null) { // no 5G context (eKSI 7): nothing to derive or map
                    mme.state = State.Preparing;
                    mme.att = m.att();
                    net.send(new Message.PsToCsRequest(
                            u, m.att(), 1, null, Ksi.NO_KEY_AVAILABLE, m.count(), m.session(), m.cap()));
                    return;
                }
                Ksi ksi = mapKsi(m.ksi());
                CkIk ck = KeyPlan.mmeCkIk(options, m.kasme(), m.count());
                obs.on(new Event.Held(Place.MME_SRVCC, m.kasme().term()));
                obs.on(new Event.Held(Place.SV, ck.source()));
                mme.state = State.Preparing;
                mme.ksi = ksi;
                mme.att = m.att();
                net.send(new Message.PsToCsRequest(u, m.att(), 1, ck, ksi, m.count(), m.session(), m.cap()));
            } finally {
                m.destroyKeys(); // the MME keeps no KASME_SRVCC once CK/IK exist
            }
        });
    }

    /** KSI_SRVCC = eKSI (TS 33.401 A.12). */
    private Ksi mapKsi(Ksi eksi) {
        return dev.mmeMapKsi(eksi);
    }

    /** The MME refuses (no Sv peer, no resources): a negative Forward Relocation Response. */
    List<Runnable> rejectPreparation(int u) {
        if (!profile.viaMme()) return Actions.NONE;
        Ctx mme = ctx.get(u);
        return each(
                net.inFlight(u, Type.ForwardRelocationRequest).stream()
                        .filter(m -> m.att() > mme.att)
                        .toList(),
                x -> {
                    Message.ForwardRelocationRequest m = net.take((Message.ForwardRelocationRequest) x);
                    mme.att = m.att();
                    if (m.kasme() != null)
                        obs.on(new Event.Held(Place.MME_SRVCC, m.kasme().term()));
                    m.destroyKeys();
                    net.send(new Message.Answer(Type.ForwardRelocationResponse, u, m.att(), 1, false, Selection.NONE));
                });
    }

    /** TS 33.501 J.1.2 step 7: the MSC's answer, relayed to the AMF as the Forward Relocation Response. */
    List<Runnable> handlePsToCsResponse(int u) {
        if (!profile.viaMme()) return Actions.NONE;
        return each(net.inFlight(u, Type.PsToCsResponse), x -> {
            Message.Answer m = net.take((Message.Answer) x);
            Ctx mme = ctx.get(u);
            if (m.att() == mme.att && mme.state == State.Preparing) {
                mme.state = m.ok() ? State.Done : State.Idle;
                net.send(new Message.Answer(Type.ForwardRelocationResponse, u, m.att(), 1, m.ok(), m.alg()));
            }
        });
    }

    /** Relocation Cancel from the AMF: cancel towards the MSC. */
    List<Runnable> handleRelocationCancel(int u) {
        return each(net.inFlight(u, Type.RelocationCancel), x -> {
            Message m = net.take(x);
            Ctx mme = ctx.get(u);
            if (m.att() == mme.att && mme.state != State.Idle) {
                mme.state = State.Idle;
                net.send(new Message.Plain(Type.PsToCsCancel, u, m.att(), 1));
            }
        });
    }

    /** PS to CS Complete from the MSC: Forward Relocation Complete to the AMF. */
    List<Runnable> handlePsToCsComplete(int u) {
        if (!profile.viaMme()) return Actions.NONE;
        return each(net.inFlight(u, Type.PsToCsComplete), x -> {
            Message m = net.take(x);
            Ctx mme = ctx.get(u);
            if (m.att() == mme.att) mme.state = State.Idle;
            net.send(new Message.Plain(Type.ForwardRelocationComplete, u, m.att(), 1));
        });
    }

    /**
     * MmeRestart (a fault, while some UE is being handed over): a restart loses every UE's handover state. It holds no
     * key to lose; the attempt numbers are kept, as the MSC server's restart keeps them.
     */
    List<Runnable> restart() {
        return when(ctx.values().stream().anyMatch(mme -> mme.state != State.Idle), () -> {
            net.faults++;
            for (Ctx mme : ctx.values()) mme.state = State.Idle;
        });
    }
}

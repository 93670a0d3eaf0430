package org.srvcc.procedure;

import static org.srvcc.procedure.Actions.when;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.srvcc.procedure.Message.Type;

/**
 * The serving gNB. It decides that NR coverage is fading during a voice call (Handover Required),
 * relays the Handover Command to the UE over the radio, and may cancel. It never holds a key of
 * the procedure: the COUNT's low bits and the KSI are all it relays.
 */
public final class Gnb {
    public enum State {
        Idle,
        Requested,
        Commanded,
        Cancelling
    }

    final Map<Integer, State> state = new TreeMap<>();
    /** "5G-SRVCC operation possible" per UE, as NGAP told the gNB (TR 33.856 key issue 3). */
    final Map<Integer, Boolean> srvccPossible = new TreeMap<>();

    private final Network net;
    private Ue ue;
    private Amf amf;

    Gnb(Network net, int ues, Capabilities caps) {
        this.net = net;
        for (int u = 1; u <= ues; u++) {
            state.put(u, State.Idle);
            srvccPossible.put(u, caps.srvccCapable(u)); // the AMF tells the gNB what the UE registered with
        }
    }

    /** A copy for a copy of the system; {@link #connect} then names its UE and AMF. */
    Gnb(Gnb o, Network net) {
        this.net = net;
        state.putAll(o.state);
        srvccPossible.putAll(o.srvccPossible);
    }

    public boolean srvccPossible(int u) {
        return srvccPossible.get(u);
    }

    void connect(Ue ue, Amf amf) {
        this.ue = ue;
        this.amf = amf;
    }

    public State view(int u) {
        return state.get(u);
    }

    /**
     * TS 33.501 J.1.2 step 1 (TS 23.216 §6.5.4 Handover Required): a UE in a call on NR with a 5G security context
     * needs SRVCC.
     */
    List<Runnable> sendHandoverRequired(int u) {
        return when(state.get(u) == State.Idle && ue.connected5G(u) && amf.serves(u) && srvccPossible.get(u), () -> {
            state.put(u, State.Requested);
            net.pushUp(u, new Message.Plain(Type.HandoverRequired, u, 0, 1));
        });
    }

    /**
     * TS 33.501 J.1.2 step 9: HandoverCommand in over N2, HandoverCommandUe out on the radio (discarded if cancelled).
     */
    List<Runnable> forwardHandoverCommand(int u) {
        return when(net.headDown(u, Type.HandoverCommand), () -> {
            Message.HoCmd m = (Message.HoCmd) net.peekDown(u);
            if (state.get(u) == State.Requested) {
                net.replaceHead(u, new Message.HoCmd(Type.HandoverCommandUe, u, m.att(), 1, m.lsb(), m.ksi(), m.alg()));
                state.put(u, State.Commanded);
            } else {
                net.popDown(u);
            }
        });
    }

    List<Runnable> handlePreparationFailure(int u) {
        return when(net.headDown(u, Type.HandoverPreparationFailure), () -> {
            net.popDown(u);
            if (state.get(u) == State.Requested) state.put(u, State.Idle);
        });
    }

    List<Runnable> handleCancelAcknowledge(int u) {
        return when(net.headDown(u, Type.HandoverCancelAcknowledge), () -> {
            net.popDown(u);
            if (state.get(u) == State.Cancelling) state.put(u, State.Idle);
        });
    }

    /** The gNB gives up before the command (the radio recovered): Handover Cancel. */
    List<Runnable> cancel(int u) {
        return when(state.get(u) == State.Requested, () -> {
            state.put(u, State.Cancelling);
            net.pushUp(u, new Message.Plain(Type.HandoverCancel, u, 0, 1));
        });
    }

    /** The UE came back on NR without reaching UTRAN: the gNB cancels the handover. */
    void ueReturned(int u) {
        state.put(u, State.Cancelling);
        net.pushUp(u, new Message.Plain(Type.HandoverCancel, u, 0, 1));
    }

    /** After a new authentication the UE is a fresh NR connection. */
    void reset(int u) {
        state.put(u, State.Idle);
    }
}

package org.srvcc.procedure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.srvcc.wire.Gtpv2Message;

/**
 * The links between the nodes, as the model has them: core messages (and the UE's to the MSC)
 * as a set in any order, the N2 uplink gNB -> AMF and the downlink AMF -> gNB -> UE as ordered
 * queues per UE, and the set of radio messages an attacker has seen. It owns the fault actions
 * (loss, duplication, downlink loss and reordering, radio replay) and their counters.
 */
public final class Network {
    private final LinkedHashMap<Object, Message> msgs = new LinkedHashMap<>();
    private final Map<Integer, List<Message>> ul = new TreeMap<>(), dl = new TreeMap<>();
    private final LinkedHashMap<Object, Message> radio = new LinkedHashMap<>();
    private final List<Message> lastSent = new ArrayList<>();
    private final Map<Object, OnWire> wire = new HashMap<>();
    private final Event.Observer obs;
    private final Profile profile;
    int faults, reorders, replays, tampers;
    private final Capabilities caps;

    Network(Event.Observer obs, Profile profile, int ues, Capabilities caps) {
        this.caps = caps;
        this.obs = obs;
        this.profile = profile;
        for (int u = 1; u <= ues; u++) {
            ul.put(u, new ArrayList<>());
            dl.put(u, new ArrayList<>());
        }
    }

    /** The same links in flight for a copy of the system: its own messages, key handles and octets. */
    Network(Network o, Event.Observer obs) {
        this.caps = o.caps;
        this.obs = obs;
        this.profile = o.profile;
        o.msgs.values().forEach(m -> {
            Message c = m.withCopy(m.copy());
            msgs.put(c.identity(), c);
        });
        o.ul.forEach((u, q) -> ul.put(u, new ArrayList<>(q))); // no queue holds a key: its messages are values
        o.dl.forEach((u, q) -> dl.put(u, new ArrayList<>(q)));
        radio.putAll(o.radio);
        o.wire.forEach((id, w) -> wire.put(id, new OnWire(w.octets().clone(), w.envelope())));
        faults = o.faults;
        reorders = o.reorders;
        replays = o.replays;
        tampers = o.tampers;
    }

    // ---------------------------------------------------------------- sending

    /**
     * Onto the core set; a message equal to one in flight is the same message (its keys are
     * dropped). A GTPv2-C message goes as its encoded octets, which the receiver decodes.
     */
    void send(Message m) {
        sent(m);
        byte[] octets = WireForm.onGtp(m.type())
                ? onWire(
                        WireForm.encode(m, profile),
                        m.type().from(profile),
                        m.type().to(profile))
                : null;
        if (msgs.putIfAbsent(m.identity(), m) != null) {
            m.destroyKeys();
            if (octets != null) Arrays.fill(octets, (byte) 0);
        } else if (octets != null) wire.put(m.identity(), new OnWire(octets, WireForm.Envelope.of(m)));
    }

    /** A GTPv2-C message in flight: its octets and what no wire field carries. */
    private record OnWire(byte[] octets, WireForm.Envelope envelope) {}

    /** A message that never arrives: its octets are wiped. */
    private void dropWire(Message m) {
        OnWire w = wire.remove(m.identity());
        if (w != null) Arrays.fill(w.octets(), (byte) 0);
    }

    /** Encodes, tells the observers (who copy what they keep), and wipes the IEs. */
    private byte[] onWire(Gtpv2Message g, String from, String to) {
        try {
            byte[] octets = g.encode();
            obs.on(new Event.Wire(from, to, octets));
            return octets;
        } finally {
            g.wipe();
        }
    }

    /** Onto the downlink AMF -> gNB -> UE. */
    void push(int u, Message m) {
        sent(m);
        dl.get(u).add(m);
    }

    /** Onto the N2 uplink gNB -> AMF. */
    void pushUp(int u, Message m) {
        sent(m);
        ul.get(u).add(m);
    }

    /** The gNB turns the downlink head into the radio message, which the attacker sees. */
    void replaceHead(int u, Message m) {
        sent(m);
        dl.get(u).set(0, m);
        radio.putIfAbsent(m.identity(), m);
    }

    private void sent(Message m) {
        lastSent.add(m);
    }

    void startStep() {
        lastSent.clear();
    }

    // ---------------------------------------------------------------- receiving

    /** The core messages for UE u of these types, in the order they were first sent. */
    List<Message> inFlight(int u, Message.Type... types) {
        List<Message> c = new ArrayList<>();
        for (Message m : msgs.values()) if (m.ue() == u) for (Message.Type t : types) if (m.type() == t) c.add(m);
        return c;
    }

    /**
     * Delivery: the message leaves the network and the receiver owns its keys. A GTPv2-C message
     * is what the receiver decodes from the octets sent; a notification is acknowledged.
     */
    @SuppressWarnings("unchecked")
    <M extends Message> M take(M m) {
        msgs.remove(m.identity());
        OnWire w = wire.remove(m.identity());
        if (w == null) return m;
        Gtpv2Message g = Gtpv2Message.decode(w.octets());
        Arrays.fill(w.octets(), (byte) 0);
        try {
            Message got = WireForm.decode(g, w.envelope());
            m.destroyKeys(); // the receiver owns the keys it decoded, not the sender's handles
            Gtpv2Message ack = WireForm.acknowledgement(g, profile);
            if (ack != null)
                Arrays.fill(onWire(ack, m.type().to(profile), m.type().from(profile)), (byte) 0);
            return (M) got;
        } finally {
            g.wipe();
        }
    }

    boolean headDown(int u, Message.Type t) {
        List<Message> q = dl.get(u);
        return !q.isEmpty() && q.get(0).type() == t;
    }

    Message popDown(int u) {
        return dl.get(u).remove(0);
    }

    Message peekDown(int u) {
        return dl.get(u).get(0);
    }

    boolean headUp(int u, Message.Type t) {
        List<Message> q = ul.get(u);
        return !q.isEmpty() && q.get(0).type() == t;
    }

    void popUp(int u) {
        ul.get(u).remove(0);
    }

    // ---------------------------------------------------------------- faults and the attacker

    /** NetLose: a core message is lost. */
    List<Runnable> lose(int u) {
        return Actions.each(inFlight(u, Message.Type.values()), m -> {
            faults++;
            msgs.remove(m.identity());
            dropWire(m);
            m.destroyKeys();
        });
    }

    /** NetDuplicate: an original core message arrives twice. */
    List<Runnable> duplicate(int u) {
        List<Message> c = new ArrayList<>();
        for (Message m : inFlight(u, Message.Type.values()))
            if (m.copy() == 1 && !msgs.containsKey(dupIdentity(m))) c.add(m);
        return Actions.each(c, m -> {
            faults++;
            send(m.withCopy(2));
        });
    }

    private static Object dupIdentity(Message m) {
        Message d = m.withCopy(2);
        Object id = d.identity();
        d.destroyKeys();
        return id;
    }

    /** NetLoseDownlink: a downlink message is lost (e.g. radio link failure). */
    List<Runnable> loseDownlink(int u) {
        List<Runnable> l = new ArrayList<>();
        for (int i = 0; i < dl.get(u).size(); i++) {
            int k = i;
            l.add(() -> {
                faults++;
                dl.get(u).remove(k);
            });
        }
        return l;
    }

    /** NetReorderDownlink: two neighbours on the downlink swap (never in the standard's transport). */
    List<Runnable> reorderDownlink(int u) {
        List<Runnable> l = new ArrayList<>();
        for (int i = 0; i + 1 < dl.get(u).size(); i++) {
            int k = i;
            l.add(() -> {
                reorders++;
                Collections.swap(dl.get(u), k, k + 1);
            });
        }
        return l;
    }

    /** AttackerReplay: a HandoverCommandUe seen on the radio is sent again. */
    List<Runnable> replay(int u) {
        return Actions.each(radio.values().stream().filter(m -> m.ue() == u).toList(), r -> {
            replays++;
            push(u, r.withCopy(3));
        });
    }

    /**
     * AttackerRewriteCapability: on a link it controls (N26, Sv) the attacker strips or forges the
     * UTRAN algorithms of the UE security capability in a keyed request. One way per message and
     * per capability other than the one it carries.
     */
    List<Runnable> rewriteCapability(int u) {
        List<Runnable> l = new ArrayList<>();
        for (Rewrite r : rewrites(u)) {
            Message m = r.request();
            l.add(() -> {
                tampers++;
                Message re = m instanceof Message.ForwardRelocationRequest f
                        ? f.withCap(r.cap())
                        : ((Message.PsToCsRequest) m).withCap(r.cap());
                msgs.remove(m.identity());
                dropWire(m);
                m.destroyKeys();
                send(re); // the rewritten request goes on as its own octets
            });
        }
        return l;
    }

    /** One way of AttackerRewriteCapability: this keyed request gets this capability. */
    private record Rewrite(Message request, Set<Algorithm> cap) {}

    /** The rewrites open to the attacker for UE u, in the order of {@link #rewriteCapability}'s ways. */
    private List<Rewrite> rewrites(int u) {
        List<Rewrite> l = new ArrayList<>();
        for (Message m : inFlight(u, Message.Type.ForwardRelocationRequest, Message.Type.PsToCsRequest)) {
            String link = m.type() == Message.Type.ForwardRelocationRequest ? "N26" : "Sv";
            if (!caps.tamperedLinks().contains(link)) continue;
            // reading: sv-capability (TS 29.280's PS to CS Request carries no capability; only the draft's direct link
            // does)
            if (link.equals("Sv") && profile.viaMme()) continue;
            Set<Algorithm> has =
                    m instanceof Message.ForwardRelocationRequest f ? f.cap() : ((Message.PsToCsRequest) m).cap();
            for (int mask = 0;
                    mask < 16;
                    mask++) { // every subset of UEA1, UEA2, UIA1, UIA2 (the model's SUBSET CapAlgs)
                Set<Algorithm> c = EnumSet.noneOf(Algorithm.class);
                for (int i = 0; i < 4; i++) if ((mask & 1 << i) != 0) c.add(Algorithm.values()[i]);
                if (!c.equals(has)) l.add(new Rewrite(m, Set.copyOf(c)));
            }
        }
        return l;
    }

    /** The choice of AttackerRewriteCapability that writes {@code to} into UE u's first request it can reach, or -1. */
    public int rewriteChoice(int u, Set<Algorithm> to) {
        List<Rewrite> l = rewrites(u);
        for (int k = 0; k < l.size(); k++) if (l.get(k).cap().equals(to)) return k;
        return -1;
    }

    // ---------------------------------------------------------------- read-only views

    /** Core messages in flight, in the order NetLose counts them. */
    public List<Message> inFlight() {
        return List.copyOf(msgs.values());
    }

    public List<Message> uplink(int u) {
        return List.copyOf(ul.get(u));
    }

    public List<Message> downlink(int u) {
        return List.copyOf(dl.get(u));
    }

    public List<Message> radio() {
        return List.copyOf(radio.values());
    }

    public List<Message> lastSent() {
        return List.copyOf(lastSent);
    }

    public int faults() {
        return faults;
    }

    public int reorders() {
        return reorders;
    }

    public int replays() {
        return replays;
    }

    public int tampers() {
        return tampers;
    }
}

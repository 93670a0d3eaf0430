package org.srvcc.procedure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.srvcc.kdf.CkIk;
import org.srvcc.kdf.Derivations;
import org.srvcc.kdf.InsecureKeyAccess;
import org.srvcc.kdf.Kamf;
import org.srvcc.kdf.Key256;
import org.srvcc.kdf.KeyTerm;
import org.srvcc.kdf.Ksi;
import org.srvcc.kdf.NasCount;
import org.srvcc.procedure.Message.Type;
import org.srvcc.procedure.Nodes.AmfCtx;
import org.srvcc.procedure.Nodes.AmfState;
import org.srvcc.procedure.Nodes.GnbCtx;
import org.srvcc.procedure.Nodes.GnbState;
import org.srvcc.procedure.Nodes.MmeCtx;
import org.srvcc.procedure.Nodes.MmeState;
import org.srvcc.procedure.Nodes.MscCtx;
import org.srvcc.procedure.Nodes.MscState;
import org.srvcc.procedure.Nodes.UeCtx;
import org.srvcc.procedure.Nodes.UeState;

/**
 * The procedure with every node (UE, gNB, AMF, MME_SRVCC, MSC server) and the network between
 * them, for UEs 1..N. Each step is one action of spec/Srvcc.tla with the same guard and effect;
 * {@link #enabled()} lists what may happen next and {@link #apply(Step)} does it.
 */
public final class Srvcc {
    public static final List<String> PLACES = List.of("gNB", "MME_SRVCC", "MSC", "Sv");

    public final Profile profile;
    public final Options options;
    public final Bounds bounds;
    final Set<Integer> emergencyUes, unauthUes;
    final Set<String> compromised;
    private final long seed;

    final Map<Integer, UeCtx> ue = new TreeMap<>();
    final Map<Integer, AmfCtx> amf = new TreeMap<>();
    final Map<Integer, MmeCtx> mme = new TreeMap<>();
    final Map<Integer, MscCtx> msc = new TreeMap<>();
    final Map<Integer, GnbCtx> gnb = new TreeMap<>();

    // Network: core and uplink messages as a set, N2 uplink and downlink as ordered queues.
    final LinkedHashMap<Map<String, Object>, Message> msgs = new LinkedHashMap<>();
    final Map<Integer, List<Message>> ul = new TreeMap<>(), dl = new TreeMap<>();
    final LinkedHashMap<Map<String, Object>, Message> radio = new LinkedHashMap<>();

    // History the invariants read (the model's history variables, plus byte-level evidence).
    final Map<String, Set<KeyTerm>> held = new LinkedHashMap<>();
    final List<Issued> issued = new ArrayList<>();
    final Map<Integer, Set<Integer>> srvccKamfs = new TreeMap<>();
    int reversed, faults, reorders, replays, nextKamf;
    final Set<String> otherPurposeFingerprints = new HashSet<>();
    final Map<String, String> kasmeFingerprint = new HashMap<>();
    final List<String> wireLeaks = new ArrayList<>();
    final List<String> typeErrors = new ArrayList<>();

    /** Messages sent by the last step, for flows and traces. */
    final List<Message> lastSent = new ArrayList<>();

    /** A CK||IK pair an MSC accepted: by whom, fingerprint (SHA-256, not the key) and term. */
    record Issued(int ue, int att, KeyTerm term, String fingerprint) {}

    public Srvcc(Profile profile, Options options, Bounds bounds, Set<Integer> emergencyUes, Set<Integer> unauthUes,
                 Set<String> compromised, long seed) {
        this.profile = profile;
        this.options = options;
        this.bounds = bounds;
        this.emergencyUes = Set.copyOf(emergencyUes);
        this.unauthUes = Set.copyOf(unauthUes);
        this.compromised = Set.copyOf(compromised);
        this.seed = seed;
        for (String p : PLACES) held.put(p, new HashSet<>());
        for (int u = 1; u <= bounds.ues(); u++) {
            UeCtx x = new UeCtx();
            AmfCtx a = new AmfCtx();
            a.kamf = newKamf(u);
            x.kamf = unauthUes.contains(u) ? newKamf(0, u) : a.kamf.copy();
            x.session = session(u);
            ue.put(u, x);
            amf.put(u, a);
            mme.put(u, new MmeCtx());
            msc.put(u, new MscCtx());
            gnb.put(u, new GnbCtx());
            ul.put(u, new ArrayList<>());
            dl.put(u, new ArrayList<>());
            srvccKamfs.put(u, new TreeSet<>());
        }
        nextKamf = bounds.ues() + 1;
    }

    /** Tests only: give UE u and the AMF this KAMF and both this DL NAS COUNT. */
    void preset(int u, Kamf kamf, int dlCount) {
        AmfCtx f = amf.get(u);
        UeCtx x = ue.get(u);
        releaseKamf(f);
        if (x.kamf != null) x.kamf.destroy();
        f.kamf = kamf;
        x.kamf = kamf.copy();
        f.dl = dlCount;
        x.dl = dlCount;
    }

    String session(int u) {
        return unauthUes.contains(u) ? "emergencyUnauth" : emergencyUes.contains(u) ? "emergency" : "normal";
    }

    /** KAMF bytes are a hash of the run's seed and the KAMF's identity, so runs are reproducible. */
    private Kamf newKamf(int id) {
        return newKamf(id, 0);
    }

    private Kamf newKamf(int id, int salt) {
        byte[] b = sha256(("srvcc-kamf/" + seed + "/" + id + "/" + salt).getBytes(StandardCharsets.UTF_8));
        try {
            return Kamf.of(b, id);
        } finally {
            java.util.Arrays.fill(b, (byte) 0);
        }
    }

    static byte[] sha256(byte[] in) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(in);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String fingerprint(byte[] keyBytes) {
        try {
            return org.srvcc.kdf.Hex.encode(sha256(keyBytes));
        } finally {
            java.util.Arrays.fill(keyBytes, (byte) 0);
        }
    }

    static String fingerprint(CkIk k) {
        InsecureKeyAccess a = InsecureKeyAccess.get();
        byte[] ck = k.ck().bytes(a), ik = k.ik().bytes(a);
        byte[] both = new byte[32];
        System.arraycopy(ck, 0, both, 0, 16);
        System.arraycopy(ik, 0, both, 16, 16);
        java.util.Arrays.fill(ck, (byte) 0);
        java.util.Arrays.fill(ik, (byte) 0);
        return fingerprint(both);
    }

    int mod() {
        return 1 << options.countLsbBits();
    }

    // ---------------------------------------------------------------- network

    private void send(Message m) {
        scan(m);
        msgs.putIfAbsent(key(m), m);
        lastSent.add(m);
    }

    private void push(int u, Message m) {
        scan(m);
        dl.get(u).add(m);
        lastSent.add(m);
    }

    private void pushUp(int u, Message m) {
        ul.get(u).add(m);
        lastSent.add(m);
    }

    private void consume(Message m) {
        msgs.remove(key(m));
    }

    /** Messages form a set in the model: two with the same abstract form are one. */
    static Map<String, Object> key(Message m) {
        return Message.abstraction(m);
    }

    /** Wire scan: the encoded message must not contain the bytes of any KAMF held by the AMF or a UE. */
    private void scan(Message m) {
        byte[] enc = Message.encode(m);
        for (int u : amf.keySet()) {
            Kamf k = amf.get(u).kamf;
            if (k != null && k.occursIn(enc)) wireLeaks.add(m.type() + " for UE " + u + " carries the bytes of " + k.term());
            Kamf k2 = ue.get(u).kamf;
            if (k2 != null && k2.occursIn(enc) && k2.term().id() != 0) wireLeaks.add(m.type() + " carries the UE's " + k2.term());
        }
        java.util.Arrays.fill(enc, (byte) 0);
    }

    private List<Message> candidates(int u, Type... types) {
        List<Message> c = new ArrayList<>();
        for (Message m : msgs.values())
            if (m.ue() == u) for (Type t : types) if (m.type() == t) c.add(m);
        return c;
    }

    private boolean head(int u, Type t) {
        List<Message> q = dl.get(u);
        return !q.isEmpty() && q.get(0).type() == t;
    }

    private boolean headUp(int u, Type t) {
        List<Message> q = ul.get(u);
        return !q.isEmpty() && q.get(0).type() == t;
    }

    // ---------------------------------------------------------------- what may happen next

    /** Every enabled step, in a fixed order (the scheduler and the model replay choose among them). */
    public List<Step> enabled() {
        List<Step> s = new ArrayList<>();
        for (int u : ue.keySet()) for (Action a : Action.values()) {
            if (a == Action.MscRestart) continue;
            int n = choices(a, u);
            for (int k = 0; k < n; k++) s.add(new Step(a, u, k));
        }
        if (faults < bounds.maxFaults() && msc.values().stream().anyMatch(c -> c.state != MscState.Idle || c.key != null))
            s.add(new Step(Action.MscRestart, 0, 0));
        return s;
    }

    /** How many ways action a can be taken for UE u now (0: not enabled). */
    int choices(Action a, int u) {
        UeCtx x = ue.get(u);
        AmfCtx f = amf.get(u);
        MmeCtx e = mme.get(u);
        MscCtx c = msc.get(u);
        GnbCtx g = gnb.get(u);
        boolean viaMme = profile.viaMme();
        return switch (a) {
            case GnbSendHandoverRequired -> g.state == GnbState.Idle && x.state == UeState.Connected5G && f.kamfId() != 0
                && f.att < bounds.maxAttempts() && f.dl < bounds.maxCount() ? 1 : 0;
            case GnbForwardHandoverCommand -> head(u, Type.HandoverCommand) ? 1 : 0;
            case GnbHandlePreparationFailure -> head(u, Type.HandoverPreparationFailure) ? 1 : 0;
            case GnbHandleCancelAcknowledge -> head(u, Type.HandoverCancelAcknowledge) ? 1 : 0;
            case GnbCancel -> g.state == GnbState.Requested ? 1 : 0;
            case AmfStartSrvcc -> headUp(u, Type.HandoverRequired) && f.att < bounds.maxAttempts() && f.dl < bounds.maxCount() ? 1 : 0;
            case AmfHandleResponse -> candidates(u, viaMme ? Type.ForwardRelocationResponse : Type.PsToCsResponse).size();
            case AmfHandleHandoverCancel -> headUp(u, Type.HandoverCancel) ? 1 : 0;
            case AmfTimerExpiry -> f.state == AmfState.Preparing || f.state == AmfState.Commanded ? 1 : 0;
            case AmfHandleComplete -> candidates(u, viaMme ? Type.ForwardRelocationComplete : Type.PsToCsComplete).size();
            case AmfSendDownlinkNas -> f.state == AmfState.Idle && f.kamfId() != 0 && f.dl < bounds.maxCount() ? 1 : 0;
            case MmeHandleForwardRelocationRequest -> viaMme ? candidates(u, Type.ForwardRelocationRequest).size() : 0;
            case MmeRejectPreparation -> viaMme ? (int) candidates(u, Type.ForwardRelocationRequest).stream().filter(m -> m.att() > e.att).count() : 0;
            case MmeHandlePsToCsResponse -> viaMme ? candidates(u, Type.PsToCsResponse).size() : 0;
            case MmeHandleRelocationCancel -> candidates(u, Type.RelocationCancel).size();
            case MmeHandlePsToCsComplete -> viaMme ? candidates(u, Type.PsToCsComplete).size() : 0;
            case MscHandlePsToCsRequest -> candidates(u, Type.PsToCsRequest).size();
            case MscRejectPreparation -> c.state == MscState.Active ? 0
                : (int) candidates(u, Type.PsToCsRequest).stream().filter(m -> m.att() > c.att).count();
            case MscHandlePsToCsCancel -> candidates(u, Type.PsToCsCancel).size();
            case MscHandleHandoverComplete -> candidates(u, Type.HandoverComplete).size();
            case MscHandleCallRelease -> candidates(u, Type.CallRelease).size();
            case MscTimerExpiry -> c.state == MscState.Prepared ? 1 : 0;
            case UeHandleHandoverCommand -> head(u, Type.HandoverCommandUe) ? 1 : 0;
            case UeHandleDownlinkNas, UeMissDownlinkNas -> head(u, Type.DownlinkNasTransport) ? 1 : 0;
            case UeArriveUtran, UeReturnTo5G -> x.state == UeState.HoCommanded ? 1 : 0;
            case UeEndCall, UeRequestReverseSrvcc -> x.state == UeState.InUtranCall ? 1 : 0;
            case UeAuthenticate -> x.state == UeState.NeedsReauth && nextKamf <= bounds.maxKamf()
                && (f.state == AmfState.Idle || f.state == AmfState.Released) ? 1 : 0;
            case UeSkipReauth -> options.ueSkipsReauth() && x.state == UeState.NeedsReauth ? 1 : 0;
            case NetLose -> faults < bounds.maxFaults() ? candidates(u, Type.values()).size() : 0;
            case NetDuplicate -> faults < bounds.maxFaults()
                ? (int) candidates(u, Type.values()).stream().filter(m -> m.copy() == 1 && !msgs.containsKey(key(m.withCopy(2)))).count() : 0;
            case NetLoseDownlink -> faults < bounds.maxFaults() ? dl.get(u).size() : 0;
            case NetReorderDownlink -> reorders < bounds.maxReorders() && dl.get(u).size() >= 2 ? dl.get(u).size() - 1 : 0;
            case AttackerReplay -> replays < bounds.maxReplays() ? (int) radio.values().stream().filter(m -> m.ue() == u).count() : 0;
            case MscRestart -> 0;
        };
    }

    // ---------------------------------------------------------------- doing it

    public void apply(Step s) {
        lastSent.clear();
        if (s.action() != Action.MscRestart && s.choice() >= choices(s.action(), s.ue()))
            throw new IllegalStateException("step " + s + " is not enabled");
        int u = s.ue();
        int k = s.choice();
        boolean viaMme = profile.viaMme();
        switch (s.action()) {
            case GnbSendHandoverRequired -> {
                gnb.get(u).state = GnbState.Requested;
                pushUp(u, new Message.Plain(Type.HandoverRequired, u, 0, 1));
            }
            case GnbForwardHandoverCommand -> gnbForwardHandoverCommand(u);
            case GnbHandlePreparationFailure -> {
                dl.get(u).remove(0);
                if (gnb.get(u).state == GnbState.Requested) gnb.get(u).state = GnbState.Idle;
            }
            case GnbHandleCancelAcknowledge -> {
                dl.get(u).remove(0);
                if (gnb.get(u).state == GnbState.Cancelling) gnb.get(u).state = GnbState.Idle;
            }
            case GnbCancel -> {
                gnb.get(u).state = GnbState.Cancelling;
                pushUp(u, new Message.Plain(Type.HandoverCancel, u, 0, 1));
            }
            case AmfStartSrvcc -> amfStartSrvcc(u);
            case AmfHandleResponse -> amfHandleResponse((Message.Answer) candidates(u, viaMme ? Type.ForwardRelocationResponse : Type.PsToCsResponse).get(k));
            case AmfHandleHandoverCancel -> {
                ul.get(u).remove(0);
                AmfCtx f = amf.get(u);
                if (f.state == AmfState.Preparing || f.state == AmfState.Commanded) {
                    f.state = AmfState.Idle;
                    send(cancelOut(u, f.att));
                }
                push(u, new Message.Plain(Type.HandoverCancelAcknowledge, u, 0, 1));
            }
            case AmfTimerExpiry -> {
                AmfCtx f = amf.get(u);
                if (f.state == AmfState.Preparing) {
                    f.state = AmfState.Idle;
                    send(cancelOut(u, f.att));
                    push(u, new Message.Plain(Type.HandoverPreparationFailure, u, f.att, 1));
                } else {
                    f.state = AmfState.Released;   // the UE has left: release the source context
                    releaseKamf(f);
                }
            }
            case AmfHandleComplete -> {
                Message m = candidates(u, viaMme ? Type.ForwardRelocationComplete : Type.PsToCsComplete).get(k);
                consume(m);
                AmfCtx f = amf.get(u);
                if (m.att() == f.att && f.state != AmfState.Released && f.kamfId() != 0) {
                    f.state = AmfState.Released;
                    releaseKamf(f);
                }
            }
            case AmfSendDownlinkNas -> {
                AmfCtx f = amf.get(u);
                push(u, new Message.Nas(u, 1, f.dl));
                f.dl++;
            }
            case MmeHandleForwardRelocationRequest -> mmeHandleForwardRelocationRequest((Message.ForwardRelocationRequest) candidates(u, Type.ForwardRelocationRequest).get(k));
            case MmeRejectPreparation -> {
                MmeCtx e = mme.get(u);
                Message.ForwardRelocationRequest m = (Message.ForwardRelocationRequest) candidates(u, Type.ForwardRelocationRequest)
                    .stream().filter(x -> x.att() > e.att).toList().get(k);
                consume(m);
                e.att = m.att();
                held.get("MME_SRVCC").add(m.kasme().term());
                send(new Message.Answer(Type.ForwardRelocationResponse, u, m.att(), 1, false));
            }
            case MmeHandlePsToCsResponse -> {
                Message.Answer m = (Message.Answer) candidates(u, Type.PsToCsResponse).get(k);
                consume(m);
                MmeCtx e = mme.get(u);
                if (m.att() == e.att && e.state == MmeState.Preparing) {
                    e.state = m.ok() ? MmeState.Done : MmeState.Idle;
                    send(new Message.Answer(Type.ForwardRelocationResponse, u, m.att(), 1, m.ok()));
                }
            }
            case MmeHandleRelocationCancel -> {
                Message m = candidates(u, Type.RelocationCancel).get(k);
                consume(m);
                MmeCtx e = mme.get(u);
                if (m.att() == e.att && e.state != MmeState.Idle) {
                    e.state = MmeState.Idle;
                    send(new Message.Plain(Type.PsToCsCancel, u, m.att(), 1));
                }
            }
            case MmeHandlePsToCsComplete -> {
                Message m = candidates(u, Type.PsToCsComplete).get(k);
                consume(m);
                MmeCtx e = mme.get(u);
                if (m.att() == e.att) e.state = MmeState.Idle;
                send(new Message.Plain(Type.ForwardRelocationComplete, u, m.att(), 1));
            }
            case MscHandlePsToCsRequest -> mscHandlePsToCsRequest((Message.PsToCsRequest) candidates(u, Type.PsToCsRequest).get(k));
            case MscRejectPreparation -> {
                MscCtx c = msc.get(u);
                Message.PsToCsRequest m = (Message.PsToCsRequest) candidates(u, Type.PsToCsRequest)
                    .stream().filter(x -> x.att() > c.att).toList().get(k);
                consume(m);
                c.att = m.att();
                held.get("MSC").add(m.keys().source());
                send(new Message.Answer(Type.PsToCsResponse, u, m.att(), 1, false));
            }
            case MscHandlePsToCsCancel -> {
                Message m = candidates(u, Type.PsToCsCancel).get(k);
                consume(m);
                MscCtx c = msc.get(u);
                if (m.att() == c.att && c.state == MscState.Prepared) mscDrop(c);
            }
            case MscHandleHandoverComplete -> {
                Message m = candidates(u, Type.HandoverComplete).get(k);
                consume(m);
                MscCtx c = msc.get(u);
                if (c.state == MscState.Prepared) {
                    c.state = MscState.Active;
                    send(new Message.Plain(Type.PsToCsComplete, u, c.att, 1));
                }
            }
            case MscHandleCallRelease -> {
                Message m = candidates(u, Type.CallRelease).get(k);
                consume(m);
                MscCtx c = msc.get(u);
                if (c.state == MscState.Active) {
                    c.state = MscState.Idle;
                    destroy(c);
                }
            }
            case MscTimerExpiry -> mscDrop(msc.get(u));
            case MscRestart -> {
                faults++;
                for (MscCtx c : msc.values()) {
                    c.state = MscState.Idle;
                    destroy(c);
                }
            }
            case UeHandleHandoverCommand -> ueHandleHandoverCommand(u);
            case UeHandleDownlinkNas -> {
                Message.Nas m = (Message.Nas) dl.get(u).remove(0);
                UeCtx x = ue.get(u);
                x.dl = Math.max(x.dl, m.count() + 1);
            }
            case UeMissDownlinkNas -> dl.get(u).remove(0);
            case UeArriveUtran -> {
                UeCtx x = ue.get(u);
                x.state = UeState.InUtranCall;
                srvccKamfs.get(u).add(x.kamf.term().id());
                send(new Message.Plain(Type.HandoverComplete, u, 0, 1));
            }
            case UeReturnTo5G -> {
                UeCtx x = ue.get(u);
                x.state = UeState.Connected5G;
                destroyUeKey(x);
                gnb.get(u).state = GnbState.Cancelling;
                pushUp(u, new Message.Plain(Type.HandoverCancel, u, 0, 1));
            }
            case UeEndCall -> {
                UeCtx x = ue.get(u);
                x.state = UeState.NeedsReauth;
                destroyUeKey(x);
                send(new Message.Plain(Type.CallRelease, u, 0, 1));
            }
            case UeAuthenticate -> ueAuthenticate(u);
            case UeSkipReauth -> ue.get(u).state = UeState.Connected5G;
            case UeRequestReverseSrvcc -> {
                if (options.allowReverseSrvcc()) {
                    UeCtx x = ue.get(u);
                    x.state = UeState.Connected5G;
                    destroyUeKey(x);
                    reversed++;
                }   // otherwise the network refuses: nothing changes
            }
            case NetLose -> {
                faults++;
                consume(candidates(u, Type.values()).get(k));
            }
            case NetDuplicate -> {
                faults++;
                Message m = candidates(u, Type.values()).stream()
                    .filter(x -> x.copy() == 1 && !msgs.containsKey(key(x.withCopy(2)))).toList().get(k);
                send(m.withCopy(2));
            }
            case NetLoseDownlink -> {
                faults++;
                dl.get(u).remove(k);
            }
            case NetReorderDownlink -> {
                reorders++;
                List<Message> q = dl.get(u);
                Message t = q.get(k);
                q.set(k, q.get(k + 1));
                q.set(k + 1, t);
            }
            case AttackerReplay -> {
                replays++;
                Message r = radio.values().stream().filter(m -> m.ue() == u).toList().get(k);
                push(u, r.withCopy(3));
            }
        }
    }

    private Message cancelOut(int u, int att) {
        return new Message.Plain(profile.viaMme() ? Type.RelocationCancel : Type.PsToCsCancel, u, att, 1);
    }

    private void gnbForwardHandoverCommand(int u) {
        Message.HoCmd m = (Message.HoCmd) dl.get(u).get(0);
        GnbCtx g = gnb.get(u);
        if (g.state == GnbState.Requested) {
            Message.HoCmd r = new Message.HoCmd(Type.HandoverCommandUe, u, m.att(), 1, m.lsb(), m.ksi());
            dl.get(u).set(0, r);
            radio.putIfAbsent(key(r), r);
            lastSent.add(r);
            g.state = GnbState.Commanded;
        } else {
            dl.get(u).remove(0);   // cancelled meanwhile: discard
        }
    }

    /** Annex J step 2-3: derive from KAMF with the current DL NAS COUNT, map ngKSI, forward, count up. */
    private void amfStartSrvcc(int u) {
        ul.get(u).remove(0);
        AmfCtx f = amf.get(u);
        if (f.state != AmfState.Idle || f.kamfId() == 0) return;
        int c = f.dl, a = f.att + 1, i = f.kamfId();
        NasCount count = NasCount.of(c);
        recordOtherPurposeKeys(f.kamf, count);
        f.state = AmfState.Preparing;
        f.att = a;
        f.count = c;
        f.used.add(c);
        f.derivs++;
        if (options.amfIncrementsCount()) f.dl = c + 1;
        String sess = ue.get(u).session;
        if (profile.viaMme()) {
            Key256 k = options.amfSendsKamf() ? f.kamf.leakForMutant() : KeyPlan.amfKasme(profile, options, f.kamf, count);
            kasmeFingerprint.put(u + "/" + a, fingerprint(k.bytes(InsecureKeyAccess.get())));
            send(new Message.ForwardRelocationRequest(u, a, 1, k, Nodes.ksiOf(i), c, sess));
        } else {
            CkIk k = options.amfSendsKamf() ? Derivations.split(f.kamf.leakForMutant()) : KeyPlan.amfCkIk(profile, options, f.kamf, count);
            kasmeFingerprint.put(u + "/" + a, fingerprint(k));
            held.get("Sv").add(k.source());
            send(new Message.PsToCsRequest(u, a, 1, k, Nodes.ksiOf(i), c, sess));
        }
    }

    /** What a 5G to EPS handover or idle mobility would derive at this COUNT (key separation evidence). */
    private void recordOtherPurposeKeys(Kamf kamf, NasCount c) {
        for (Key256 other : List.of(Derivations.kPrimeAsmeHandover(kamf, c), Derivations.kPrimeAsmeIdle(kamf, c))) {
            otherPurposeFingerprints.add(fingerprint(other.bytes(InsecureKeyAccess.get())));
            other.destroy();
        }
    }

    private void amfHandleResponse(Message.Answer m) {
        consume(m);
        int u = m.ue();
        AmfCtx f = amf.get(u);
        if (m.att() != f.att || f.state != AmfState.Preparing) return;
        if (m.ok()) {
            f.state = AmfState.Commanded;
            push(u, new Message.HoCmd(Type.HandoverCommand, u, m.att(), 1, f.count % mod(), Nodes.ksiOf(f.kamfId())));
        } else {
            f.state = AmfState.Idle;
            push(u, new Message.Plain(Type.HandoverPreparationFailure, u, m.att(), 1));
        }
    }

    /** Annex J step 4-5: CK_SRVCC || IK_SRVCC from KASME_SRVCC (A.12, COUNT 0); KSI_SRVCC = eKSI. */
    private void mmeHandleForwardRelocationRequest(Message.ForwardRelocationRequest m) {
        consume(m);
        int u = m.ue();
        MmeCtx e = mme.get(u);
        if (m.att() <= e.att) return;
        int ksi = options.mmeMapsNoKeyKsi() ? Ksi.NO_KEY : options.mmeMapsWrongKsi() ? (m.ksi() + 1) % 7 : m.ksi();
        if (ksi == Ksi.NO_KEY) typeErrors.add("MME_SRVCC mapped eKSI " + m.ksi() + " to KSI_SRVCC 7 (no key available)");
        CkIk ck = KeyPlan.mmeCkIk(options, m.kasme(), NasCount.of(m.count()));
        held.get("MME_SRVCC").add(m.kasme().term());
        held.get("Sv").add(ck.source());
        m.kasme().destroy();   // the MME keeps no KASME_SRVCC once CK/IK exist
        e.state = MmeState.Preparing;
        e.ksi = ksi;
        e.att = m.att();
        send(new Message.PsToCsRequest(u, m.att(), 1, ck, ksi, m.count(), m.session()));
    }

    private void mscHandlePsToCsRequest(Message.PsToCsRequest m) {
        consume(m);
        int u = m.ue();
        MscCtx c = msc.get(u);
        if (m.att() <= c.att || c.state == MscState.Active) return;
        if (c.key != null && c.key != m.keys()) c.key.destroy();   // a newer attempt replaces the old context
        c.state = MscState.Prepared;
        c.key = m.keys();
        c.ksi = m.ksi();
        c.alg = options.nullAlgorithmsAlways() || m.session().equals("emergencyUnauth") ? "null" : "ciphered";
        c.att = m.att();
        held.get("MSC").add(m.keys().source());
        if (!m.keys().isDestroyed()) issued.add(new Issued(u, m.att(), m.keys().source(), fingerprint(m.keys())));
        send(new Message.Answer(Type.PsToCsResponse, u, m.att(), 1, true));
    }

    /** A failed handover: the MSC leaves Prepared and (by default) deletes the mapped context. */
    private void mscDrop(MscCtx c) {
        c.state = MscState.Idle;
        if (options.mscDeletesOnFailure()) destroy(c);
    }

    private static void destroy(MscCtx c) {
        if (c.key != null) c.key.destroy();
        c.key = null;
        c.alg = "none";
    }

    private static void destroyUeKey(UeCtx x) {
        if (x.key != null) x.key.destroy();
        x.key = null;
    }

    private static void releaseKamf(AmfCtx f) {
        if (f.kamf != null) f.kamf.destroy();
        f.kamf = null;
    }

    /** Annex J step 10: estimate the COUNT from its low bits, refuse a used one, derive CK/IK. */
    private void ueHandleHandoverCommand(int u) {
        Message.HoCmd m = (Message.HoCmd) dl.get(u).remove(0);
        UeCtx x = ue.get(u);
        int bits = options.countLsbBits();
        int c = x.dl + ((m.lsb() + mod() - (x.dl % mod())) % mod());   // smallest COUNT >= stored with these bits
        if (x.state != UeState.Connected5G || (options.ueRejectsUsedCount() && x.used.contains(c))) return;
        if (c > NasCount.MAX) return;   // would need a COUNT past the range: refuse
        assert NasCount.of(c).lsb(bits) == m.lsb();
        x.state = UeState.HoCommanded;
        x.key = KeyPlan.ueCkIk(profile, options, x.kamf, NasCount.of(c));
        x.ksi = Nodes.ksiOf(x.kamf.term().id());
        x.used.add(c);
        x.derivs++;
        x.dl = c + 1;
    }

    private void ueAuthenticate(int u) {
        UeCtx x = ue.get(u);
        AmfCtx f = amf.get(u);
        int id = nextKamf++;
        if (x.kamf != null) x.kamf.destroy();
        releaseKamf(f);
        f.kamf = newKamf(id);
        x.kamf = f.kamf.copy();
        x.state = UeState.Connected5G;
        x.dl = 0;
        f.dl = 0;
        x.used.clear();
        f.used.clear();
        x.derivs = 0;
        f.derivs = 0;
        x.session = "normal";
        f.state = AmfState.Idle;
        gnb.get(u).state = GnbState.Idle;
    }

    // ---------------------------------------------------------------- the abstract state

    /** The state in the model's variables and values (keys as terms), for traces and conformance. */
    public Map<String, Object> abstractState() {
        Map<String, Object> s = new TreeMap<>();
        s.put("ueState", per(ue, x -> x.state.name()));
        s.put("ueKamf", per(ue, x -> (long) x.kamf.term().id()));
        s.put("ueDl", per(ue, x -> (long) x.dl));
        s.put("ueUsed", per(ue, x -> longs(x.used)));
        s.put("ueDerivs", per(ue, x -> (long) x.derivs));
        s.put("ueKey", per(ue, x -> x.key == null ? Terms.NONE : Terms.of(x.key.source())));
        s.put("ueKsi", per(ue, x -> (long) x.ksi));
        s.put("ueSession", per(ue, x -> x.session));
        s.put("amfState", per(amf, f -> f.state.name()));
        s.put("amfKamf", per(amf, f -> (long) f.kamfId()));
        s.put("amfDl", per(amf, f -> (long) f.dl));
        s.put("amfUsed", per(amf, f -> longs(f.used)));
        s.put("amfDerivs", per(amf, f -> (long) f.derivs));
        s.put("amfAtt", per(amf, f -> (long) f.att));
        s.put("amfCount", per(amf, f -> (long) f.count));
        s.put("mmeState", per(mme, e -> e.state.name()));
        s.put("mmeKsi", per(mme, e -> (long) e.ksi));
        s.put("mmeAtt", per(mme, e -> (long) e.att));
        s.put("mscState", per(msc, c -> c.state.name()));
        s.put("mscKey", per(msc, c -> c.key == null ? Terms.NONE : Terms.of(c.key.source())));
        s.put("mscKsi", per(msc, c -> (long) c.ksi));
        s.put("mscAlg", per(msc, c -> c.alg));
        s.put("mscAtt", per(msc, c -> (long) c.att));
        s.put("gnbState", per(gnb, g -> g.state.name()));
        Set<Object> m = new HashSet<>();
        for (Message x : msgs.values()) m.add(Message.abstraction(x));
        s.put("msgs", m);
        s.put("ul", per(ul, q -> q.stream().map(x -> (Object) Message.abstraction(x)).toList()));
        s.put("dl", per(dl, q -> q.stream().map(x -> (Object) Message.abstraction(x)).toList()));
        Set<Object> r = new HashSet<>();
        for (Message x : radio.values()) r.add(Message.abstraction(x));
        s.put("radio", r);
        Map<String, Object> h = new TreeMap<>();
        held.forEach((p, ks) -> h.put(p, terms(ks)));
        s.put("held", h);
        Set<Object> is = new HashSet<>();
        for (Issued i : issued) {
            Map<String, Object> rec = new TreeMap<>();
            rec.put("ue", (long) i.ue());
            rec.put("att", (long) i.att());
            rec.put("key", Terms.of(i.term()));
            is.add(rec);
        }
        s.put("issued", is);
        s.put("srvccKamfs", per(srvccKamfs, Srvcc::longs));
        s.put("reversed", (long) reversed);
        s.put("faults", (long) faults);
        s.put("reorders", (long) reorders);
        s.put("replays", (long) replays);
        s.put("nextKamf", (long) nextKamf);
        return s;
    }

    private static <T> List<Object> per(Map<Integer, T> m, java.util.function.Function<T, Object> f) {
        List<Object> l = new ArrayList<>();
        for (T t : m.values()) l.add(f.apply(t));
        return l;
    }

    private static Set<Object> longs(Collection<Integer> c) {
        Set<Object> s = new HashSet<>();
        for (int i : c) s.add((long) i);
        return s;
    }

    private static Set<Object> terms(Collection<KeyTerm> c) {
        Set<Object> s = new HashSet<>();
        for (KeyTerm t : c) s.add(Terms.of(t));
        return s;
    }

    /** A one-line statement of what UE and MSC hold for UE u (no key bytes). */
    public List<String> agreement(int u) {
        UeCtx x = ue.get(u);
        MscCtx c = msc.get(u);
        List<String> l = new ArrayList<>();
        l.add("UE " + x.state + (x.key == null ? ", no CS keys" : ", keys " + x.key.source() + ", KSI " + x.ksi));
        l.add("MSC " + c.state + (c.key == null ? ", no mapped context" : ", keys " + c.key.source() + ", KSI " + c.ksi + ", " + c.alg));
        if (x.key != null && c.key != null) l.add(x.key.sameAs(c.key) && x.ksi == c.ksi ? "same CK, IK and KSI" : "DIFFERENT keys or KSI");
        return l;
    }

    /** CK/IK bytes of UE and MSC, for --show-keys only (the user asked to see secrets). */
    public Map<String, byte[]> revealCsKeys(int u) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        InsecureKeyAccess a = InsecureKeyAccess.get();
        CkIk x = ue.get(u).key, c = msc.get(u).key;
        m.put("UE CK_SRVCC", x == null || x.isDestroyed() ? null : x.ck().bytes(a));
        m.put("UE IK_SRVCC", x == null || x.isDestroyed() ? null : x.ik().bytes(a));
        m.put("MSC CK_SRVCC", c == null || c.isDestroyed() ? null : c.ck().bytes(a));
        m.put("MSC IK_SRVCC", c == null || c.isDestroyed() ? null : c.ik().bytes(a));
        return m;
    }

    /** The core messages in flight, abstracted, in the order NetLose counts them for UE 1. */
    public List<Object> inFlight() {
        List<Object> l = new ArrayList<>();
        for (Message m : msgs.values()) if (m.ue() == 1) l.add(Message.abstraction(m));
        return l;
    }

    public List<Message> lastSent() {
        return List.copyOf(lastSent);
    }

    public Set<Integer> ues() {
        return ue.keySet();
    }
}

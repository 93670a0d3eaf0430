package org.srvcc.procedure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.srvcc.kdf.CkIk;
import org.srvcc.kdf.InsecureKeyAccess;
import org.srvcc.kdf.Key128;
import org.srvcc.kdf.Key256;
import org.srvcc.kdf.KeyTerm;
import org.srvcc.kdf.Ksi;
import org.srvcc.kdf.NasCount;
import org.srvcc.wire.Gtpv2;
import org.srvcc.wire.Gtpv2Message;
import org.srvcc.wire.Ie;
import org.srvcc.wire.Ies;
import org.srvcc.wire.MmContexts;
import org.srvcc.wire.Plan;
import org.srvcc.wire.Plan.Exchange;
import org.srvcc.wire.Plan.Node;

/**
 * The GTPv2-C form of the messages that cross the AMF -> MME_SRVCC interface and Sv: what a
 * sender puts on the wire and what a receiver reads back. One direction: the receiver builds its
 * message from the octets and an {@link Envelope} of what no wire field carries (the copy number,
 * the key terms, the DL COUNT behind an Sv message: the MME_SRVCC uses the COUNT it received, and
 * Sv has no COUNT field).
 */
final class WireForm {
    private WireForm() {}

    /** The GTPv2-C message type of each message that crosses N26 or Sv (TS 29.274, TS 29.280). */
    private static final Map<Message.Type, Integer> GTP = Map.of(
            Message.Type.ForwardRelocationRequest, Gtpv2.FORWARD_RELOCATION_REQUEST,
            Message.Type.ForwardRelocationResponse, Gtpv2.FORWARD_RELOCATION_RESPONSE,
            Message.Type.ForwardRelocationComplete, Gtpv2.FORWARD_RELOCATION_COMPLETE_NOTIFICATION,
            Message.Type.RelocationCancel, Gtpv2.RELOCATION_CANCEL_REQUEST,
            Message.Type.PsToCsRequest, Gtpv2.SRVCC_PS_TO_CS_REQUEST,
            Message.Type.PsToCsResponse, Gtpv2.SRVCC_PS_TO_CS_RESPONSE,
            Message.Type.PsToCsComplete, Gtpv2.SRVCC_PS_TO_CS_COMPLETE_NOTIFICATION,
            Message.Type.PsToCsCancel, Gtpv2.SRVCC_PS_TO_CS_CANCEL_NOTIFICATION);

    static boolean onGtp(Message.Type t) {
        return GTP.containsKey(t);
    }

    /** The message as its sender puts it on the wire. Key octets go into the IEs; the caller wipes them. */
    static Gtpv2Message encode(Message m, Profile p) {
        InsecureKeyAccess a = InsecureKeyAccess.get();
        int u = m.ue();
        Node peer = p.viaMme() ? Node.MME_SRVCC : Node.AMF;
        List<Ie> ies = new ArrayList<>();
        switch (m.type()) {
            case ForwardRelocationRequest -> {
                return forwardRelocationRequest((Message.ForwardRelocationRequest) m, a);
            }
            case ForwardRelocationResponse -> {
                boolean ok = ((Message.Answer) m).ok();
                ies.add(Ies.cause(ok ? Ies.REQUEST_ACCEPTED : Ies.NO_RESOURCES_AVAILABLE));
                if (ok) ies.add(Ies.fteid(Ies.IF_S10_N26_MME, Node.MME_SRVCC.teid(u), Node.MME_SRVCC.address()));
                return new Gtpv2Message(
                        GTP.get(m.type()),
                        Node.AMF.teid(u),
                        Plan.sequence(u, m.att(), Exchange.FORWARD_RELOCATION),
                        ies);
            }
            case RelocationCancel -> {
                ies.add(Ies.imsi(Plan.imsi(u)));
                return new Gtpv2Message(
                        GTP.get(m.type()),
                        Node.MME_SRVCC.teid(u),
                        Plan.sequence(u, m.att(), Exchange.RELOCATION_CANCEL),
                        ies);
            }
            case ForwardRelocationComplete -> {
                return new Gtpv2Message(
                        GTP.get(m.type()),
                        Node.AMF.teid(u),
                        Plan.sequence(u, m.att(), Exchange.FORWARD_RELOCATION_COMPLETE),
                        ies);
            }
            case PsToCsRequest -> {
                return psToCsRequest((Message.PsToCsRequest) m, peer, a);
            }
            case PsToCsResponse -> {
                ies.add(Ies.cause(((Message.Answer) m).ok() ? Ies.REQUEST_ACCEPTED : Ies.REQUEST_REJECTED));
                return new Gtpv2Message(
                        GTP.get(m.type()), peer.teid(u), Plan.sequence(u, m.att(), Exchange.PS_TO_CS), ies);
            }
            case PsToCsComplete -> {
                return new Gtpv2Message(
                        GTP.get(m.type()), peer.teid(u), Plan.sequence(u, m.att(), Exchange.PS_TO_CS_COMPLETE), ies);
            }
            case PsToCsCancel -> {
                ies.add(Ies.srvccCause(2)); // handover/relocation cancelled by source system
                return new Gtpv2Message(
                        GTP.get(m.type()), Node.MSC.teid(u), Plan.sequence(u, m.att(), Exchange.PS_TO_CS_CANCEL), ies);
            }
            default -> throw new IllegalArgumentException(m.type() + " is not a GTPv2-C message");
        }
    }

    /** N26, J.1.2 step 3: KASME_SRVCC in the MM Context (EPS Security Context and Quadruplets) IE. */
    private static Gtpv2Message forwardRelocationRequest(Message.ForwardRelocationRequest f, InsecureKeyAccess a) {
        int u = f.ue();
        List<Ie> ies = new ArrayList<>();
        ies.add(Ies.imsi(Plan.imsi(u)));
        ies.add(Ies.fteid(Ies.IF_N26_AMF, Node.AMF.teid(u), Node.AMF.address()));
        byte[] k = f.kasme() == null ? new byte[32] : f.kasme().bytes(a); // no 5G context: KSI 7, zero octets
        ies.add(MmContexts.mmContextEps(new MmContexts.MmContextEps(
                f.ksi().value(),
                Plan.NAS_INTEGRITY,
                Plan.NAS_CIPHER,
                f.count().value(),
                0,
                k,
                Plan.ueNetworkCapability(
                        f.cap().contains(Algorithm.UEA1),
                        f.cap().contains(Algorithm.UEA2),
                        f.cap().contains(Algorithm.UIA1),
                        f.cap().contains(Algorithm.UIA2)),
                f.session() == Session.NORMAL
                        ? ""
                        // TS 23.216 §6.5.4: the equipment identifier of an emergency session
                        : Plan.imei(u))));
        Arrays.fill(k, (byte) 0);
        ies.add(Ies.indication(
                new Ies.Indication(f.session() == Session.EMERGENCY_UNAUTH, true, f.session() != Session.NORMAL)));
        ies.add(Ies.stnSr(Plan.STN_SR));
        ies.add(Ies.msisdn(Plan.msisdn(u)));
        return new Gtpv2Message(GTP.get(f.type()), 0, Plan.sequence(u, f.att(), Exchange.FORWARD_RELOCATION), ies);
    }

    /** Sv, J.1.2 step 5: CK_SRVCC and IK_SRVCC in the MM Context for E-UTRAN SRVCC IE. */
    private static Gtpv2Message psToCsRequest(Message.PsToCsRequest r, Node peer, InsecureKeyAccess a) {
        int u = r.ue();
        List<Ie> ies = new ArrayList<>();
        if (r.session() == Session.EMERGENCY_UNAUTH)
            ies.add(Ies.mei(Plan.imei(u))); // TS 29.280: no IMSI for an unauthenticated UE
        else ies.add(Ies.imsi(Plan.imsi(u)));
        ies.add(Ies.teidC(peer.teid(u))); // TS 29.280 Table 5.2.2: Sv TEID and address, no F-TEID
        ies.add(Ies.ipAddress(peer.address()));
        ies.add(Ies.msisdn(Plan.msisdn(u)));
        ies.add(Ies.transparentContainer(Gtpv2.SOURCE_TO_TARGET_TRANSPARENT_CONTAINER, new byte[0]));
        ies.add(Ies.targetRncId(1, 1, 1));
        ies.add(Ies.stnSr(Plan.STN_SR));
        byte[] ck = r.keys() == null ? new byte[16] : r.keys().ck().bytes(a),
                ik = r.keys() == null ? new byte[16] : r.keys().ik().bytes(a);
        ies.add(MmContexts.mmContextEutranSrvcc(new MmContexts.MmContextEutranSrvcc(
                r.ksi().value(), ck, ik, Plan.classmark2(), new byte[0], new byte[0])));
        Arrays.fill(ck, (byte) 0);
        Arrays.fill(ik, (byte) 0);
        if (r.session() != Session.NORMAL) ies.add(Ies.svFlags(Ies.SV_EMIND));
        return new Gtpv2Message(GTP.get(r.type()), 0, Plan.sequence(u, r.att(), Exchange.PS_TO_CS), ies);
    }

    /** The triggered message a receiver answers a notification with (TS 29.274 §7.6), or null. */
    static Gtpv2Message acknowledgement(Gtpv2Message g, Profile p) {
        int t = switch (g.type()) {
            case Gtpv2.FORWARD_RELOCATION_COMPLETE_NOTIFICATION -> Gtpv2.FORWARD_RELOCATION_COMPLETE_ACKNOWLEDGE;
            case Gtpv2.RELOCATION_CANCEL_REQUEST -> Gtpv2.RELOCATION_CANCEL_RESPONSE;
            case Gtpv2.SRVCC_PS_TO_CS_COMPLETE_NOTIFICATION -> Gtpv2.SRVCC_PS_TO_CS_COMPLETE_ACKNOWLEDGE;
            case Gtpv2.SRVCC_PS_TO_CS_CANCEL_NOTIFICATION -> Gtpv2.SRVCC_PS_TO_CS_CANCEL_ACKNOWLEDGE;
            default -> -1;
        };
        if (t < 0) return null;
        int u = Plan.ueOf(g.sequence());
        long teid = switch (g.type()) {
            case Gtpv2.FORWARD_RELOCATION_COMPLETE_NOTIFICATION -> Node.MME_SRVCC.teid(u);
            case Gtpv2.RELOCATION_CANCEL_REQUEST -> Node.AMF.teid(u);
            case Gtpv2.SRVCC_PS_TO_CS_COMPLETE_NOTIFICATION -> Node.MSC.teid(u);
            default -> (p.viaMme() ? Node.MME_SRVCC : Node.AMF).teid(u);
        };
        return new Gtpv2Message(t, teid, g.sequence(), List.of(Ies.cause(Ies.REQUEST_ACCEPTED)));
    }

    /**
     * What the receiver of a GTPv2-C message needs beside its octets, because no wire field carries it: the copy
     * (1 original, 2 network duplicate, 3 replay), the symbolic terms that name the keys whose octets the IEs carry
     * (null: sent without a key), and what this codec leaves in opaque containers or no IE holds: the DL COUNT behind
     * an Sv request, the UTRAN capability on Sv and the selection in an answer.
     */
    record Envelope(int copy, KeyTerm key, KeyTerm ck, KeyTerm ik, NasCount count, Set<Algorithm> cap, Selection alg) {
        static Envelope of(Message m) {
            if (m instanceof Message.ForwardRelocationRequest f)
                return new Envelope(
                        f.copy(), f.kasme() == null ? null : f.kasme().term(), null, null, null, null, null);
            if (m instanceof Message.PsToCsRequest r)
                return new Envelope(
                        r.copy(),
                        null,
                        r.keys() == null ? null : r.keys().ck().term(),
                        r.keys() == null ? null : r.keys().ik().term(),
                        r.count(),
                        r.cap(),
                        null);
            if (m instanceof Message.Answer x) return new Envelope(x.copy(), null, null, null, null, null, x.alg());
            return new Envelope(m.copy(), null, null, null, null, null, null);
        }
    }

    /** The message type a GTPv2-C message type stands for. */
    static Message.Type typeOf(int gtpType) {
        for (Map.Entry<Message.Type, Integer> e : GTP.entrySet()) if (e.getValue() == gtpType) return e.getKey();
        throw new IllegalArgumentException("GTPv2-C message type " + gtpType + " is not one of ours");
    }

    /**
     * What the receiver reads: the message built from the decoded octets and the envelope alone (the sender's record
     * is not consulted; WireFormTest holds the two equal for every type and option).
     */
    static Message decode(Gtpv2Message g, Envelope e) {
        InsecureKeyAccess a = InsecureKeyAccess.get();
        int u = Plan.ueOf(g.sequence()), att = Plan.attemptOf(g.sequence());
        Message.Type type = typeOf(g.type());
        return switch (type) {
            case ForwardRelocationRequest -> {
                MmContexts.MmContextEps c = MmContexts.mmContextEps(g.required(Gtpv2.MM_CONTEXT_EPS));
                Ies.Indication i =
                        g.ie(Gtpv2.INDICATION).map(Ies::indication).orElse(new Ies.Indication(false, false, false));
                Session s = !i.emergency() ? Session.NORMAL : i.uimsi() ? Session.EMERGENCY_UNAUTH : Session.EMERGENCY;
                // KSI 7 with zero octets is the no-context request: no key (anything else is a key, which the
                // invariants judge, and which the envelope must name)
                boolean noKey = c.ksiAsme() == 7 && MmContexts.noKeyOctets(c.kasme());
                if (e.key() == null && !noKey) {
                    c.wipe();
                    throw new IllegalStateException("octets of a key arrive in " + type + " for UE " + u
                            + " that its envelope names no key for");
                }
                Key256 k = e.key() == null ? null : Key256.of(c.kasme(), e.key(), a);
                c.wipe();
                boolean[] alg = Plan.utranAlgorithms(c.ueNetworkCapability());
                Set<Algorithm> cap = EnumSet.noneOf(Algorithm.class);
                for (int bit = 0; bit < 4; bit++)
                    if (alg[bit]) cap.add(Algorithm.values()[bit]); // UEA1, UEA2, UIA1, UIA2
                yield new Message.ForwardRelocationRequest(
                        u, att, e.copy(), k, Ksi.decoded(c.ksiAsme()), new NasCount(c.dlCount()), s, cap);
            }
            case PsToCsRequest -> {
                MmContexts.MmContextEutranSrvcc c =
                        MmContexts.mmContextEutranSrvcc(g.required(Gtpv2.MM_CONTEXT_FOR_EUTRAN_SRVCC));
                boolean em = g.ie(Gtpv2.SV_FLAGS)
                        .map(Ies::svFlags)
                        .map(f -> (f & Ies.SV_EMIND) != 0)
                        .orElse(false);
                Session s = !em
                        ? Session.NORMAL
                        : g.ie(Gtpv2.IMSI).isEmpty() ? Session.EMERGENCY_UNAUTH : Session.EMERGENCY;
                boolean noKey = c.eksi() == 7 && MmContexts.noKeyOctets(c.ck(), c.ik());
                if (e.ck() == null && !noKey) {
                    c.wipe();
                    throw new IllegalStateException("octets of keys arrive in " + type + " for UE " + u
                            + " that its envelope names no keys for");
                }
                CkIk keys =
                        e.ck() == null ? null : new CkIk(Key128.of(c.ck(), e.ck(), a), Key128.of(c.ik(), e.ik(), a));
                c.wipe();
                // TS 29.280 has no IE of its own for the UTRAN algorithms: they reach the target inside the
                // transparent container, which this codec leaves empty, so the capability comes in the envelope
                // reading: sv-capability (the model's MSC reads a capability this wire does not carry)
                yield new Message.PsToCsRequest(u, att, e.copy(), keys, Ksi.decoded(c.eksi()), e.count(), s, e.cap());
            }
            case ForwardRelocationResponse, PsToCsResponse ->
                // the selected algorithms travel in the Target to Source Transparent Container (opaque here)
                new Message.Answer(
                        type, u, att, e.copy(), Ies.cause(g.required(Gtpv2.CAUSE)) == Ies.REQUEST_ACCEPTED, e.alg());
            default -> new Message.Plain(type, u, att, e.copy());
        };
    }
}

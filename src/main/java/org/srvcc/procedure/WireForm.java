package org.srvcc.procedure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.srvcc.kdf.CkIk;
import org.srvcc.kdf.InsecureKeyAccess;
import org.srvcc.kdf.Key128;
import org.srvcc.kdf.Key256;
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
 * sender puts on the wire and what a receiver reads back. The model's bookkeeping that no wire
 * carries stays with the in-flight record: the copy number, the key terms, and the DL COUNT behind
 * an Sv message (the MME_SRVCC uses the COUNT it received; Sv has no COUNT field).
 */
final class WireForm {
    private WireForm() {}

    static boolean onGtp(Message.Type t) {
        return switch (t) {
            case ForwardRelocationRequest,
                    ForwardRelocationResponse,
                    ForwardRelocationComplete,
                    RelocationCancel,
                    PsToCsRequest,
                    PsToCsResponse,
                    PsToCsComplete,
                    PsToCsCancel -> true;
            default -> false;
        };
    }

    /** The message as its sender puts it on the wire. Key octets go into the IEs; the caller wipes them. */
    static Gtpv2Message encode(Message m, Profile p) {
        InsecureKeyAccess a = InsecureKeyAccess.get();
        int u = m.ue();
        Node peer = p.viaMme() ? Node.MME_SRVCC : Node.AMF;
        List<Ie> ies = new ArrayList<>();
        switch (m.type()) {
            case ForwardRelocationRequest -> {
                var f = (Message.ForwardRelocationRequest) m;
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
                ies.add(Ies.indication(new Ies.Indication(
                        f.session() == Session.EMERGENCY_UNAUTH, true, f.session() != Session.NORMAL)));
                ies.add(Ies.stnSr(Plan.STN_SR));
                ies.add(Ies.msisdn(Plan.msisdn(u)));
                return new Gtpv2Message(
                        Gtpv2.FORWARD_RELOCATION_REQUEST,
                        0,
                        Plan.sequence(u, m.att(), Exchange.FORWARD_RELOCATION),
                        ies);
            }
            case ForwardRelocationResponse -> {
                boolean ok = ((Message.Answer) m).ok();
                ies.add(Ies.cause(ok ? Ies.REQUEST_ACCEPTED : Ies.NO_RESOURCES_AVAILABLE));
                if (ok) ies.add(Ies.fteid(Ies.IF_S10_N26_MME, Node.MME_SRVCC.teid(u), Node.MME_SRVCC.address()));
                return new Gtpv2Message(
                        Gtpv2.FORWARD_RELOCATION_RESPONSE,
                        Node.AMF.teid(u),
                        Plan.sequence(u, m.att(), Exchange.FORWARD_RELOCATION),
                        ies);
            }
            case RelocationCancel -> {
                ies.add(Ies.imsi(Plan.imsi(u)));
                return new Gtpv2Message(
                        Gtpv2.RELOCATION_CANCEL_REQUEST,
                        Node.MME_SRVCC.teid(u),
                        Plan.sequence(u, m.att(), Exchange.RELOCATION_CANCEL),
                        ies);
            }
            case ForwardRelocationComplete -> {
                return new Gtpv2Message(
                        Gtpv2.FORWARD_RELOCATION_COMPLETE_NOTIFICATION,
                        Node.AMF.teid(u),
                        Plan.sequence(u, m.att(), Exchange.FORWARD_RELOCATION_COMPLETE),
                        ies);
            }
            case PsToCsRequest -> {
                var r = (Message.PsToCsRequest) m;
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
                return new Gtpv2Message(
                        Gtpv2.SRVCC_PS_TO_CS_REQUEST, 0, Plan.sequence(u, m.att(), Exchange.PS_TO_CS), ies);
            }
            case PsToCsResponse -> {
                ies.add(Ies.cause(((Message.Answer) m).ok() ? Ies.REQUEST_ACCEPTED : Ies.REQUEST_REJECTED));
                return new Gtpv2Message(
                        Gtpv2.SRVCC_PS_TO_CS_RESPONSE, peer.teid(u), Plan.sequence(u, m.att(), Exchange.PS_TO_CS), ies);
            }
            case PsToCsComplete -> {
                return new Gtpv2Message(
                        Gtpv2.SRVCC_PS_TO_CS_COMPLETE_NOTIFICATION,
                        peer.teid(u),
                        Plan.sequence(u, m.att(), Exchange.PS_TO_CS_COMPLETE),
                        ies);
            }
            case PsToCsCancel -> {
                ies.add(Ies.srvccCause(2)); // handover/relocation cancelled by source system
                return new Gtpv2Message(
                        Gtpv2.SRVCC_PS_TO_CS_CANCEL_NOTIFICATION,
                        Node.MSC.teid(u),
                        Plan.sequence(u, m.att(), Exchange.PS_TO_CS_CANCEL),
                        ies);
            }
            default -> throw new IllegalArgumentException(m.type() + " is not a GTPv2-C message");
        }
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
     * What the receiver reads: the message rebuilt from the decoded IEs. The fields the wire
     * carries must agree with the record it was sent as (else the codec is wrong).
     */
    static Message decode(Gtpv2Message g, Message sent) {
        InsecureKeyAccess a = InsecureKeyAccess.get();
        int u = Plan.ueOf(g.sequence()), att = Plan.attemptOf(g.sequence());
        if (u != sent.ue() || att != sent.att())
            throw new IllegalStateException("wire form of " + sent.type() + " names UE " + u + " attempt " + att);
        Message got = switch (sent.type()) {
            case ForwardRelocationRequest -> {
                var f = (Message.ForwardRelocationRequest) sent;
                MmContexts.MmContextEps c = MmContexts.mmContextEps(g.required(Gtpv2.MM_CONTEXT_EPS));
                Ies.Indication i =
                        g.ie(Gtpv2.INDICATION).map(Ies::indication).orElse(new Ies.Indication(false, false, false));
                Session s = !i.emergency() ? Session.NORMAL : i.uimsi() ? Session.EMERGENCY_UNAUTH : Session.EMERGENCY;
                // KSI 7 with zero octets is the no-context request: no key (anything else is a key, which the
                // invariants judge)
                boolean noKey = c.ksiAsme() == 7 && MmContexts.noKeyOctets(c.kasme());
                if (f.kasme() == null && !noKey) { // sent without a key, yet octets of one arrive
                    c.wipe();
                    throw new IllegalStateException(
                            "wire form of " + sent.type() + " for UE " + u + " decodes to different fields");
                }
                Key256 k = f.kasme() == null
                        ? null
                        : Key256.of(c.kasme(), f.kasme().term(), a);
                c.wipe();
                boolean[] alg = Plan.utranAlgorithms(c.ueNetworkCapability());
                Set<Algorithm> cap = EnumSet.noneOf(Algorithm.class);
                for (int bit = 0; bit < 4; bit++)
                    if (alg[bit]) cap.add(Algorithm.values()[bit]); // UEA1, UEA2, UIA1, UIA2
                yield new Message.ForwardRelocationRequest(
                        u, att, sent.copy(), k, Ksi.decoded(c.ksiAsme()), new NasCount(c.dlCount()), s, cap);
            }
            case PsToCsRequest -> {
                var r = (Message.PsToCsRequest) sent;
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
                if (r.keys() == null && !noKey) { // sent without keys, yet octets of them arrive
                    c.wipe();
                    throw new IllegalStateException(
                            "wire form of " + sent.type() + " for UE " + u + " decodes to different fields");
                }
                CkIk keys = r.keys() == null
                        ? null
                        : new CkIk(
                                Key128.of(c.ck(), r.keys().ck().term(), a),
                                Key128.of(c.ik(), r.keys().ik().term(), a));
                c.wipe();
                // TS 29.280 has no IE of its own for the UTRAN algorithms: they reach the target inside the
                // transparent container, which this codec leaves empty, so the capability is the sent one
                // reading: sv-capability (the model's MSC reads a capability this wire does not carry)
                yield new Message.PsToCsRequest(
                        u, att, sent.copy(), keys, Ksi.decoded(c.eksi()), r.count(), s, r.cap());
            }
            case ForwardRelocationResponse, PsToCsResponse ->
                // the selected algorithms travel in the Target to Source Transparent Container (opaque here)
                new Message.Answer(
                        sent.type(),
                        u,
                        att,
                        sent.copy(),
                        Ies.cause(g.required(Gtpv2.CAUSE)) == Ies.REQUEST_ACCEPTED,
                        ((Message.Answer) sent).alg());
            default -> new Message.Plain(sent.type(), u, att, sent.copy());
        };
        if (!got.identity().equals(sent.identity()) || !sameKeys(got, sent)) {
            got.destroyKeys();
            throw new IllegalStateException(
                    "wire form of " + sent.type() + " for UE " + u + " decodes to different fields");
        }
        return got;
    }

    /** Identity compares key terms; the octets must agree too. */
    private static boolean sameKeys(Message got, Message sent) {
        if (got instanceof Message.ForwardRelocationRequest g && sent instanceof Message.ForwardRelocationRequest s)
            return g.kasme() == null
                    ? s.kasme() == null
                    : s.kasme() != null && g.kasme().sameAs(s.kasme());
        if (got instanceof Message.PsToCsRequest g && sent instanceof Message.PsToCsRequest s)
            return g.keys() == null
                    ? s.keys() == null
                    : s.keys() != null && g.keys().sameAs(s.keys());
        return true;
    }
}

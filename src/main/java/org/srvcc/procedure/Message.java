package org.srvcc.procedure;

import java.util.Set;
import org.srvcc.kdf.CkIk;
import org.srvcc.kdf.Key256;
import org.srvcc.kdf.KeyTerm;
import org.srvcc.kdf.Ksi;
import org.srvcc.kdf.NasCount;

/**
 * The messages of the procedure, named as in TS 23.216 and the model. {@code att} is the AMF's
 * attempt number (a transaction identifier); {@code copy} is 1 for an original, 2 for a network
 * duplicate and 3 for an attacker's replay. A message that carries keys owns its handles: the
 * network destroys them when it drops the message, and a receiver that takes it owns them.
 */
public sealed interface Message {
    Type type();

    int ue();

    int att();

    int copy();

    /** The same message as another copy; keys are copied, so each message owns its own handles. */
    Message withCopy(int copy);

    /** Equality as the model's set of messages has it: keys by their terms, never by handle. */
    default Object identity() {
        return this;
    }

    default void destroyKeys() {}

    /** Sender and receiver; PEER is the MSC's peer: MME_SRVCC, or the AMF in draft-direct. */
    enum Type {
        HandoverRequired("gNB", "AMF"),
        HandoverCancel("gNB", "AMF"),
        ForwardRelocationRequest("AMF", "MME_SRVCC"),
        RelocationCancel("AMF", "MME_SRVCC"),
        ForwardRelocationResponse("MME_SRVCC", "AMF"),
        ForwardRelocationComplete("MME_SRVCC", "AMF"),
        PsToCsRequest("PEER", "MSC"),
        PsToCsCancel("PEER", "MSC"),
        PsToCsResponse("MSC", "PEER"),
        PsToCsComplete("MSC", "PEER"),
        HandoverCommand("AMF", "gNB"),
        HandoverPreparationFailure("AMF", "gNB"),
        HandoverCancelAcknowledge("AMF", "gNB"),
        HandoverCommandUe("gNB", "UE"),
        DownlinkNasTransport("AMF", "UE"),
        HandoverComplete("UE", "MSC"),
        CallRelease("UE", "MSC");
        private final String from, to;

        Type(String from, String to) {
            this.from = from;
            this.to = to;
        }

        public String from(Profile p) {
            return from.equals("PEER") ? (p.viaMme() ? "MME_SRVCC" : "AMF") : from;
        }

        public String to(Profile p) {
            return to.equals("PEER") ? (p.viaMme() ? "MME_SRVCC" : "AMF") : to;
        }
    }

    /** Messages with no payload beyond their identifiers. */
    record Plain(Type type, int ue, int att, int copy) implements Message {
        public Message withCopy(int c) {
            return new Plain(type, ue, att, c);
        }
    }

    /** The identity of a keyed message: its fields with the key's term in place of the handle. */
    record KeyedId(
            Type type,
            int ue,
            int att,
            int copy,
            KeyTerm key,
            Ksi ksi,
            NasCount count,
            Session session,
            Set<Algorithm> cap) {}

    /**
     * AMF to MME_SRVCC: KASME_SRVCC (or K'ASME), eKSI, the DL NAS COUNT used, the session kind and
     * the UE security capability (its UTRAN algorithms; on the wire, the UE network capability).
     * {@code kasme} is null for a UE with no 5G security context (eKSI 7: no key available).
     */
    record ForwardRelocationRequest(
            int ue, int att, int copy, Key256 kasme, Ksi ksi, NasCount count, Session session, Set<Algorithm> cap)
            implements Message {
        public ForwardRelocationRequest {
            cap = Set.copyOf(cap);
        }

        public ForwardRelocationRequest(
                int ue, int att, int copy, Key256 kasme, Ksi ksi, NasCount count, Session session) {
            this(ue, att, copy, kasme, ksi, count, session, Algorithm.ALL);
        }

        public Type type() {
            return Type.ForwardRelocationRequest;
        }

        public Message withCopy(int c) {
            return new ForwardRelocationRequest(
                    ue, att, c, kasme == null ? null : kasme.copy(), ksi, count, session, cap);
        }
        /** The same request with the capability an attacker on N26 wrote into it (keys copied). */
        public ForwardRelocationRequest withCap(Set<Algorithm> c) {
            return new ForwardRelocationRequest(
                    ue, att, copy, kasme == null ? null : kasme.copy(), ksi, count, session, c);
        }

        public Object identity() {
            return new KeyedId(type(), ue, att, copy, kasme == null ? null : kasme.term(), ksi, count, session, cap);
        }

        public void destroyKeys() {
            if (kasme != null) kasme.destroy();
        }
    }

    /**
     * To the MSC server: CK_SRVCC, IK_SRVCC, KSI_SRVCC (the Sv "MM Context for E-UTRAN SRVCC") and the UE security
     * capability.
     */
    record PsToCsRequest(
            int ue, int att, int copy, CkIk keys, Ksi ksi, NasCount count, Session session, Set<Algorithm> cap)
            implements Message {
        public PsToCsRequest {
            cap = Set.copyOf(cap);
        }

        public PsToCsRequest(int ue, int att, int copy, CkIk keys, Ksi ksi, NasCount count, Session session) {
            this(ue, att, copy, keys, ksi, count, session, Algorithm.ALL);
        }

        public Type type() {
            return Type.PsToCsRequest;
        }

        public Message withCopy(int c) {
            return new PsToCsRequest(ue, att, c, keys == null ? null : keys.copy(), ksi, count, session, cap);
        }
        /** The same request with the capability an attacker on Sv wrote into it (keys copied). */
        public PsToCsRequest withCap(Set<Algorithm> c) {
            return new PsToCsRequest(ue, att, copy, keys == null ? null : keys.copy(), ksi, count, session, c);
        }

        public Object identity() {
            return new KeyedId(type(), ue, att, copy, keys == null ? null : keys.source(), ksi, count, session, cap);
        }

        public void destroyKeys() {
            if (keys != null) keys.destroy();
        }
    }

    /** ForwardRelocationResponse or PsToCsResponse; {@code alg} is what the target side selected (NONE if refused). */
    record Answer(Type type, int ue, int att, int copy, boolean ok, Selection alg) implements Message {
        public Message withCopy(int c) {
            return new Answer(type, ue, att, c, ok, alg);
        }
    }

    /**
     * HandoverCommand (AMF to gNB) or HandoverCommandUe (gNB to UE): the COUNT's low bits, the KSI, the selected
     * algorithms.
     */
    record HoCmd(Type type, int ue, int att, int copy, int lsb, Ksi ksi, Selection alg) implements Message {
        public Message withCopy(int c) {
            return new HoCmd(type, ue, att, c, lsb, ksi, alg);
        }
    }

    /** Any downlink NAS message; all the procedure needs of it is the COUNT it used. */
    record Nas(int ue, int copy, NasCount count) implements Message {
        public Type type() {
            return Type.DownlinkNasTransport;
        }

        public int att() {
            return 0;
        }

        public Message withCopy(int c) {
            return new Nas(ue, c, count);
        }
    }
}

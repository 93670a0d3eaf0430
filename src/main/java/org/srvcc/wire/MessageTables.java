package org.srvcc.wire;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The IE tables of the messages the codec knows, as TS 29.274 (N26, S10) and TS 29.280 (Sv) give them:
 * per IE its type, instance and presence. A sender writes every mandatory IE; a receiver refuses a message
 * without one, accepts the conditional and optional ones, takes each listed IE at most once, and skips IEs
 * the table does not list (TS 29.274 §7.7). Only the rows this procedure can meet are listed: the
 * specifications' tables carry many more optional IEs, which a receiver skips all the same.
 *
 * <p>Which rows are mandatory was cross-read in an independent codec (pycrate's TS 29.274 Release 17 tables,
 * which also hold TS 29.280's). The letters C, CO and O of the other rows are this codec's reading of the
 * specifications' tables; a receiver treats all three alike, as "may be absent".
 */
public final class MessageTables {
    private MessageTables() {}

    public enum Presence {
        M,
        C,
        CO,
        O
    }

    public record Row(int type, int instance, Presence presence, String name) {}

    public record Table(int message, String clause, List<Row> rows) {
        public List<Row> mandatory() {
            return rows.stream().filter(r -> r.presence() == Presence.M).toList();
        }

        Row row(int type, int instance) {
            return rows.stream()
                    .filter(r -> r.type() == type && r.instance() == instance)
                    .findFirst()
                    .orElse(null);
        }

        /** A receiver's check: mandatory IEs present, listed IEs at most once and readable by their decoders. */
        void check(Gtpv2Message m) {
            for (Row r : mandatory())
                if (m.ies().stream().noneMatch(i -> i.type() == r.type() && i.instance() == r.instance()))
                    throw new DecodeException(
                            r.type(),
                            Gtpv2Message.HEADER,
                            "mandatory IE " + r.name() + " (type " + r.type() + ", instance " + r.instance()
                                    + ") missing from " + m.name() + " (" + clause + ")");
            Map<String, Ie> seen = new LinkedHashMap<>();
            for (Ie i : m.ies()) {
                if (row(i.type(), i.instance()) == null) continue; // not for this procedure: skipped
                Ies.validate(i);
                if (seen.put(i.type() + "/" + i.instance(), i) != null)
                    throw new DecodeException(
                            i.type(), i.offset(), "at most one instance " + i.instance() + " in " + m.name());
            }
        }

        /** A sender's check: what this table requires is there. */
        void checkOutgoing(Gtpv2Message m) {
            for (Row r : mandatory())
                if (m.ies().stream().noneMatch(i -> i.type() == r.type() && i.instance() == r.instance()))
                    throw new IllegalArgumentException(
                            m.name() + " without its mandatory IE " + r.name() + " (" + clause + ")");
        }
    }

    private static Row m(int type, String name) {
        return new Row(type, 0, Presence.M, name);
    }

    private static Row c(int type, String name) {
        return new Row(type, 0, Presence.C, name);
    }

    private static Row co(int type, String name) {
        return new Row(type, 0, Presence.CO, name);
    }

    private static Row o(int type, String name) {
        return new Row(type, 0, Presence.O, name);
    }

    private static final Map<Integer, Table> TABLES = Map.ofEntries(
            table(
                    Gtpv2.FORWARD_RELOCATION_REQUEST,
                    "TS 29.274 Table 7.3.1-1",
                    c(Gtpv2.IMSI, "IMSI"),
                    m(Gtpv2.F_TEID, "Sender's F-TEID for Control Plane"),
                    m(Gtpv2.MM_CONTEXT_EPS, "MME/SGSN/AMF UE MM Context"),
                    c(Gtpv2.INDICATION, "Indication Flags"),
                    c(Gtpv2.STN_SR, "STN-SR"),
                    c(Gtpv2.MSISDN, "C-MSISDN"),
                    o(Gtpv2.PRIVATE_EXTENSION, "Private Extension")),
            table(
                    Gtpv2.FORWARD_RELOCATION_RESPONSE,
                    "TS 29.274 Table 7.3.2-1",
                    m(Gtpv2.CAUSE, "Cause"),
                    c(Gtpv2.F_TEID, "Sender's F-TEID for Control Plane"),
                    co(Gtpv2.INDICATION, "Indication Flags"),
                    o(Gtpv2.PRIVATE_EXTENSION, "Private Extension")),
            table(
                    Gtpv2.FORWARD_RELOCATION_COMPLETE_NOTIFICATION,
                    "TS 29.274 Table 7.3.3-1",
                    c(Gtpv2.INDICATION, "Indication Flags"),
                    o(Gtpv2.PRIVATE_EXTENSION, "Private Extension")),
            table(
                    Gtpv2.FORWARD_RELOCATION_COMPLETE_ACKNOWLEDGE,
                    "TS 29.274 Table 7.3.4-1",
                    m(Gtpv2.CAUSE, "Cause"),
                    o(Gtpv2.PRIVATE_EXTENSION, "Private Extension")),
            table(
                    Gtpv2.RELOCATION_CANCEL_REQUEST,
                    "TS 29.274 Table 7.3.16-1",
                    c(Gtpv2.IMSI, "IMSI"),
                    c(Gtpv2.MEI, "ME Identity"),
                    c(Gtpv2.INDICATION, "Indication Flags"),
                    co(Gtpv2.F_CAUSE, "RANAP Cause"),
                    o(Gtpv2.PRIVATE_EXTENSION, "Private Extension")),
            table(
                    Gtpv2.RELOCATION_CANCEL_RESPONSE,
                    "TS 29.274 Table 7.3.17-1",
                    m(Gtpv2.CAUSE, "Cause"),
                    o(Gtpv2.PRIVATE_EXTENSION, "Private Extension")),
            table(
                    Gtpv2.SRVCC_PS_TO_CS_REQUEST,
                    "TS 29.280 Table 5.2.2",
                    c(Gtpv2.IMSI, "IMSI"),
                    m(Gtpv2.TEID_C, "MME/SGSN Sv TEID for Control Plane"),
                    m(Gtpv2.IP_ADDRESS, "MME/SGSN Sv Address for Control Plane"),
                    c(Gtpv2.MSISDN, "C-MSISDN"),
                    m(Gtpv2.SOURCE_TO_TARGET_TRANSPARENT_CONTAINER, "Source to Target Transparent Container"),
                    c(Gtpv2.MM_CONTEXT_FOR_EUTRAN_SRVCC, "MM Context for E-UTRAN (v)SRVCC"),
                    c(Gtpv2.TARGET_RNC_ID, "Target RNC ID"),
                    c(Gtpv2.STN_SR, "STN-SR"),
                    c(Gtpv2.MEI, "MEI"),
                    c(Gtpv2.SV_FLAGS, "Sv Flags"),
                    o(Gtpv2.PRIVATE_EXTENSION, "Private Extension")),
            table(
                    Gtpv2.SRVCC_PS_TO_CS_RESPONSE,
                    "TS 29.280 Table 5.2.3",
                    m(Gtpv2.CAUSE, "Cause"),
                    c(Gtpv2.TARGET_TO_SOURCE_TRANSPARENT_CONTAINER, "Target to Source Transparent Container"),
                    c(Gtpv2.SRVCC_CAUSE, "SRVCC rejected Cause"),
                    c(Gtpv2.TEID_C, "MSC Server Sv TEID for Control Plane"),
                    c(Gtpv2.IP_ADDRESS, "MSC Server Sv Address for Control Plane"),
                    o(Gtpv2.PRIVATE_EXTENSION, "Private Extension")),
            table(
                    Gtpv2.SRVCC_PS_TO_CS_COMPLETE_NOTIFICATION,
                    "TS 29.280 Table 5.2.4",
                    c(Gtpv2.IMSI, "IMSI"),
                    co(Gtpv2.SRVCC_CAUSE, "SRVCC post failure Cause"),
                    o(Gtpv2.PRIVATE_EXTENSION, "Private Extension")),
            table(
                    Gtpv2.SRVCC_PS_TO_CS_COMPLETE_ACKNOWLEDGE,
                    "TS 29.280 Table 5.2.5",
                    m(Gtpv2.CAUSE, "Cause"),
                    o(Gtpv2.PRIVATE_EXTENSION, "Private Extension")),
            table(
                    Gtpv2.SRVCC_PS_TO_CS_CANCEL_NOTIFICATION,
                    "TS 29.280 Table 5.2.6",
                    c(Gtpv2.IMSI, "IMSI"),
                    m(Gtpv2.SRVCC_CAUSE, "Cancel Cause"),
                    c(Gtpv2.MEI, "MEI"),
                    o(Gtpv2.PRIVATE_EXTENSION, "Private Extension")),
            table(
                    Gtpv2.SRVCC_PS_TO_CS_CANCEL_ACKNOWLEDGE,
                    "TS 29.280 Table 5.2.7",
                    m(Gtpv2.CAUSE, "Cause"),
                    o(Gtpv2.SV_FLAGS, "Sv Flags"),
                    o(Gtpv2.PRIVATE_EXTENSION, "Private Extension")));

    private static Map.Entry<Integer, Table> table(int message, String clause, Row... rows) {
        return Map.entry(message, new Table(message, clause, List.of(rows)));
    }

    /** The table of a message type the codec knows. */
    public static Table of(int messageType) {
        Table t = TABLES.get(messageType);
        if (t == null) throw new IllegalArgumentException("message type " + messageType);
        return t;
    }
}

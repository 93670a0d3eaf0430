package org.srvcc.wire;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The GTPv2-C messages and IEs of the procedure, with TS 29.274 / TS 29.280 names and numbers,
 * and which IEs each message must carry. N26-style messages between AMF and MME_SRVCC are TS
 * 29.274's; Sv messages (types 25-30) are TS 29.280's on the same header.
 */
public final class Gtpv2 {
    private Gtpv2() {}

    // Message types (TS 29.274 Table 6.1-1)
    public static final int SRVCC_PS_TO_CS_REQUEST = 25, SRVCC_PS_TO_CS_RESPONSE = 26,
        SRVCC_PS_TO_CS_COMPLETE_NOTIFICATION = 27, SRVCC_PS_TO_CS_COMPLETE_ACKNOWLEDGE = 28,
        SRVCC_PS_TO_CS_CANCEL_NOTIFICATION = 29, SRVCC_PS_TO_CS_CANCEL_ACKNOWLEDGE = 30,
        FORWARD_RELOCATION_REQUEST = 133, FORWARD_RELOCATION_RESPONSE = 134,
        FORWARD_RELOCATION_COMPLETE_NOTIFICATION = 135, FORWARD_RELOCATION_COMPLETE_ACKNOWLEDGE = 136,
        RELOCATION_CANCEL_REQUEST = 139, RELOCATION_CANCEL_RESPONSE = 140;

    // IE types (TS 29.274 Table 8.1-1; 51-60 are TS 29.280's)
    public static final int IMSI = 1, CAUSE = 2, STN_SR = 51, SOURCE_TO_TARGET_TRANSPARENT_CONTAINER = 52,
        TARGET_TO_SOURCE_TRANSPARENT_CONTAINER = 53, MM_CONTEXT_FOR_EUTRAN_SRVCC = 54, SRVCC_CAUSE = 56,
        TARGET_RNC_ID = 57, SV_FLAGS = 60, MEI = 75, MSISDN = 76, INDICATION = 77, F_TEID = 87,
        MM_CONTEXT_EPS = 107, F_CAUSE = 119, PRIVATE_EXTENSION = 255;

    private static final Map<Integer, String> MESSAGES = new TreeMap<>(Map.ofEntries(
        Map.entry(25, "SRVCC PS to CS Request"), Map.entry(26, "SRVCC PS to CS Response"),
        Map.entry(27, "SRVCC PS to CS Complete Notification"), Map.entry(28, "SRVCC PS to CS Complete Acknowledge"),
        Map.entry(29, "SRVCC PS to CS Cancel Notification"), Map.entry(30, "SRVCC PS to CS Cancel Acknowledge"),
        Map.entry(133, "Forward Relocation Request"), Map.entry(134, "Forward Relocation Response"),
        Map.entry(135, "Forward Relocation Complete Notification"), Map.entry(136, "Forward Relocation Complete Acknowledge"),
        Map.entry(139, "Relocation Cancel Request"), Map.entry(140, "Relocation Cancel Response")));

    private static final Map<Integer, String> IES = Map.ofEntries(
        Map.entry(1, "IMSI"), Map.entry(2, "Cause"), Map.entry(51, "STN-SR"),
        Map.entry(52, "Source to Target Transparent Container"), Map.entry(53, "Target to Source Transparent Container"),
        Map.entry(54, "MM Context for E-UTRAN SRVCC"), Map.entry(55, "MM Context for UTRAN SRVCC"),
        Map.entry(56, "SRVCC Cause"), Map.entry(57, "Target RNC ID"), Map.entry(60, "Sv Flags"),
        Map.entry(75, "MEI"), Map.entry(76, "MSISDN"), Map.entry(77, "Indication"), Map.entry(87, "F-TEID"),
        Map.entry(107, "MM Context (EPS Security Context and Quadruplets)"), Map.entry(119, "F-Cause"),
        Map.entry(255, "Private Extension"));

    public static String messageName(int type) {
        return MESSAGES.get(type);
    }

    static String messageTypes() {
        return MESSAGES.keySet().toString();
    }

    public static String ieName(int type) {
        return IES.getOrDefault(type, "not used by this procedure");
    }

    /** The IEs a message must carry (M) and those it may carry at most once (C/O), as this procedure uses them. */
    public record Rules(List<Integer> mandatory, List<Integer> optional) {
        void check(Gtpv2Message m) {
            for (int t : mandatory) m.required(t);
            Map<String, Ie> seen = new LinkedHashMap<>();
            for (Ie i : m.ies()) {
                if (!mandatory.contains(i.type()) && !optional.contains(i.type())) continue;
                Ies.validate(i);
                if (seen.put(i.type() + "/" + i.instance(), i) != null)
                    throw new DecodeException(i.type(), i.offset(), "at most one instance " + i.instance() + " in " + m.name());
            }
        }
    }

    public static Rules rules(int type) {
        return switch (type) {
            // TS 29.274 §7.3.1, with TS 23.216 §6.5.4's additions for 5G-SRVCC (STN-SR, C-MSISDN, 5SRHOI)
            case FORWARD_RELOCATION_REQUEST -> new Rules(List.of(F_TEID, MM_CONTEXT_EPS), List.of(IMSI, INDICATION, STN_SR, MSISDN, MEI));
            case FORWARD_RELOCATION_RESPONSE -> new Rules(List.of(CAUSE), List.of(F_TEID, INDICATION));
            case FORWARD_RELOCATION_COMPLETE_NOTIFICATION -> new Rules(List.of(), List.of(INDICATION));
            case RELOCATION_CANCEL_REQUEST -> new Rules(List.of(), List.of(IMSI, MEI, INDICATION, F_CAUSE));
            case FORWARD_RELOCATION_COMPLETE_ACKNOWLEDGE, RELOCATION_CANCEL_RESPONSE,
                 SRVCC_PS_TO_CS_COMPLETE_ACKNOWLEDGE, SRVCC_PS_TO_CS_CANCEL_ACKNOWLEDGE -> new Rules(List.of(CAUSE), List.of());
            // TS 29.280 §5.2.2; the MM Context for E-UTRAN SRVCC is conditional there and required by Annex J
            case SRVCC_PS_TO_CS_REQUEST -> new Rules(List.of(F_TEID, MSISDN, SOURCE_TO_TARGET_TRANSPARENT_CONTAINER, MM_CONTEXT_FOR_EUTRAN_SRVCC),
                List.of(IMSI, MEI, TARGET_RNC_ID, STN_SR, SV_FLAGS));
            case SRVCC_PS_TO_CS_RESPONSE -> new Rules(List.of(CAUSE), List.of(SV_FLAGS, TARGET_TO_SOURCE_TRANSPARENT_CONTAINER));
            case SRVCC_PS_TO_CS_COMPLETE_NOTIFICATION -> new Rules(List.of(), List.of(IMSI));
            case SRVCC_PS_TO_CS_CANCEL_NOTIFICATION -> new Rules(List.of(SRVCC_CAUSE), List.of(IMSI, MEI));
            default -> throw new IllegalArgumentException("message type " + type);
        };
    }
}

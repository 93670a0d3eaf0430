package org.srvcc.wire;

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
    public static final int SRVCC_PS_TO_CS_REQUEST = 25,
            SRVCC_PS_TO_CS_RESPONSE = 26,
            SRVCC_PS_TO_CS_COMPLETE_NOTIFICATION = 27,
            SRVCC_PS_TO_CS_COMPLETE_ACKNOWLEDGE = 28,
            SRVCC_PS_TO_CS_CANCEL_NOTIFICATION = 29,
            SRVCC_PS_TO_CS_CANCEL_ACKNOWLEDGE = 30,
            FORWARD_RELOCATION_REQUEST = 133,
            FORWARD_RELOCATION_RESPONSE = 134,
            FORWARD_RELOCATION_COMPLETE_NOTIFICATION = 135,
            FORWARD_RELOCATION_COMPLETE_ACKNOWLEDGE = 136,
            RELOCATION_CANCEL_REQUEST = 139,
            RELOCATION_CANCEL_RESPONSE = 140;

    // IE types (TS 29.274 Table 8.1-1; 51-60 are TS 29.280's)
    public static final int IMSI = 1,
            CAUSE = 2,
            STN_SR = 51,
            SOURCE_TO_TARGET_TRANSPARENT_CONTAINER = 52,
            TARGET_TO_SOURCE_TRANSPARENT_CONTAINER = 53,
            MM_CONTEXT_FOR_EUTRAN_SRVCC = 54,
            SRVCC_CAUSE = 56,
            TARGET_RNC_ID = 57,
            TEID_C = 59,
            SV_FLAGS = 60,
            IP_ADDRESS = 74,
            MEI = 75,
            MSISDN = 76,
            INDICATION = 77,
            F_TEID = 87,
            MM_CONTEXT_EPS = 107,
            F_CAUSE = 119,
            PRIVATE_EXTENSION = 255;

    private static final Map<Integer, String> MESSAGES = new TreeMap<>(Map.ofEntries(
            Map.entry(25, "SRVCC PS to CS Request"), Map.entry(26, "SRVCC PS to CS Response"),
            Map.entry(27, "SRVCC PS to CS Complete Notification"), Map.entry(28, "SRVCC PS to CS Complete Acknowledge"),
            Map.entry(29, "SRVCC PS to CS Cancel Notification"), Map.entry(30, "SRVCC PS to CS Cancel Acknowledge"),
            Map.entry(133, "Forward Relocation Request"), Map.entry(134, "Forward Relocation Response"),
            Map.entry(135, "Forward Relocation Complete Notification"),
                    Map.entry(136, "Forward Relocation Complete Acknowledge"),
            Map.entry(139, "Relocation Cancel Request"), Map.entry(140, "Relocation Cancel Response")));

    private static final Map<Integer, String> IES = Map.ofEntries(
            Map.entry(1, "IMSI"),
            Map.entry(2, "Cause"),
            Map.entry(51, "STN-SR"),
            Map.entry(52, "Source to Target Transparent Container"),
            Map.entry(53, "Target to Source Transparent Container"),
            Map.entry(54, "MM Context for E-UTRAN SRVCC"),
            Map.entry(55, "MM Context for UTRAN SRVCC"),
            Map.entry(56, "SRVCC Cause"),
            Map.entry(57, "Target RNC ID"),
            Map.entry(59, "TEID-C"),
            Map.entry(60, "Sv Flags"),
            Map.entry(74, "IP Address"),
            Map.entry(75, "MEI"),
            Map.entry(76, "MSISDN"),
            Map.entry(77, "Indication"),
            Map.entry(87, "F-TEID"),
            Map.entry(107, "MM Context (EPS Security Context and Quadruplets)"),
            Map.entry(119, "F-Cause"),
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
}

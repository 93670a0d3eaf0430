package org.srvcc.wire;

import java.util.Map;

/**
 * The numbering plan of a simulated run (README "Wire"): documentation addresses (RFC 5737
 * TEST-NET-1), TEIDs, test identities, and how a sequence number names the UE, the attempt and the
 * exchange. Nothing here is secret; the plan only makes captures reproducible and readable.
 */
public final class Plan {
    private Plan() {}

    public enum Node {
        AMF(10, 0x0A000000L),
        MME_SRVCC(20, 0x14000000L),
        MSC(30, 0x1E000000L);

        public final int host;
        public final long teidBase;

        Node(int host, long teidBase) {
            this.host = host;
            this.teidBase = teidBase;
        }

        public byte[] address() {
            return new byte[] {(byte) 192, 0, 2, (byte) host};
        }

        public long teid(int ue) {
            return teidBase + ue;
        }
    }

    /** The exchange a sequence number belongs to; a response or acknowledgement repeats its request's. */
    public enum Exchange {
        FORWARD_RELOCATION(1),
        RELOCATION_CANCEL(2),
        FORWARD_RELOCATION_COMPLETE(3),
        PS_TO_CS(4),
        PS_TO_CS_COMPLETE(5),
        PS_TO_CS_CANCEL(6);

        public final int code;

        Exchange(int code) {
            this.code = code;
        }
    }

    public static final int MAX_UE = 0x7FF, MAX_ATTEMPT = 0xFF;

    /** Sequence number: UE (11 bits), attempt (8 bits), exchange (4 bits). */
    public static int sequence(int ue, int attempt, Exchange x) {
        if (ue < 1 || ue > MAX_UE || attempt < 0 || attempt > MAX_ATTEMPT)
            throw new IllegalArgumentException("UE " + ue + ", attempt " + attempt);
        return ue << 12 | attempt << 4 | x.code;
    }

    public static int ueOf(int sequence) {
        return sequence >> 12;
    }

    public static int attemptOf(int sequence) {
        return sequence >> 4 & 0xFF;
    }

    public static String imsi(int ue) {
        return String.format("00101%010d", ue);
    }

    public static String msisdn(int ue) {
        return String.format("1200555%04d", ue);
    }

    public static String imei(int ue) {
        return String.format("35000000%07d", ue);
    }

    public static final String STN_SR = "12009990001";

    /** UE network capability (TS 24.301 §9.9.3.34): EEA0-2, EIA1-2, UEA0-2, UIA1-2. */
    public static byte[] ueNetworkCapability() {
        return ueNetworkCapability(true, true, true, true);
    }

    /**
     * The same with the UTRAN algorithms of a UE security capability: octet 3 holds UEA0 (bit 8,
     * always), UEA1 (bit 7), UEA2 (bit 6); octet 4 UIA1 (bit 7), UIA2 (bit 6).
     */
    public static byte[] ueNetworkCapability(boolean uea1, boolean uea2, boolean uia1, boolean uia2) {
        int uea = 0x80 | (uea1 ? 0x40 : 0) | (uea2 ? 0x20 : 0), uia = (uia1 ? 0x40 : 0) | (uia2 ? 0x20 : 0);
        return new byte[] {(byte) 0xE0, 0x60, (byte) uea, (byte) uia};
    }

    /** {UEA1, UEA2, UIA1, UIA2} present in a UE network capability; absent octets: none. */
    public static boolean[] utranAlgorithms(byte[] ueNetworkCapability) {
        if (ueNetworkCapability.length < 4) return new boolean[] {false, false, false, false};
        int uea = ueNetworkCapability[2] & 0xFF, uia = ueNetworkCapability[3] & 0xFF;
        return new boolean[] {(uea & 0x40) != 0, (uea & 0x20) != 0, (uia & 0x40) != 0, (uia & 0x20) != 0};
    }

    /** Mobile Station Classmark 2 (TS 24.008 §10.5.1.6), a fixed test value. */
    public static byte[] classmark2() {
        return new byte[] {0x57, 0x58, (byte) 0xA6};
    }

    /** Used NAS algorithms put in the MM Context: 128-EIA2, EEA0 (TS 29.274 Tables 8.38-3 and -4). */
    public static final int NAS_INTEGRITY = 2, NAS_CIPHER = 0;

    private static final Map<String, Node> BY_ADDRESS =
            Map.of("192.0.2.10", Node.AMF, "192.0.2.20", Node.MME_SRVCC, "192.0.2.30", Node.MSC);

    public static Node nodeAt(String address) {
        return BY_ADDRESS.get(address);
    }
}

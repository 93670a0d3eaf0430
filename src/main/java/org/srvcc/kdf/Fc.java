package org.srvcc.kdf;

import java.util.Locale;

/**
 * Function code of the TS 33.220 B.2 KDF: one octet 0x00..0xFE, or 0xFF followed by a second
 * octet (the extension form).
 */
public record Fc(int first, int second) {
    /** Marks a one-octet FC. */
    static final int NONE = -1;

    public static final Fc K_PRIME_ASME_IDLE = of(0x73); // TS 33.501 A.14.1
    public static final Fc K_PRIME_ASME_HANDOVER = of(0x74); // TS 33.501 A.14.2
    public static final Fc KASME_SRVCC = of(0x7D); // TS 33.501 A.21
    public static final Fc CK_IK_SRVCC = of(0x1A); // TS 33.401 A.12
    /**
     * The draft's "new FC value" for deriving CK_SRVCC||IK_SRVCC straight from KAMF (seed X.1.2).
     * 3GPP never assigned one; this project uses the extension form 0xFF 0x01 so that it cannot
     * clash with any one-octet value assigned in TS 33.501 or TS 33.401.
     */
    public static final Fc DRAFT_DIRECT_CK_IK = of2(0x01);

    public Fc {
        if (first < 0 || first > 0xFF) throw new IllegalArgumentException("FC octet out of range 0x00..0xFF");
        if (first == 0xFF && (second < 0 || second > 0xFF))
            throw new IllegalArgumentException("FC 0xFF needs a second octet 0x00..0xFF");
        if (first != 0xFF && second != NONE) throw new IllegalArgumentException("only FC 0xFF takes a second octet");
    }

    public static Fc of(int octet) {
        if (octet == 0xFF) throw new IllegalArgumentException("FC 0xFF needs a second octet (write FFxx)");
        return new Fc(octet, NONE);
    }

    public static Fc of2(int secondOctet) {
        return new Fc(0xFF, secondOctet);
    }

    /** Parses "7D", "0x7D" or "FF01". */
    public static Fc parse(String text) {
        String t = text.trim();
        if (t.startsWith("0x") || t.startsWith("0X")) t = t.substring(2);
        byte[] b;
        try {
            b = Hex.decode(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("FC '" + text + "': " + e.getMessage());
        }
        if (b.length == 1) {
            if ((b[0] & 0xFF) == 0xFF) throw new IllegalArgumentException("FC 0xFF needs a second octet (write FFxx)");
            return of(b[0] & 0xFF);
        }
        if (b.length == 2 && (b[0] & 0xFF) == 0xFF) return of2(b[1] & 0xFF);
        throw new IllegalArgumentException("FC '" + text + "' must be one octet 00..FE or two octets FFxx");
    }

    public byte[] encode() {
        return second == NONE ? new byte[] {(byte) first} : new byte[] {(byte) 0xFF, (byte) second};
    }

    @Override
    public String toString() {
        return "0x" + Hex.encode(encode()).toUpperCase(Locale.ROOT);
    }
}

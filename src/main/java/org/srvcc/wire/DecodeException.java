package org.srvcc.wire;

/**
 * Input that is not a well-formed message of the procedure: says where (octet offset from the
 * start of the message or file), in which IE (type, or -1 outside an IE) and what was expected.
 * The message never contains the octets of the input (they may be key material).
 */
public final class DecodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int ieType;
    private final int offset;

    public DecodeException(int ieType, int offset, String expected) {
        super((ieType >= 0 ? "IE type " + ieType + " (" + Gtpv2.ieName(ieType) + "), " : "") + "offset " + offset + ": "
                + expected);
        this.ieType = ieType;
        this.offset = offset;
    }

    public int ieType() {
        return ieType;
    }

    public int offset() {
        return offset;
    }
}

package org.srvcc.wire;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A GTPv2-C message (TS 29.274 §5.1): version 2, no piggybacking, TEID present (every message of
 * this procedure has one), sequence number, IEs in order. Decoding checks the header, every IE's
 * bounds, and the message's IE table ({@link MessageTables}); IEs the table does not name are kept
 * and otherwise ignored, as TS 29.274 §7.7 asks of a receiver. Encoding checks the table's mandatory IEs.
 */
public record Gtpv2Message(int type, long teid, int sequence, List<Ie> ies) {
    public static final int HEADER = 12;

    public Gtpv2Message {
        if (Gtpv2.messageName(type) == null) throw new IllegalArgumentException("message type " + type);
        if (teid < 0 || teid > 0xFFFFFFFFL) throw new IllegalArgumentException("TEID " + teid);
        if (sequence < 0 || sequence > 0xFFFFFF) throw new IllegalArgumentException("sequence " + sequence);
        ies = List.copyOf(ies);
    }

    public String name() {
        return Gtpv2.messageName(type);
    }

    public Optional<Ie> ie(int ieType) {
        return ies.stream().filter(i -> i.type() == ieType && i.instance() == 0).findFirst();
    }

    public Ie required(int ieType) {
        return ie(ieType).orElseThrow(() -> new DecodeException(ieType, HEADER, "mandatory IE missing from " + name()));
    }

    public void wipe() {
        ies.forEach(Ie::wipe);
    }

    /** The octets on the wire; the caller zeroes them when the IEs carry keys. */
    public byte[] encode() {
        MessageTables.of(type).checkOutgoing(this);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Ie i : ies) {
            body.write(i.type());
            Octets.u16(body, i.value().length);
            body.write(i.instance() & 0x0F);
            body.writeBytes(i.value());
        }
        int length = 8 + body.size(); // TS 29.274 §5.5.1: all octets after the first four
        if (length > 0xFFFF) throw new IllegalArgumentException("message of " + length + " octets");
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(0x48); // version 2, P = 0, T = 1, MP = 0
        o.write(type);
        Octets.u16(o, length);
        Octets.u32(o, teid);
        Octets.u24(o, sequence);
        o.write(0); // spare
        byte[] b = body.toByteArray();
        o.writeBytes(b);
        Arrays.fill(b, (byte) 0);
        return o.toByteArray();
    }

    /**
     * Why a UDP payload on the GTP-C port is no message of this procedure ("not GTPv2", or another GTPv2 message), or
     * null.
     */
    public static String outsideProcedure(byte[] b) {
        if (b.length < 2 || (b[0] & 0xFF) >> 5 != 2) return "not GTPv2";
        return Gtpv2.messageName(b[1] & 0xFF) == null ? "GTPv2 messages outside the procedure" : null;
    }

    /** Exactly one message filling {@code b}; anything else is a DecodeException. */
    public static Gtpv2Message decode(byte[] b) {
        Octets r = new Octets(b, 0, b.length, 0, -1);
        int flags = r.u8("GTP flags octet");
        if (flags >> 5 != 2) throw new DecodeException(-1, 0, "GTP version 2, found " + (flags >> 5));
        if ((flags & 0x10) != 0) throw new DecodeException(-1, 0, "no piggybacked message (P flag 0)");
        if ((flags & 0x08) == 0)
            throw new DecodeException(-1, 0, "a TEID (T flag 1): every message of this procedure carries one");
        int type = r.u8("message type");
        if (Gtpv2.messageName(type) == null)
            throw new DecodeException(
                    -1, 1, "a message type of the procedure (" + Gtpv2.messageTypes() + "), found " + type);
        int length = r.u16("message length");
        if (length < 8) throw new DecodeException(-1, 2, "message length of at least 8, found " + length);
        if (4 + length > b.length)
            throw new DecodeException(
                    -1, 2, "message length " + length + " but only " + (b.length - 4) + " octets follow (truncated)");
        if (4 + length < b.length)
            throw new DecodeException(
                    -1, 4 + length, (b.length - 4 - length) + " octets after the end of the message (overlong)");
        long teid = r.u32("TEID");
        int seq = r.u24("sequence number");
        r.u8("spare octet");
        List<Ie> ies = new ArrayList<>();
        while (r.remaining() > 0) {
            int at = r.offset();
            int t = r.u8("IE type");
            Octets h = new Octets(b, at + 1, b.length, 0, t);
            int len = h.u16("IE length");
            int inst = h.u8("IE spare and instance") & 0x0F;
            if (len > b.length - (at + 4))
                throw new DecodeException(
                        t,
                        at,
                        "IE length " + len + " but only " + (b.length - at - 4)
                                + " octets left in the message (truncated or inconsistent)");
            ies.add(new Ie(t, inst, Arrays.copyOfRange(b, at + 4, at + 4 + len), at));
            r = new Octets(b, at + 4 + len, b.length, 0, -1);
        }
        Gtpv2Message m = new Gtpv2Message(type, teid, seq, ies);
        MessageTables.of(type).check(m);
        return m;
    }

    @Override
    public String toString() {
        return name() + "[TEID " + teid + ", seq " + sequence + ", " + ies.size() + " IEs]";
    }
}

package org.srvcc.wire;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** A bounds-checked reader over part of an array: a short read is a DecodeException, never an index error. */
final class Octets {
    private final byte[] b;
    private final int end, base;
    private final int ieType;
    private int pos;

    /** Reads b[from, to); offsets in errors are reported as base + position. */
    Octets(byte[] b, int from, int to, int base, int ieType) {
        this.b = b;
        this.pos = from;
        this.end = to;
        this.base = base;
        this.ieType = ieType;
    }

    static Octets of(byte[] value, int base, int ieType) {
        return new Octets(value, 0, value.length, base, ieType);
    }

    int u8(String what) {
        need(1, what);
        return b[pos++] & 0xFF;
    }

    int u16(String what) {
        need(2, what);
        int v = (b[pos] & 0xFF) << 8 | b[pos + 1] & 0xFF;
        pos += 2;
        return v;
    }

    int u24(String what) {
        need(3, what);
        int v = (b[pos] & 0xFF) << 16 | (b[pos + 1] & 0xFF) << 8 | b[pos + 2] & 0xFF;
        pos += 3;
        return v;
    }

    long u32(String what) {
        need(4, what);
        long v =
                (long) (b[pos] & 0xFF) << 24 | (b[pos + 1] & 0xFF) << 16 | (b[pos + 2] & 0xFF) << 8 | b[pos + 3] & 0xFF;
        pos += 4;
        return v;
    }

    byte[] take(int n, String what) {
        if (n < 0) throw fail(what + " (negative length " + n + ")");
        need(n, what);
        byte[] r = Arrays.copyOfRange(b, pos, pos + n);
        pos += n;
        return r;
    }

    /** A field preceded by a one-octet length. */
    byte[] lengthPrefixed(String what) {
        int n = u8("length of " + what);
        return take(n, what + " (" + n + " octets)");
    }

    int remaining() {
        return end - pos;
    }

    int offset() {
        return base + pos;
    }

    void expectEnd(String what) {
        if (pos != end) throw fail(what + ": " + (end - pos) + " octets left over");
    }

    DecodeException fail(String expected) {
        return new DecodeException(ieType, base + pos, expected);
    }

    private void need(int n, String what) {
        if (end - pos < n) throw fail(what + ": needs " + n + " octets, " + (end - pos) + " left");
    }

    static void u16(ByteArrayOutputStream o, int v) {
        o.write(v >> 8);
        o.write(v);
    }

    static void u24(ByteArrayOutputStream o, int v) {
        o.write(v >> 16);
        o.write(v >> 8);
        o.write(v);
    }

    static void u32(ByteArrayOutputStream o, long v) {
        o.write((int) (v >> 24));
        o.write((int) (v >> 16));
        o.write((int) (v >> 8));
        o.write((int) v);
    }
}

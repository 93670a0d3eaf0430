package org.srvcc.wire;

import java.util.Arrays;

/**
 * One information element as TS 29.274 §8.2 lays it out: type (1 octet), length of the value (2),
 * spare and instance (1), value. {@code offset} is where the IE starts in its message (0 for an IE
 * being built). The value may be key material: records print no octets.
 */
public record Ie(int type, int instance, byte[] value, int offset) {
    public Ie {
        if (type < 0 || type > 255) throw new IllegalArgumentException("IE type " + type);
        if (instance < 0 || instance > 15) throw new IllegalArgumentException("IE instance " + instance);
        if (value.length > 0xFFFF) throw new IllegalArgumentException("IE value of " + value.length + " octets");
    }

    public static Ie of(int type, byte[] value) {
        return new Ie(type, 0, value, 0);
    }

    /** Zeroes the value (after a key-carrying IE has been read or written). */
    public void wipe() {
        Arrays.fill(value, (byte) 0);
    }

    @Override
    public String toString() {
        return "Ie[" + type + " " + Gtpv2.ieName(type) + ", instance " + instance + ", " + value.length + " octets]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ie i && i.type == type && i.instance == instance && Arrays.equals(i.value, value);
    }

    @Override
    public int hashCode() {
        return type * 31 + instance;
    }
}

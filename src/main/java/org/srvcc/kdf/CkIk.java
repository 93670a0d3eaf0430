package org.srvcc.kdf;

import java.util.Arrays;

/** CK_SRVCC and IK_SRVCC: the 128 most and the 128 least significant bits of one 256-bit output. */
public record CkIk(Key128 ck, Key128 ik) {
    public boolean sameAs(CkIk o) {
        return ck.sameAs(o.ck) && ik.sameAs(o.ik);
    }

    /** Independently destroyable handles on the same pair (a message's receiver owns its own). */
    public CkIk copy() {
        return new CkIk(ck.copy(), ik.copy());
    }

    public void destroy() {
        ck.destroy();
        ik.destroy();
    }

    public boolean isDestroyed() {
        return ck.isDestroyed() || ik.isDestroyed();
    }

    /** The term of the 256-bit value this pair was split from. */
    public KeyTerm source() {
        return ((KeyTerm.HalfTerm) ck.term()).key();
    }

    @Override
    public String toString() {
        return "CkIk[" + source() + "]";
    }

    static CkIk split(byte[] out, KeyTerm source) {
        try {
            return new CkIk(
                    new Key128(Arrays.copyOfRange(out, 0, 16), new KeyTerm.HalfTerm(source, "ck")),
                    new Key128(Arrays.copyOfRange(out, 16, 32), new KeyTerm.HalfTerm(source, "ik")));
        } finally {
            Arrays.fill(out, (byte) 0);
        }
    }
}

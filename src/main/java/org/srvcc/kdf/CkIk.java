package org.srvcc.kdf;

/** CK_SRVCC and IK_SRVCC: the 128 most and the 128 least significant bits of one 256-bit output. */
public record CkIk(Key128 ck, Key128 ik) {
    public boolean sameAs(CkIk o) {
        return ck.sameAs(o.ck) && ik.sameAs(o.ik);
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

    /** True when CK||IK is exactly the given 256-bit key (the "split" design option). */
    public boolean equalsConcatenationOf(Key256 k) {
        if (isDestroyed() || k.isDestroyed()) return false;
        byte[] r = k.raw();
        return java.security.MessageDigest.isEqual(java.util.Arrays.copyOfRange(r, 0, 16), ck.raw())
            && java.security.MessageDigest.isEqual(java.util.Arrays.copyOfRange(r, 16, 32), ik.raw());
    }

    @Override
    public String toString() {
        return "CkIk[" + source() + "]";
    }

    static CkIk split(byte[] out, KeyTerm source) {
        try {
            return new CkIk(new Key128(java.util.Arrays.copyOfRange(out, 0, 16), new KeyTerm.HalfTerm(source, "ck")),
                            new Key128(java.util.Arrays.copyOfRange(out, 16, 32), new KeyTerm.HalfTerm(source, "ik")));
        } finally {
            java.util.Arrays.fill(out, (byte) 0);
        }
    }
}

package org.srvcc.kdf;

/** A 128-bit key: CK_SRVCC or IK_SRVCC. */
public final class Key128 extends SecretBytes {
    private final KeyTerm term;

    Key128(byte[] bytes, KeyTerm term) {
        super(bytes, 16, "128-bit key");
        this.term = term;
    }

    public static Key128 of(byte[] bytes, KeyTerm term, InsecureKeyAccess access) {
        requireAccess(access);
        return new Key128(bytes, term);
    }

    /** An independently destroyable handle on the same key. */
    public Key128 copy() {
        return new Key128(raw(), term);
    }

    public KeyTerm term() {
        return term;
    }

    public byte[] bytes(InsecureKeyAccess access) {
        requireAccess(access);
        return raw().clone();
    }

    public boolean sameAs(Key128 other) {
        return sameBytes(other);
    }

    @Override
    public String toString() {
        return isDestroyed() ? "Key128[" + term + ", destroyed]" : "Key128[" + term + "]";
    }
}

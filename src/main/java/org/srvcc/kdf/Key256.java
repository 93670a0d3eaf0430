package org.srvcc.kdf;

/** A 256-bit derived key (KASME_SRVCC, K'ASME, or CK||IK before the split). */
public final class Key256 extends SecretBytes {
    private final KeyTerm term;

    Key256(byte[] bytes, KeyTerm term) {
        super(bytes, 32, "256-bit key");
        this.term = term;
    }

    /** A key from raw bytes (e.g. decoded from the wire); its term says where it came from. */
    public static Key256 of(byte[] bytes, KeyTerm term, InsecureKeyAccess access) {
        requireAccess(access);
        return new Key256(bytes, term);
    }

    /** An independently destroyable handle on the same key: who receives a message owns its own copy. */
    public Key256 copy() {
        return new Key256(raw(), term);
    }

    public KeyTerm term() {
        return term;
    }

    public byte[] bytes(InsecureKeyAccess access) {
        requireAccess(access);
        return raw().clone();
    }

    public boolean sameAs(Key256 other) {
        return sameBytes(other);
    }

    @Override
    public String toString() {
        return isDestroyed() ? "Key256[" + term + ", destroyed]" : "Key256[" + term + "]";
    }
}

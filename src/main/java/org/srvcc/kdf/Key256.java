package org.srvcc.kdf;

/** A 256-bit derived key (KASME_SRVCC, K'ASME, or CK||IK before the split). */
public final class Key256 extends SecretBytes {
    private final KeyTerm term;

    Key256(byte[] bytes, KeyTerm term) {
        super(bytes, 32, "256-bit key");
        this.term = term;
    }

    /** A key received from outside (e.g. decoded from the wire); its term says where it came from. */
    public static Key256 of(byte[] bytes, KeyTerm term) {
        return new Key256(bytes, term);
    }

    public KeyTerm term() {
        return term;
    }

    public byte[] bytes(InsecureKeyAccess access) {
        if (access == null) throw new NullPointerException("access");
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

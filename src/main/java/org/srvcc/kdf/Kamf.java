package org.srvcc.kdf;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The 5G anchor key. Its bytes never leave this package: derivations take a Kamf, and no
 * accessor returns its bytes, so a node that holds no Kamf cannot obtain one by any call.
 */
public final class Kamf extends SecretBytes {
    private final KeyTerm.KamfTerm term;

    private Kamf(byte[] bytes, int id) {
        super(bytes, 32, "KAMF");
        this.term = new KeyTerm.KamfTerm(id);
    }

    /** A KAMF from raw bytes (test vectors, the CLI's --kamf): naming the token makes every such place greppable. */
    public static Kamf of(byte[] bytes, int id, InsecureKeyAccess access) {
        requireAccess(access);
        return new Kamf(bytes, id);
    }

    public static Kamf random(SecureRandom rnd, int id) {
        byte[] b = new byte[32];
        rnd.nextBytes(b);
        try {
            return new Kamf(b, id);
        } finally {
            Arrays.fill(b, (byte) 0);
        }
    }

    /** A second, independently destroyable handle on the same key (the UE's and the AMF's copies). */
    public Kamf copy() {
        return new Kamf(raw(), term.id());
    }

    /** The key octets (a copy the caller zeroes); only with the access token. */
    public byte[] bytes(InsecureKeyAccess access) {
        requireAccess(access);
        return raw().clone();
    }

    public KeyTerm.KamfTerm term() {
        return term;
    }

    public boolean sameAs(Kamf other) {
        return sameBytes(other);
    }

    /** Wire scan: does an encoded message contain this KAMF? */
    public boolean occursIn(byte[] encoded) {
        return foundIn(encoded);
    }

    @Override
    public String toString() {
        return isDestroyed() ? "KAMF[" + term + ", destroyed]" : "KAMF[" + term + ", 256 bits]";
    }
}

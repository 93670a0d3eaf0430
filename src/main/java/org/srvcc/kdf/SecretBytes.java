package org.srvcc.kdf;

import java.security.MessageDigest;
import java.util.Arrays;

/** Key bytes that never print, compare in constant time and can be zeroed. */
abstract class SecretBytes {
    private final byte[] bytes;
    private boolean destroyed;

    SecretBytes(byte[] bytes, int expectedLength, String what) {
        if (bytes.length != expectedLength)
            throw new IllegalArgumentException(what + " must be " + expectedLength + " octets, got " + bytes.length);
        this.bytes = bytes.clone();
        KeyLedger.created();
    }

    final byte[] raw() {
        if (destroyed) throw new IllegalStateException("key material was destroyed");
        return bytes;
    }

    final boolean sameBytes(SecretBytes other) {
        if (destroyed || other.destroyed) return false;
        return MessageDigest.isEqual(bytes, other.bytes);
    }

    /** True when these key bytes occur anywhere in {@code haystack} (the wire scan). */
    final boolean foundIn(byte[] haystack) {
        if (destroyed) return false;
        outer:
        for (int i = 0; i + bytes.length <= haystack.length; i++) {
            for (int j = 0; j < bytes.length; j++) if (haystack[i + j] != bytes[j]) continue outer;
            return true;
        }
        return false;
    }

    static void requireAccess(InsecureKeyAccess access) {
        if (access == null) throw new NullPointerException("access token");
    }

    public final void destroy() {
        Arrays.fill(bytes, (byte) 0);
        if (!destroyed) KeyLedger.destroyed();
        destroyed = true;
    }

    public final boolean isDestroyed() {
        return destroyed;
    }
}

package org.srvcc.kdf;

/**
 * Token that must be passed to read the raw bytes of a derived key (Tink's style): every place
 * that touches key bytes names this class, so a reviewer can grep them. KAMF has no such method
 * at all; its bytes stay inside this package.
 */
public final class InsecureKeyAccess {
    private static final InsecureKeyAccess INSTANCE = new InsecureKeyAccess();

    private InsecureKeyAccess() {}

    public static InsecureKeyAccess get() {
        return INSTANCE;
    }
}

package org.srvcc.kdf;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How many key handles exist and are not destroyed, in this JVM. A handle that a node drops
 * without {@code destroy()} keeps its octets in memory until the collector reuses them; the
 * ledger makes such a leak countable, so a test can demand that every live handle is one the
 * procedure still holds.
 */
public final class KeyLedger {
    private static final AtomicLong LIVE = new AtomicLong();

    private KeyLedger() {}

    static void created() {
        LIVE.incrementAndGet();
    }

    static void destroyed() {
        LIVE.decrementAndGet();
    }

    /**
     * Handles created and not yet destroyed (one that was garbage-collected undestroyed still counts: it was never
     * zeroed).
     */
    public static long live() {
        return LIVE.get();
    }
}

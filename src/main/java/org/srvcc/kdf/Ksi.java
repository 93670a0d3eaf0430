package org.srvcc.kdf;

/**
 * A 3-bit key set identifier (ngKSI, eKSI or KSI). 0..6 name a security context; 7 means "no key
 * is available" (TS 24.501 9.11.3.32) and exists only as {@link #NO_KEY_AVAILABLE}, never as a
 * context's name, so nothing keyed can be built from it by accident.
 */
public final class Ksi {
    public static final int NO_KEY = 7;
    public static final Ksi NO_KEY_AVAILABLE = new Ksi();

    private final int value;

    public Ksi(int value) {
        if (value == NO_KEY)
            throw new IllegalArgumentException(
                    "key set identifier 7 means 'no key available' and cannot identify a context");
        if (value < 0 || value > 6) throw new IllegalArgumentException("key set identifier " + value + " outside 0..6");
        this.value = value;
    }

    private Ksi() {
        this.value = NO_KEY;
    }

    /** A KSI read from the wire (3 bits): 7 there means "no key available". */
    public static Ksi decoded(int value) {
        return value == NO_KEY ? NO_KEY_AVAILABLE : new Ksi(value);
    }

    /** The ngKSI of the KAMF with this identity, as the model numbers them (id mod 7). */
    public static Ksi ofKamf(int kamfId) {
        return new Ksi(kamfId % 7);
    }

    public int value() {
        return value;
    }

    public boolean namesContext() {
        return value != NO_KEY;
    }

    /** The next identifier (0..6, wrapping): a wrong mapping of eKSI that the KSI invariants must catch. */
    public Ksi next() {
        return new Ksi((value + 1) % 7);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ksi k && k.value == value;
    }

    @Override
    public int hashCode() {
        return value;
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}

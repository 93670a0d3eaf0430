package org.srvcc.kdf;

/** A 3-bit key set identifier (ngKSI, eKSI or KSI); 7 means "no key available" and never names a context. */
public record Ksi(int value) {
    public static final int NO_KEY = 7;

    public Ksi {
        if (value == NO_KEY) throw new IllegalArgumentException("key set identifier 7 means 'no key available' and cannot identify a context");
        if (value < 0 || value > 6) throw new IllegalArgumentException("key set identifier " + value + " outside 0..6");
    }
}

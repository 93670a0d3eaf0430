package org.srvcc.kdf;

import java.util.Optional;

/** A 24-bit NAS COUNT (16-bit overflow || 8-bit sequence number). */
public record NasCount(int value) implements Comparable<NasCount> {
    public static final int MAX = 0xFFFFFF;
    public static final NasCount ZERO = new NasCount(0);

    public NasCount {
        if (value < 0 || value > MAX)
            throw new IllegalArgumentException("NAS COUNT " + value + " outside 0..16777215 (0xFFFFFF)");
    }

    public static NasCount of(long value) {
        if (value < 0 || value > MAX)
            throw new IllegalArgumentException("NAS COUNT " + value + " outside 0..16777215 (0xFFFFFF)");
        return new NasCount((int) value);
    }

    /** As a KDF parameter: four octets, big-endian, top octet zero. */
    public byte[] encode() {
        return new byte[] {0, (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    public int lsb(int bits) {
        if (bits < 1 || bits > 24) throw new IllegalArgumentException("bits " + bits + " outside 1..24");
        return value & ((1 << bits) - 1);
    }

    public boolean hasNext() {
        return value < MAX;
    }

    /** The next COUNT; wrap-around is refused because it would need a new KAMF first. */
    public NasCount next() {
        if (value == MAX) throw new IllegalStateException("NAS COUNT would wrap around; a new KAMF is needed first");
        return new NasCount(value + 1);
    }

    /**
     * The UE's estimate of the full COUNT from its low bits: the smallest COUNT at or above
     * {@code stored} whose low {@code bits} equal {@code lsb}; empty if that would pass 0xFFFFFF.
     */
    public static Optional<NasCount> estimate(NasCount stored, int lsb, int bits) {
        int mask = (1 << bits) - 1;
        if (lsb < 0 || lsb > mask)
            throw new IllegalArgumentException("low bits " + lsb + " do not fit in " + bits + " bits");
        long candidate = (stored.value() & ~(long) mask) | lsb;
        if (candidate < stored.value()) candidate += mask + 1L;
        return candidate > MAX ? Optional.empty() : Optional.of(new NasCount((int) candidate));
    }

    /**
     * Another estimate an implementation may choose: the COUNT with these low bits nearest to
     * {@code stored}, which may lie below it (ties go up); empty if none fits in 0..0xFFFFFF.
     */
    // reading: estimate-rules (TS 33.401 14.1 leaves the estimate to the implementation)
    public static Optional<NasCount> estimateClosest(NasCount stored, int lsb, int bits) {
        Optional<NasCount> up = estimate(stored, lsb, bits);
        long period = 1L << bits;
        long upValue = up.map(c -> (long) c.value()).orElse(((stored.value() & ~(period - 1)) | lsb) + period);
        long down = upValue - period;
        if (down >= 0 && stored.value() - down < upValue - stored.value()) return Optional.of(new NasCount((int) down));
        return up;
    }

    @Override
    public int compareTo(NasCount o) {
        return Integer.compare(value, o.value);
    }
}

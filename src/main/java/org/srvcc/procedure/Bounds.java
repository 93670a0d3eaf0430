package org.srvcc.procedure;

/**
 * Limits a run shares with model-checks/MC.tla's constants: attempts per UE, DL NAS COUNT, KAMF
 * identities (authentications), network faults, downlink reorderings, attacker replays, and
 * whether the UE may receive or miss one run of DL NAS messages (to reach past the LSB window), and
 * whether the AMF may also derive K'ASME for EPS (a handover preparation, an idle-mobility transfer).
 */
public record Bounds(
        int ues,
        int maxAttempts,
        int maxCount,
        int maxKamf,
        int maxFaults,
        int maxReorders,
        int maxReplays,
        boolean nasRunsReceived,
        boolean nasRunsMissed,
        boolean epsMobility) {
    public Bounds {
        // upper limits far above any model or run, so that a crafted scenario cannot ask for a heap of UEs
        if (ues < 1
                || ues > MAX
                || maxAttempts < 0
                || maxAttempts > MAX
                || maxCount < 0
                || maxCount > 0xFFFFFF
                || maxKamf < ues
                || maxKamf > MAX * MAX
                || maxFaults < 0
                || maxFaults > MAX
                || maxReorders < 0
                || maxReorders > MAX
                || maxReplays < 0
                || maxReplays > MAX) throw new IllegalArgumentException("bounds out of range: " + this);
    }

    /** The largest number of UEs, attempts, faults, reorders or replays a setup may name. */
    public static final int MAX = 64;

    /**
     * Bounds for {@code ues} UEs that allow nothing yet (no attempt, COUNT 0, each UE's own KAMF only); the named
     * withers add.
     */
    public static Bounds of(int ues) {
        return new Bounds(ues, 0, 0, ues, 0, 0, 0, false, false, false);
    }

    public Bounds attempts(int n) {
        return new Bounds(
                ues,
                n,
                maxCount,
                maxKamf,
                maxFaults,
                maxReorders,
                maxReplays,
                nasRunsReceived,
                nasRunsMissed,
                epsMobility);
    }

    public Bounds count(int n) {
        return new Bounds(
                ues,
                maxAttempts,
                n,
                maxKamf,
                maxFaults,
                maxReorders,
                maxReplays,
                nasRunsReceived,
                nasRunsMissed,
                epsMobility);
    }

    public Bounds kamf(int n) {
        return new Bounds(
                ues,
                maxAttempts,
                maxCount,
                n,
                maxFaults,
                maxReorders,
                maxReplays,
                nasRunsReceived,
                nasRunsMissed,
                epsMobility);
    }

    public Bounds faults(int n) {
        return new Bounds(
                ues,
                maxAttempts,
                maxCount,
                maxKamf,
                n,
                maxReorders,
                maxReplays,
                nasRunsReceived,
                nasRunsMissed,
                epsMobility);
    }

    public Bounds reorders(int n) {
        return new Bounds(
                ues,
                maxAttempts,
                maxCount,
                maxKamf,
                maxFaults,
                n,
                maxReplays,
                nasRunsReceived,
                nasRunsMissed,
                epsMobility);
    }

    public Bounds replays(int n) {
        return new Bounds(
                ues,
                maxAttempts,
                maxCount,
                maxKamf,
                maxFaults,
                maxReorders,
                n,
                nasRunsReceived,
                nasRunsMissed,
                epsMobility);
    }

    /** Whether the UE may receive (and miss) one run of DL NAS messages, to reach past the LSB window. */
    public Bounds nasRuns(boolean received, boolean missed) {
        return new Bounds(
                ues, maxAttempts, maxCount, maxKamf, maxFaults, maxReorders, maxReplays, received, missed, epsMobility);
    }

    /** The same bounds with the AMF's EPS derivations (MC.tla's EpsMobility) switched on or off. */
    public Bounds withEpsMobility(boolean on) {
        return new Bounds(
                ues,
                maxAttempts,
                maxCount,
                maxKamf,
                maxFaults,
                maxReorders,
                maxReplays,
                nasRunsReceived,
                nasRunsMissed,
                on);
    }

    /** MC.tla's CountCap: the COUNT below which a handover may start. */
    int countCap(int mod) {
        return maxCount + (nasRunsReceived || nasRunsMissed ? 2 * mod : 0);
    }
}

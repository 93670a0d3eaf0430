package org.srvcc.procedure;

/**
 * Limits a run shares with model-checks/MC.tla's constants: attempts per UE, DL NAS COUNT, KAMF
 * identities (authentications), network faults, downlink reorderings, attacker replays, and
 * whether the UE may receive or miss one run of DL NAS messages (to reach past the LSB window).
 */
public record Bounds(int ues, int maxAttempts, int maxCount, int maxKamf, int maxFaults, int maxReorders, int maxReplays,
                     boolean nasRunsReceived, boolean nasRunsMissed) {
    public Bounds {
        if (ues < 1 || maxAttempts < 0 || maxCount < 0 || maxCount > 0xFFFFFF || maxKamf < ues || maxFaults < 0
            || maxReorders < 0 || maxReplays < 0)
            throw new IllegalArgumentException("bounds out of range: " + this);
    }

    public Bounds(int ues, int maxAttempts, int maxCount, int maxKamf, int maxFaults, int maxReorders, int maxReplays) {
        this(ues, maxAttempts, maxCount, maxKamf, maxFaults, maxReorders, maxReplays, false, false);
    }

    /** MC.tla's CountCap: the COUNT below which a handover may start. */
    int countCap(int mod) {
        return maxCount + (nasRunsReceived || nasRunsMissed ? 2 * mod : 0);
    }
}

package org.srvcc.procedure;

/**
 * Limits a run shares with the model's constants: attempts per UE, DL NAS COUNT, KAMF identities
 * (authentications), network faults, downlink reorderings and attacker replays.
 */
public record Bounds(int ues, int maxAttempts, int maxCount, int maxKamf, int maxFaults, int maxReorders, int maxReplays) {
    public Bounds {
        if (ues < 1 || maxAttempts < 0 || maxCount < 0 || maxCount > 0xFFFFFF || maxKamf < ues || maxFaults < 0
            || maxReorders < 0 || maxReplays < 0)
            throw new IllegalArgumentException("bounds out of range: " + this);
    }
}

package org.srvcc.procedure;

import java.util.function.BiPredicate;

/**
 * The budgets of spec/Srvcc.tla (AttemptAllowed, ...: TRUE there), as model-checks/MC.tla bounds them for a
 * finite model and the cfg substitutes them ("FaultAllowed <- MCFaultAllowed"). An action that has a budget is
 * enabled only while it allows one more step of its kind.
 */
public enum Budget {
    AttemptAllowed((s, u) -> s.room(u)),
    DownlinkNasAllowed((s, u) -> s.countLeft(u)),
    AuthenticationAllowed((s, u) -> s.kamfLeft()),
    FaultAllowed((s, u) -> s.faultsLeft()),
    ReorderAllowed((s, u) -> s.reordersLeft()),
    ReplayAllowed((s, u) -> s.replaysLeft()),
    TamperAllowed((s, u) -> s.tampersLeft()),
    NasRunReceivedAllowed((s, u) -> s.runLeft(u, s.bounds.nasRunsReceived())),
    NasRunMissedAllowed((s, u) -> s.runLeft(u, s.bounds.nasRunsMissed())),
    // the UE on NR is part of Java's guard: the AMF alone cannot tell (Srvcc.tla's actions read ueState)
    EpsHandoverAllowed((s, u) -> s.bounds.epsMobility() && s.countLeft(u) && s.ue.connected5G(u)),
    EpsTransferAllowed((s, u) -> s.bounds.epsMobility() && s.ue.connected5G(u));

    private final BiPredicate<Srvcc, Integer> allows;

    Budget(BiPredicate<Srvcc, Integer> allows) {
        this.allows = allows;
    }

    boolean allows(Srvcc s, int u) {
        return allows.test(s, u);
    }
}

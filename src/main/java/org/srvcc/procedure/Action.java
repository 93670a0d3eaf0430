package org.srvcc.procedure;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Every step the procedure can take, named as the actions of spec/Srvcc.tla, each bound to the
 * node method that states it and, where Srvcc.tla names a budget for it, to that {@link Budget}. The
 * order is the order in which {@link Srvcc#enabled()} lists steps.
 */
public enum Action {
    // Progress: the procedure moving on (fairness applies to these in the model)
    GnbForwardHandoverCommand(Kind.PROGRESS, (s, u) -> s.gnb.forwardHandoverCommand(u)),
    GnbHandlePreparationFailure(Kind.PROGRESS, (s, u) -> s.gnb.handlePreparationFailure(u)),
    GnbHandleCancelAcknowledge(Kind.PROGRESS, (s, u) -> s.gnb.handleCancelAcknowledge(u)),
    AmfStartSrvcc(Kind.PROGRESS, Budget.AttemptAllowed, (s, u) -> s.amf.startSrvcc(u)),
    AmfHandleResponse(Kind.PROGRESS, (s, u) -> s.amf.handleResponse(u)),
    AmfHandleHandoverCancel(Kind.PROGRESS, (s, u) -> s.amf.handleHandoverCancel(u)),
    AmfHandleComplete(Kind.PROGRESS, (s, u) -> s.amf.handleComplete(u)),
    AmfTimerExpiry(Kind.PROGRESS, (s, u) -> s.amf.timerExpiry(u)),
    MmeHandleForwardRelocationRequest(Kind.PROGRESS, (s, u) -> s.mme.handleForwardRelocationRequest(u)),
    MmeHandlePsToCsResponse(Kind.PROGRESS, (s, u) -> s.mme.handlePsToCsResponse(u)),
    MmeHandleRelocationCancel(Kind.PROGRESS, (s, u) -> s.mme.handleRelocationCancel(u)),
    MmeHandlePsToCsComplete(Kind.PROGRESS, (s, u) -> s.mme.handlePsToCsComplete(u)),
    MscHandlePsToCsRequest(Kind.PROGRESS, (s, u) -> s.msc.handlePsToCsRequest(u)),
    MscHandlePsToCsCancel(Kind.PROGRESS, (s, u) -> s.msc.handlePsToCsCancel(u)),
    MscHandleHandoverComplete(Kind.PROGRESS, (s, u) -> s.msc.handleHandoverComplete(u)),
    MscHandleCallRelease(Kind.PROGRESS, (s, u) -> s.msc.handleCallRelease(u)),
    MscTimerExpiry(Kind.PROGRESS, (s, u) -> s.msc.timerExpiry(u)),
    UeHandleHandoverCommand(Kind.PROGRESS, (s, u) -> s.ue.handleHandoverCommand(u)),
    UeHandleDownlinkNas(Kind.PROGRESS, (s, u) -> s.ue.handleDownlinkNas(u)),
    UeArriveUtran(Kind.PROGRESS, (s, u) -> s.ue.arriveUtran(u)),
    // Environment: choices the world makes
    GnbSendHandoverRequired(Kind.ENVIRONMENT, Budget.AttemptAllowed, (s, u) -> s.gnb.sendHandoverRequired(u)),
    GnbCancel(Kind.ENVIRONMENT, (s, u) -> s.gnb.cancel(u)),
    AmfSendDownlinkNas(Kind.ENVIRONMENT, Budget.DownlinkNasAllowed, (s, u) -> s.amf.sendDownlinkNas(u)),
    MmeRejectPreparation(Kind.FAILURE, (s, u) -> s.mme.rejectPreparation(u)),
    MscRejectPreparation(Kind.FAILURE, (s, u) -> s.msc.rejectPreparation(u)),
    UeMissDownlinkNas(Kind.ENVIRONMENT, (s, u) -> s.ue.missDownlinkNas(u)),
    UeReturnTo5G(Kind.FAILURE, (s, u) -> s.ue.returnTo5G(u)),
    UeEndCall(Kind.ENVIRONMENT, (s, u) -> s.ue.endCall(u)),
    UeAuthenticate(Kind.ENVIRONMENT, Budget.AuthenticationAllowed, (s, u) -> s.ue.authenticate(u)),
    UeRequestReverseSrvcc(Kind.ENVIRONMENT, (s, u) -> s.ue.requestReverseSrvcc(u)),
    UeReceiveNasRun(Kind.ENVIRONMENT, Budget.NasRunReceivedAllowed, (s, u) -> s.ue.receiveNasRun(u)),
    UeMissNasRun(Kind.ENVIRONMENT, Budget.NasRunMissedAllowed, (s, u) -> s.ue.missNasRun(u)),
    AmfPrepareEpsHandover(Kind.ENVIRONMENT, Budget.EpsHandoverAllowed, (s, u) -> s.amf.prepareEpsHandover(u)),
    AmfTransferEpsContext(Kind.ENVIRONMENT, Budget.EpsTransferAllowed, (s, u) -> s.amf.transferEpsContext(u)),
    // Mutant-only steps
    UeSkipReauth(Kind.MUTANT, (s, u) -> s.ue.skipReauth(u)),
    // Network faults and the attacker
    NetLose(Kind.FAULT, Budget.FaultAllowed, (s, u) -> s.net.lose(u)),
    NetDuplicate(Kind.FAULT, Budget.FaultAllowed, (s, u) -> s.net.duplicate(u)),
    NetLoseDownlink(Kind.FAULT, Budget.FaultAllowed, (s, u) -> s.net.loseDownlink(u)),
    NetReorderDownlink(Kind.FAULT, Budget.ReorderAllowed, (s, u) -> s.net.reorderDownlink(u)),
    MscRestart(Kind.FAULT, Budget.FaultAllowed, Scope.NODE, (s, u) -> s.msc.restart()),
    MmeRestart(Kind.FAULT, Budget.FaultAllowed, Scope.NODE, (s, u) -> s.mme.restart()),
    AttackerReplay(Kind.FAULT, Budget.ReplayAllowed, (s, u) -> s.net.replay(u)),
    AttackerRewriteCapability(Kind.FAULT, Budget.TamperAllowed, (s, u) -> s.net.rewriteCapability(u)),
    AttackerRewriteSrvccIndication(Kind.FAULT, Budget.TamperAllowed, (s, u) -> s.rewriteSrvccIndication(u)),
    AttackerForgeRegistration(Kind.FAULT, Budget.TamperAllowed, (s, u) -> s.forgeRegistration(u));

    public enum Kind {
        PROGRESS,
        ENVIRONMENT,
        FAILURE,
        MUTANT,
        FAULT
    }

    /** Whether an action is taken for one UE, as Srvcc.tla's {@code X(u)}, or by a whole node, as {@code X}. */
    public enum Scope {
        UE,
        NODE
    }

    public final Kind kind;
    /** UE: Srvcc.tla's action takes a UE; NODE: it takes none (a restart hits every UE). */
    public final Scope scope;
    /** The budget of Srvcc.tla that bounds this action in a model; null: none. */
    public final Budget budget;

    private final BiFunction<Srvcc, Integer, List<Runnable>> ways;

    Action(Kind kind, BiFunction<Srvcc, Integer, List<Runnable>> ways) {
        this(kind, null, ways);
    }

    Action(Kind kind, Budget budget, BiFunction<Srvcc, Integer, List<Runnable>> ways) {
        this(kind, budget, Scope.UE, ways);
    }

    Action(Kind kind, Budget budget, Scope scope, BiFunction<Srvcc, Integer, List<Runnable>> ways) {
        this.kind = kind;
        this.scope = scope;
        this.budget = budget;
        this.ways = ways;
    }

    /** The ways this action can be taken for UE u now (empty: not enabled, or its budget is spent). */
    List<Runnable> ways(Srvcc s, int u) {
        return budget == null || budget.allows(s, u) ? ways.apply(s, u) : Actions.NONE;
    }

    /** Srvcc.tla's call of this action for UE {@code u}: {@code X(u)}, or {@code X} for a node-wide one. */
    public String call(String u) {
        return scope == Scope.UE ? name() + "(" + u + ")" : name();
    }

    public String node() {
        String n = name();
        if (n.startsWith("Gnb")) return "gNB";
        if (n.startsWith("Amf")) return "AMF";
        if (n.startsWith("Mme")) return "MME_SRVCC";
        if (n.startsWith("Msc")) return "MSC";
        if (n.startsWith("Ue")) return "UE";
        if (n.startsWith("Attacker")) return "attacker";
        return "network";
    }
}

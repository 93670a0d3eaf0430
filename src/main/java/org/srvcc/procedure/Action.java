package org.srvcc.procedure;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Every step the procedure can take, named as the actions of spec/Srvcc.tla, each bound to the
 * node method that states it and, where model-checks/MC.tla bounds it, to the same bound. The
 * order is the order in which {@link Srvcc#enabled()} lists steps.
 */
public enum Action {
    // Progress: the procedure moving on (fairness applies to these in the model)
    GnbForwardHandoverCommand(Kind.PROGRESS, (s, u) -> s.gnb.forwardHandoverCommand(u)),
    GnbHandlePreparationFailure(Kind.PROGRESS, (s, u) -> s.gnb.handlePreparationFailure(u)),
    GnbHandleCancelAcknowledge(Kind.PROGRESS, (s, u) -> s.gnb.handleCancelAcknowledge(u)),
    AmfStartSrvcc(Kind.PROGRESS, Mc.BOUNDED, (s, u) -> s.room(u) ? s.amf.startSrvcc(u) : Actions.NONE),
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
    GnbSendHandoverRequired(
            Kind.ENVIRONMENT, Mc.BOUNDED, (s, u) -> s.room(u) ? s.gnb.sendHandoverRequired(u) : Actions.NONE),
    GnbCancel(Kind.ENVIRONMENT, (s, u) -> s.gnb.cancel(u)),
    AmfSendDownlinkNas(
            Kind.ENVIRONMENT, Mc.BOUNDED, (s, u) -> s.countLeft(u) ? s.amf.sendDownlinkNas(u) : Actions.NONE),
    MmeRejectPreparation(Kind.FAILURE, (s, u) -> s.mme.rejectPreparation(u)),
    MscRejectPreparation(Kind.FAILURE, (s, u) -> s.msc.rejectPreparation(u)),
    UeMissDownlinkNas(Kind.ENVIRONMENT, (s, u) -> s.ue.missDownlinkNas(u)),
    UeReturnTo5G(Kind.FAILURE, (s, u) -> s.ue.returnTo5G(u)),
    UeEndCall(Kind.ENVIRONMENT, (s, u) -> s.ue.endCall(u)),
    UeAuthenticate(Kind.ENVIRONMENT, Mc.BOUNDED, (s, u) -> s.kamfLeft() ? s.ue.authenticate(u) : Actions.NONE),
    UeRequestReverseSrvcc(Kind.ENVIRONMENT, Mc.SWITCHED, (s, u) -> s.ue.requestReverseSrvcc(u)),
    UeReceiveNasRun(
            Kind.ENVIRONMENT,
            Mc.BOUNDED,
            (s, u) -> s.runLeft(u, s.bounds.nasRunsReceived()) ? s.ue.receiveNasRun(u) : Actions.NONE),
    UeMissNasRun(
            Kind.ENVIRONMENT,
            Mc.BOUNDED,
            (s, u) -> s.runLeft(u, s.bounds.nasRunsMissed()) ? s.ue.missNasRun(u) : Actions.NONE),
    // the UE on NR is part of the model's guard: the AMF alone cannot tell
    AmfPrepareEpsHandover(
            Kind.ENVIRONMENT,
            Mc.BOUNDED,
            (s, u) -> s.bounds.epsMobility() && s.countLeft(u) && s.ue.connected5G(u)
                    ? s.amf.prepareEpsHandover(u)
                    : Actions.NONE),
    AmfTransferEpsContext(
            Kind.ENVIRONMENT,
            Mc.BOUNDED,
            (s, u) -> s.bounds.epsMobility() && s.ue.connected5G(u) ? s.amf.transferEpsContext(u) : Actions.NONE),
    // Mutant-only steps
    UeSkipReauth(Kind.MUTANT, Mc.SWITCHED, (s, u) -> s.ue.skipReauth(u)),
    // Network faults and the attacker
    NetLose(Kind.FAULT, Mc.BOUNDED, (s, u) -> s.faultsLeft() ? s.net.lose(u) : Actions.NONE),
    NetDuplicate(Kind.FAULT, Mc.BOUNDED, (s, u) -> s.faultsLeft() ? s.net.duplicate(u) : Actions.NONE),
    NetLoseDownlink(Kind.FAULT, Mc.BOUNDED, (s, u) -> s.faultsLeft() ? s.net.loseDownlink(u) : Actions.NONE),
    NetReorderDownlink(Kind.FAULT, Mc.BOUNDED, (s, u) -> s.reordersLeft() ? s.net.reorderDownlink(u) : Actions.NONE),
    MscRestart(Kind.FAULT, Mc.BOUNDED, (s, u) -> s.faultsLeft() ? s.msc.restart() : Actions.NONE),
    AttackerReplay(Kind.FAULT, Mc.BOUNDED, (s, u) -> s.replaysLeft() ? s.net.replay(u) : Actions.NONE),
    AttackerRewriteCapability(
            Kind.FAULT, Mc.BOUNDED, (s, u) -> s.tampersLeft() ? s.net.rewriteCapability(u) : Actions.NONE),
    AttackerRewriteSrvccIndication(
            Kind.FAULT, Mc.BOUNDED, (s, u) -> s.tampersLeft() ? s.rewriteSrvccIndication(u) : Actions.NONE),
    AttackerForgeRegistration(
            Kind.FAULT, Mc.BOUNDED, (s, u) -> s.tampersLeft() ? s.forgeRegistration(u) : Actions.NONE);

    public enum Kind {
        PROGRESS,
        ENVIRONMENT,
        FAILURE,
        MUTANT,
        FAULT
    }

    /**
     * How model-checks/MC.tla replaces the action in every model (cfg "X <- MCX"): by a bound, or by a mutant's switch.
     */
    public enum Mc {
        BOUNDED,
        SWITCHED
    }

    public final Kind kind;
    /** null: every model runs Srvcc.tla's action as written. */
    public final Mc mc;

    private final BiFunction<Srvcc, Integer, List<Runnable>> ways;

    Action(Kind kind, BiFunction<Srvcc, Integer, List<Runnable>> ways) {
        this(kind, null, ways);
    }

    Action(Kind kind, Mc mc, BiFunction<Srvcc, Integer, List<Runnable>> ways) {
        this.kind = kind;
        this.mc = mc;
        this.ways = ways;
    }

    /** The ways this action can be taken for UE u now (empty: not enabled). */
    List<Runnable> ways(Srvcc s, int u) {
        return ways.apply(s, u);
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

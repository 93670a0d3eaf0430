package org.srvcc.procedure;

/** Every step the procedure can take, named as the actions of spec/Srvcc.tla. */
public enum Action {
    // Progress: the procedure moving on (fairness applies to these in the model)
    GnbForwardHandoverCommand(Kind.PROGRESS), GnbHandlePreparationFailure(Kind.PROGRESS),
    GnbHandleCancelAcknowledge(Kind.PROGRESS),
    AmfStartSrvcc(Kind.PROGRESS), AmfHandleResponse(Kind.PROGRESS), AmfHandleHandoverCancel(Kind.PROGRESS),
    AmfHandleComplete(Kind.PROGRESS), AmfTimerExpiry(Kind.PROGRESS),
    MmeHandleForwardRelocationRequest(Kind.PROGRESS), MmeHandlePsToCsResponse(Kind.PROGRESS),
    MmeHandleRelocationCancel(Kind.PROGRESS), MmeHandlePsToCsComplete(Kind.PROGRESS),
    MscHandlePsToCsRequest(Kind.PROGRESS), MscHandlePsToCsCancel(Kind.PROGRESS),
    MscHandleHandoverComplete(Kind.PROGRESS), MscHandleCallRelease(Kind.PROGRESS), MscTimerExpiry(Kind.PROGRESS),
    UeHandleHandoverCommand(Kind.PROGRESS), UeHandleDownlinkNas(Kind.PROGRESS), UeArriveUtran(Kind.PROGRESS),
    // Environment: choices the world makes
    GnbSendHandoverRequired(Kind.ENVIRONMENT), GnbCancel(Kind.ENVIRONMENT), AmfSendDownlinkNas(Kind.ENVIRONMENT),
    MmeRejectPreparation(Kind.FAILURE), MscRejectPreparation(Kind.FAILURE),
    UeMissDownlinkNas(Kind.ENVIRONMENT), UeReturnTo5G(Kind.FAILURE), UeEndCall(Kind.ENVIRONMENT),
    UeAuthenticate(Kind.ENVIRONMENT), UeRequestReverseSrvcc(Kind.ENVIRONMENT),
    // Mutant-only steps
    UeSkipReauth(Kind.MUTANT),
    // Network faults and the attacker
    NetLose(Kind.FAULT), NetDuplicate(Kind.FAULT), NetLoseDownlink(Kind.FAULT), NetReorderDownlink(Kind.FAULT),
    MscRestart(Kind.FAULT), AttackerReplay(Kind.FAULT);

    public enum Kind { PROGRESS, ENVIRONMENT, FAILURE, MUTANT, FAULT }

    public final Kind kind;

    Action(Kind kind) {
        this.kind = kind;
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

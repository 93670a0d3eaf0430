------------------------------ MODULE SrvccTrace ------------------------------
(***************************************************************************)
(* Trace validation: TLC decides whether runs of the Java implementation    *)
(* are behaviours of Srvcc. TraceData (generated per check) defines Traces: *)
(* a sequence of runs, each a sequence of [action, ue, state] records: the *)
(* first state gives every variable, later ones what the step changed. A run the *)
(* model cannot follow ends in a deadlock at the last step it could take.   *)
(***************************************************************************)
EXTENDS Srvcc, TraceData

VARIABLES tr, step   \* which run, and how far into it
traceVars == <<vars, tr, step>>

IsState(s) ==        \* every variable as the implementation reported it
    /\ ueState = s.ueState
    /\ ueKamf = s.ueKamf
    /\ ueDl = s.ueDl
    /\ ueUsed = s.ueUsed
    /\ ueDerivs = s.ueDerivs
    /\ ueKey = s.ueKey
    /\ ueKsi = s.ueKsi
    /\ ueSession = s.ueSession
    /\ amfState = s.amfState
    /\ amfKamf = s.amfKamf
    /\ amfDl = s.amfDl
    /\ amfUsed = s.amfUsed
    /\ amfDerivs = s.amfDerivs
    /\ amfAtt = s.amfAtt
    /\ amfCount = s.amfCount
    /\ mmeState = s.mmeState
    /\ mmeKsi = s.mmeKsi
    /\ mmeAtt = s.mmeAtt
    /\ mscState = s.mscState
    /\ mscKey = s.mscKey
    /\ mscKsi = s.mscKsi
    /\ mscAlg = s.mscAlg
    /\ mscAtt = s.mscAtt
    /\ gnbState = s.gnbState
    /\ msgs = s.msgs
    /\ ul = s.ul
    /\ dl = s.dl
    /\ radio = s.radio
    /\ held = s.held
    /\ issued = s.issued
    /\ srvccKamfs = s.srvccKamfs
    /\ reversed = s.reversed
    /\ faults = s.faults
    /\ reorders = s.reorders
    /\ replays = s.replays
    /\ nextKamf = s.nextKamf

BecomesState(s) ==   \* the variables a step changed; the rest stay as they were
    /\ ueState' = IF "ueState" \in DOMAIN s THEN s.ueState ELSE ueState
    /\ ueKamf' = IF "ueKamf" \in DOMAIN s THEN s.ueKamf ELSE ueKamf
    /\ ueDl' = IF "ueDl" \in DOMAIN s THEN s.ueDl ELSE ueDl
    /\ ueUsed' = IF "ueUsed" \in DOMAIN s THEN s.ueUsed ELSE ueUsed
    /\ ueDerivs' = IF "ueDerivs" \in DOMAIN s THEN s.ueDerivs ELSE ueDerivs
    /\ ueKey' = IF "ueKey" \in DOMAIN s THEN s.ueKey ELSE ueKey
    /\ ueKsi' = IF "ueKsi" \in DOMAIN s THEN s.ueKsi ELSE ueKsi
    /\ ueSession' = IF "ueSession" \in DOMAIN s THEN s.ueSession ELSE ueSession
    /\ amfState' = IF "amfState" \in DOMAIN s THEN s.amfState ELSE amfState
    /\ amfKamf' = IF "amfKamf" \in DOMAIN s THEN s.amfKamf ELSE amfKamf
    /\ amfDl' = IF "amfDl" \in DOMAIN s THEN s.amfDl ELSE amfDl
    /\ amfUsed' = IF "amfUsed" \in DOMAIN s THEN s.amfUsed ELSE amfUsed
    /\ amfDerivs' = IF "amfDerivs" \in DOMAIN s THEN s.amfDerivs ELSE amfDerivs
    /\ amfAtt' = IF "amfAtt" \in DOMAIN s THEN s.amfAtt ELSE amfAtt
    /\ amfCount' = IF "amfCount" \in DOMAIN s THEN s.amfCount ELSE amfCount
    /\ mmeState' = IF "mmeState" \in DOMAIN s THEN s.mmeState ELSE mmeState
    /\ mmeKsi' = IF "mmeKsi" \in DOMAIN s THEN s.mmeKsi ELSE mmeKsi
    /\ mmeAtt' = IF "mmeAtt" \in DOMAIN s THEN s.mmeAtt ELSE mmeAtt
    /\ mscState' = IF "mscState" \in DOMAIN s THEN s.mscState ELSE mscState
    /\ mscKey' = IF "mscKey" \in DOMAIN s THEN s.mscKey ELSE mscKey
    /\ mscKsi' = IF "mscKsi" \in DOMAIN s THEN s.mscKsi ELSE mscKsi
    /\ mscAlg' = IF "mscAlg" \in DOMAIN s THEN s.mscAlg ELSE mscAlg
    /\ mscAtt' = IF "mscAtt" \in DOMAIN s THEN s.mscAtt ELSE mscAtt
    /\ gnbState' = IF "gnbState" \in DOMAIN s THEN s.gnbState ELSE gnbState
    /\ msgs' = IF "msgs" \in DOMAIN s THEN s.msgs ELSE msgs
    /\ ul' = IF "ul" \in DOMAIN s THEN s.ul ELSE ul
    /\ dl' = IF "dl" \in DOMAIN s THEN s.dl ELSE dl
    /\ radio' = IF "radio" \in DOMAIN s THEN s.radio ELSE radio
    /\ held' = IF "held" \in DOMAIN s THEN s.held ELSE held
    /\ issued' = IF "issued" \in DOMAIN s THEN s.issued ELSE issued
    /\ srvccKamfs' = IF "srvccKamfs" \in DOMAIN s THEN s.srvccKamfs ELSE srvccKamfs
    /\ reversed' = IF "reversed" \in DOMAIN s THEN s.reversed ELSE reversed
    /\ faults' = IF "faults" \in DOMAIN s THEN s.faults ELSE faults
    /\ reorders' = IF "reorders" \in DOMAIN s THEN s.reorders ELSE reorders
    /\ replays' = IF "replays" \in DOMAIN s THEN s.replays ELSE replays
    /\ nextKamf' = IF "nextKamf" \in DOMAIN s THEN s.nextKamf ELSE nextKamf

(* The model action a Java step names; MscRestart is the only one without a UE. *)
Taken(a, u) ==
    CASE a = "GnbSendHandoverRequired" -> GnbSendHandoverRequired(u)
      [] a = "GnbForwardHandoverCommand" -> GnbForwardHandoverCommand(u)
      [] a = "GnbHandleCancelAcknowledge" -> GnbHandleCancelAcknowledge(u)
      [] a = "GnbHandlePreparationFailure" -> GnbHandlePreparationFailure(u)
      [] a = "GnbCancel" -> GnbCancel(u)
      [] a = "AmfStartSrvcc" -> AmfStartSrvcc(u)
      [] a = "AmfHandleHandoverCancel" -> AmfHandleHandoverCancel(u)
      [] a = "AmfTimerExpiry" -> AmfTimerExpiry(u)
      [] a = "AmfSendDownlinkNas" -> AmfSendDownlinkNas(u)
      [] a = "MscTimerExpiry" -> MscTimerExpiry(u)
      [] a = "UeHandleHandoverCommand" -> UeHandleHandoverCommand(u)
      [] a = "UeArriveUtran" -> UeArriveUtran(u)
      [] a = "UeReturnTo5G" -> UeReturnTo5G(u)
      [] a = "UeHandleDownlinkNas" -> UeHandleDownlinkNas(u)
      [] a = "UeMissDownlinkNas" -> UeMissDownlinkNas(u)
      [] a = "UeEndCall" -> UeEndCall(u)
      [] a = "UeAuthenticate" -> UeAuthenticate(u)
      [] a = "UeSkipReauth" -> UeSkipReauth(u)
      [] a = "UeRequestReverseSrvcc" -> UeRequestReverseSrvcc(u)
      [] a = "NetLoseDownlink" -> NetLoseDownlink(u)
      [] a = "NetReorderDownlink" -> NetReorderDownlink(u)
      [] a = "AttackerReplay" -> AttackerReplay(u)
      [] a = "AmfHandleResponse" -> AmfHandleResponse(u)
      [] a = "AmfHandleComplete" -> AmfHandleComplete(u)
      [] a = "MmeHandleForwardRelocationRequest" -> MmeHandleForwardRelocationRequest(u)
      [] a = "MmeRejectPreparation" -> MmeRejectPreparation(u)
      [] a = "MmeHandlePsToCsResponse" -> MmeHandlePsToCsResponse(u)
      [] a = "MmeHandleRelocationCancel" -> MmeHandleRelocationCancel(u)
      [] a = "MmeHandlePsToCsComplete" -> MmeHandlePsToCsComplete(u)
      [] a = "MscHandlePsToCsRequest" -> MscHandlePsToCsRequest(u)
      [] a = "MscRejectPreparation" -> MscRejectPreparation(u)
      [] a = "MscHandlePsToCsCancel" -> MscHandlePsToCsCancel(u)
      [] a = "MscHandleHandoverComplete" -> MscHandleHandoverComplete(u)
      [] a = "MscHandleCallRelease" -> MscHandleCallRelease(u)
      [] a = "NetLose" -> NetLose(u)
      [] a = "NetDuplicate" -> NetDuplicate(u)
    [] a = "MscRestart" -> MscRestart
    [] OTHER -> FALSE

TraceInit == tr \in DOMAIN Traces /\ step = 1 /\ IsState(Traces[tr][1].state) /\ Init

TraceNext ==
    \/ /\ step < Len(Traces[tr])
       /\ tr' = tr /\ step' = step + 1
       /\ BecomesState(Traces[tr][step + 1].state)
       /\ Taken(Traces[tr][step + 1].action, Traces[tr][step + 1].ue)
    \/ step = Len(Traces[tr]) /\ UNCHANGED traceVars     \* accepted: rest here

TraceSpec == TraceInit /\ [][TraceNext]_traceVars
=============================================================================

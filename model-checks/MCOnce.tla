\* Generated from org.srvcc.procedure.Invariants by ./srvcc check --write-configs; do not edit.
------------------------------- MODULE MCOnce -------------------------------
(* Every part of a model in one TLC run (-continue, one worker), each with its first      *)
(* violation: OnceP fails only where P first fails, and prints every part failing there. *)
EXTENDS MCFired, TLC

CONSTANTS OnceParts, OnceStepParts   \* the invariant parts and the properties of steps checked

ASSUME TLCSet(1, {})                  \* register 1: the parts reported so far

Report(failing) ==                    \* print the parts newly failing, remember them, fail
    LET new == failing \ TLCGet(1)
    IN /\ \A p \in new : PrintT(<<"OnceViolated", p>>)
       /\ TLCSet(1, TLCGet(1) \cup new)
       /\ FALSE
Failing(p, holds) == IF p \notin OnceParts \/ holds THEN {} ELSE {p}   \* unchecked: unread
FailingStep(p, holds) == IF p \notin OnceStepParts \/ holds THEN {} ELSE {p}

FailingParts ==
    Failing("TypeOK", TypeOK)
    \cup Failing("KamfNotInMessages", KamfNotInMessages)
    \cup Failing("KamfNotHeldOutsideAmf", KamfNotHeldOutsideAmf)
    \cup Failing("KamfUnknownToAttacker", KamfUnknownToAttacker)
    \cup Failing("CallKeysAgree", CallKeysAgree)
    \cup Failing("CallKsiAgrees", CallKsiAgrees)
    \cup Failing("MscKeysOnlyInHandover", MscKeysOnlyInHandover)
    \cup Failing("MscKsiOnlyInHandover", MscKsiOnlyInHandover)
    \cup Failing("UeKeysOnlyInHandover", UeKeysOnlyInHandover)
    \cup Failing("ContextKeysNeverRepeat", ContextKeysNeverRepeat)
    \cup Failing("SrvccKeysNotEpsKeys", SrvccKeysNotEpsKeys)
    \cup Failing("ContextKeysNotMmeInput", ContextKeysNotMmeInput)
    \cup Failing("MappedKsiNamesAContext", MappedKsiNamesAContext)
    \cup Failing("MappedKsiIsNgKsi", MappedKsiIsNgKsi)
    \cup Failing("SentKsiIsNgKsi", SentKsiIsNgKsi)
    \cup Failing("NothingKeyedFromNoKsi", NothingKeyedFromNoKsi)
    \cup Failing("AmfNeverReusesCount", AmfNeverReusesCount)
    \cup Failing("UeNeverReusesCount", UeNeverReusesCount)
    \cup Failing("AmfCountPastUsed", AmfCountPastUsed)
    \cup Failing("ReauthBeforeReturn", ReauthBeforeReturn)
    \cup Failing("NullOnlyForUnauthEmergency", NullOnlyForUnauthEmergency)
    \cup Failing("UnauthEmergencyGetsNull", UnauthEmergencyGetsNull)
    \cup Failing("UnauthOnlyWithoutKamf", UnauthOnlyWithoutKamf)
    \cup Failing("AlgorithmUeSupports", AlgorithmUeSupports)
    \cup Failing("NoBiddingDown", NoBiddingDown)
    \cup Failing("SrvccOnlyForCapableUe", SrvccOnlyForCapableUe)
    \cup Failing("CkIkSecrecy", CkIkSecrecy)
FailingSteps ==
    FailingStep("UeCountMonotonic", UeCountMonotonicStep)
    \cup FailingStep("AmfCountMonotonic", AmfCountMonotonicStep)
    \cup FailingStep("NoReverseSrvcc", NoReverseSrvccStep)

OnceTypeOK == TypeOK \/ "TypeOK" \in TLCGet(1) \/ Report(FailingParts)
OnceKamfNotInMessages == KamfNotInMessages \/ "KamfNotInMessages" \in TLCGet(1) \/ Report(FailingParts)
OnceKamfNotHeldOutsideAmf == KamfNotHeldOutsideAmf \/ "KamfNotHeldOutsideAmf" \in TLCGet(1) \/ Report(FailingParts)
OnceKamfUnknownToAttacker == KamfUnknownToAttacker \/ "KamfUnknownToAttacker" \in TLCGet(1) \/ Report(FailingParts)
OnceCallKeysAgree == CallKeysAgree \/ "CallKeysAgree" \in TLCGet(1) \/ Report(FailingParts)
OnceCallKsiAgrees == CallKsiAgrees \/ "CallKsiAgrees" \in TLCGet(1) \/ Report(FailingParts)
OnceMscKeysOnlyInHandover == MscKeysOnlyInHandover \/ "MscKeysOnlyInHandover" \in TLCGet(1) \/ Report(FailingParts)
OnceMscKsiOnlyInHandover == MscKsiOnlyInHandover \/ "MscKsiOnlyInHandover" \in TLCGet(1) \/ Report(FailingParts)
OnceUeKeysOnlyInHandover == UeKeysOnlyInHandover \/ "UeKeysOnlyInHandover" \in TLCGet(1) \/ Report(FailingParts)
OnceContextKeysNeverRepeat == ContextKeysNeverRepeat \/ "ContextKeysNeverRepeat" \in TLCGet(1) \/ Report(FailingParts)
OnceSrvccKeysNotEpsKeys == SrvccKeysNotEpsKeys \/ "SrvccKeysNotEpsKeys" \in TLCGet(1) \/ Report(FailingParts)
OnceContextKeysNotMmeInput == ContextKeysNotMmeInput \/ "ContextKeysNotMmeInput" \in TLCGet(1) \/ Report(FailingParts)
OnceMappedKsiNamesAContext == MappedKsiNamesAContext \/ "MappedKsiNamesAContext" \in TLCGet(1) \/ Report(FailingParts)
OnceMappedKsiIsNgKsi == MappedKsiIsNgKsi \/ "MappedKsiIsNgKsi" \in TLCGet(1) \/ Report(FailingParts)
OnceSentKsiIsNgKsi == SentKsiIsNgKsi \/ "SentKsiIsNgKsi" \in TLCGet(1) \/ Report(FailingParts)
OnceNothingKeyedFromNoKsi == NothingKeyedFromNoKsi \/ "NothingKeyedFromNoKsi" \in TLCGet(1) \/ Report(FailingParts)
OnceAmfNeverReusesCount == AmfNeverReusesCount \/ "AmfNeverReusesCount" \in TLCGet(1) \/ Report(FailingParts)
OnceUeNeverReusesCount == UeNeverReusesCount \/ "UeNeverReusesCount" \in TLCGet(1) \/ Report(FailingParts)
OnceAmfCountPastUsed == AmfCountPastUsed \/ "AmfCountPastUsed" \in TLCGet(1) \/ Report(FailingParts)
OnceReauthBeforeReturn == ReauthBeforeReturn \/ "ReauthBeforeReturn" \in TLCGet(1) \/ Report(FailingParts)
OnceNullOnlyForUnauthEmergency == NullOnlyForUnauthEmergency \/ "NullOnlyForUnauthEmergency" \in TLCGet(1) \/ Report(FailingParts)
OnceUnauthEmergencyGetsNull == UnauthEmergencyGetsNull \/ "UnauthEmergencyGetsNull" \in TLCGet(1) \/ Report(FailingParts)
OnceUnauthOnlyWithoutKamf == UnauthOnlyWithoutKamf \/ "UnauthOnlyWithoutKamf" \in TLCGet(1) \/ Report(FailingParts)
OnceAlgorithmUeSupports == AlgorithmUeSupports \/ "AlgorithmUeSupports" \in TLCGet(1) \/ Report(FailingParts)
OnceNoBiddingDown == NoBiddingDown \/ "NoBiddingDown" \in TLCGet(1) \/ Report(FailingParts)
OnceSrvccOnlyForCapableUe == SrvccOnlyForCapableUe \/ "SrvccOnlyForCapableUe" \in TLCGet(1) \/ Report(FailingParts)
OnceCkIkSecrecy == CkIkSecrecy \/ "CkIkSecrecy" \in TLCGet(1) \/ Report(FailingParts)
OnceUeCountMonotonic == [][UeCountMonotonicStep \/ "UeCountMonotonic" \in TLCGet(1) \/ Report(FailingSteps)]_vars
OnceAmfCountMonotonic == [][AmfCountMonotonicStep \/ "AmfCountMonotonic" \in TLCGet(1) \/ Report(FailingSteps)]_vars
OnceNoReverseSrvcc == [][NoReverseSrvccStep \/ "NoReverseSrvcc" \in TLCGet(1) \/ Report(FailingSteps)]_vars
=============================================================================

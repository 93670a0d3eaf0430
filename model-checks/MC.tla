--------------------------------- MODULE MC ---------------------------------
(***************************************************************************)
(* What every model checks: Srvcc with finite bounds and the mutants.      *)
(* Srvcc.tla states the protocol without bounds and names its override     *)
(* points: a budget per kind of environment step (AttemptAllowed, ...,     *)
(* TRUE there) and the standard's choice at each point a mutant changes.   *)
(* Each MC<Name>.cfg (generated from manifest.json) substitutes them all   *)
(* ("FaultAllowed <- MCFaultAllowed"), so every model runs Srvcc's own     *)
(* Next; a mutant's switch is a constant that is FALSE for the standard.   *)
(***************************************************************************)
EXTENDS Srvcc, TLC

CONSTANTS
    amfSendsKamf,         \* mutant: the AMF forwards KAMF itself
    mmeMapsWrongKsi,      \* mutant: KSI_SRVCC differs from eKSI
    ueSkipsReauth,        \* mutant: the UE returns to 5G without a new authentication
    allowReverseSrvcc,    \* mutant: SRVCC from UTRAN back to 5G is carried out
    nullAlgorithmsAlways, \* mutant: the MSC selects NULL algorithms for every call
    mmeMapsNoKeyKsi,      \* mutant: the MME maps eKSI to 7 ("no key available")
    mscKeepsKsiOnFailure, \* mutant: on failure the MSC deletes CK/IK but keeps KSI_SRVCC
    mscIgnoresEmergency,  \* mutant: the MSC ciphers an unauthenticated emergency call
    ueKeepsKeysOnReturn,  \* mutant: back on NR after a failed handover, the UE keeps CK/IK
    ueKeepsSessionOnReauth, \* mutant: after a new authentication the UE (and AMF) keep the unauthenticated session
    ueLowersStoredCount,  \* mutant: the UE stores its estimate even when it is below the stored DL NAS COUNT
    amfKeysWithoutContext, \* mutant: without a 5G context the AMF still derives, from the null KAMF, and sends it with KSI 7
    amfRewindsCount,      \* mutant: after a failed preparation the AMF takes its DL NAS COUNT back to the attempt's
    MaxAttempts,          \* SRVCC attempts per UE (* bound: bounds-small *)
    MaxCount,             \* bound: DL NAS COUNT
    MaxKamf,              \* bound: KAMF identities (authentications)
    MaxFaults,            \* bound: losses, duplications and MSC restarts
    MaxReorders,          \* bound: reorderings on the downlink AMF -> gNB -> UE (0: in order)
    MaxReplays,           \* bound: radio replays by the attacker
    NasRunsReceived,      \* bound: whether the UE may receive one run of Mod - 1 DL NAS messages
    NasRunsMissed,        \* bound: whether the UE may miss one run of Mod DL NAS messages
    EpsMobility,          \* bound: whether the AMF may also derive K'ASME for EPS, once of each kind per KAMF
    MaxTampers            \* bound: capability rewrites by the attacker

-----------------------------------------------------------------------------
(* Mutant definitions, substituted for Srvcc's in every cfg. *)
MCAmfSentKey(i, c) == IF amfSendsKamf THEN Kamf(i) ELSE AmfKey(i, c)
MCMmeMapKsi(eksi) == IF mmeMapsNoKeyKsi THEN 7 ELSE IF mmeMapsWrongKsi THEN (eksi + 1) % 7 ELSE eksi
MCMscSelectAlg(s, cap) ==
    IF nullAlgorithmsAlways THEN NullSel ELSE IF mscIgnoresEmergency THEN SessionAlg("normal", cap) ELSE SessionAlg(s, cap)
MCNoContextKey(c) == IF amfKeysWithoutContext THEN AmfKey(0, c) ELSE None
MCUeStoredCount(stored, c) == IF ueLowersStoredCount \/ c > stored THEN c ELSE stored   \* not UeStoredCount: substituted by this
MCAmfCountAfterFailure(n, c) == IF amfRewindsCount THEN c ELSE n
MCMscForgetsKsi == ~mscKeepsKsiOnFailure
MCUeForgetsKeysOnReturn == ~ueKeepsKeysOnReturn
MCSessionAfterReauth(s) == IF ueKeepsSessionOnReauth THEN s ELSE "normal"   \* not SessionAfterReauth: the cfg substitutes it by this

MCUeSkipReauth(u) ==               \* the mutant's step: back on 5G with the old KAMF
    /\ ueSkipsReauth /\ ueState[u] = "NeedsReauth"
    /\ ueState' = [ueState EXCEPT ![u] = "Connected5G"]
    /\ UNCHANGED <<featureVars, ueKamf, ueDl, ueUsed, ueDerivs, ueKey, ueKsi, ueSession, amfVars, mmeVars, mscVars,
                   gnbState, netVars, histVars>>

MCReverseSrvccOutcome(u) ==        \* the mutant carries reverse SRVCC out; the standard refuses
    IF allowReverseSrvcc
    THEN /\ ueState' = [ueState EXCEPT ![u] = "Connected5G"]
         /\ ueKey' = [ueKey EXCEPT ![u] = None]
         /\ UNCHANGED <<featureVars, ueKamf, ueDl, ueUsed, ueDerivs, ueKsi, ueSession, amfVars, mmeVars, mscVars,
                        gnbState, netVars, histVars>>
    ELSE UNCHANGED vars

-----------------------------------------------------------------------------
(* Bounds: Srvcc's budgets, each a bound on the steps of its kind (cfg "X <- MCX"). *)
CountCap == MaxCount + (IF NasRunsReceived \/ NasRunsMissed THEN 2 * Mod ELSE 0)
MCAttemptAllowed(u) == amfAtt[u] < MaxAttempts /\ amfDl[u] < CountCap   \* attempts and COUNT left
MCDownlinkNasAllowed(u) == amfDl[u] < MaxCount
MCAuthenticationAllowed == nextKamf <= MaxKamf
MCFaultAllowed == faults < MaxFaults
MCReorderAllowed == reorders < MaxReorders
MCReplayAllowed == replays < MaxReplays
MCTamperAllowed == tampers < MaxTampers
MCNasRunReceivedAllowed(u) == NasRunsReceived /\ amfDl[u] < Mod - 1    \* once per KAMF
MCNasRunMissedAllowed(u) == NasRunsMissed /\ amfDl[u] < Mod - 1        \* once per KAMF
EpsHandoverLeft(u) == ~\E k \in epsKeys : k.fc = "0x74" /\ k.key = Kamf(amfKamf[u])   (* bound: eps-once-per-kamf *)
MCEpsHandoverAllowed(u) == EpsMobility /\ amfDl[u] < MaxCount /\ EpsHandoverLeft(u)
MCEpsTransferAllowed(u) == EpsMobility /\ amfUl[u] = 0                 \* once per KAMF

-----------------------------------------------------------------------------
(* Srvcc's Spec with the substitutions above; liveness without timers asks fairness of the handlers. *)
MCSpec == Spec
MCLiveSpec == LiveSpec
MCLiveSpecNoTimers == Spec /\ \A u \in UEs : WF_vars(Handlers(u))

(* Symmetry (manifest "symmetry": true; UEs are then model values u1..uN). Sound for the        *)
(* invariants and action properties: Init, Next and every property treat UEs alike, except      *)
(* through the role sets below, so a permutation that keeps each UE's roles maps behaviours to  *)
(* behaviours. KAMF ids stay sound too: a UE's first KAMF is named by the UE (and permuted with  *)
(* it), later ones by the global nextKamf, which no UE owns. Not for liveness (TLC may then miss *)
(* cycles), and never across UEs whose sessions or capabilities differ.                         *)
RoleOf(u) == <<u \in EmergencyUEs, u \in UnauthUEs, u \in NoContextUEs, u \in WeakUEs, u \in SrvccIncapableUEs>>
UeSymmetry == {p \in Permutations(UEs) : \A u \in UEs : RoleOf(p[u]) = RoleOf(u)}

(* A reachability probe, not a property: violated once the UE derived from a COUNT past the first *)
(* LSB window, i.e. its estimate crossed a wrap of the low bits (model Ts33501WrapWitness).       *)
EstimateNeverCrossesWrap == \A u \in UEs : \A c \in ueUsed[u] : c < Mod

(* A reachability probe: violated once a UE is on UTRAN holding CK/IK while the MSC holds no context *)
(* for it, i.e. the keys of an abandoned attempt (model Ts33501AbandonedKeysWitness). No ciphered   *)
(* call can start then: the MSC takes Handover Complete only while Prepared.                         *)
UeNeverInCallWithoutContext == \A u \in UEs : ueState[u] = "InUtranCall" /\ ueKey[u] # None => mscState[u] \in InHandover

(* What TLC tells states apart by (cfg VIEW MCView, safety models only). The history variables   *)
(* are read by no action, only by invariants; the view keeps of them what an invariant can still *)
(* tell apart, so two states with one view have the same successors' views and the same verdict *)
(* on every invariant: the verdicts and the shortest counterexamples stay, fewer states are kept. *)
(* held: whether a KAMF rested at each place, and everything at a Compromised place; all of it    *)
(* when EpsMobility (SrvccKeysNotEpsKeys compares it with K'ASMEs yet to come).                   *)
HeldView == IF EpsMobility THEN held
            ELSE [p \in Places |-> <<\E k \in held[p] : k.kind = "kamf", IF p \in Compromised THEN held[p] ELSE {}>>]
RadioView == IF replays < MaxReplays THEN radio ELSE {}               \* read by AttackerReplay only
SrvccKamfsView == [u \in UEs |-> ueKamf[u] \in srvccKamfs[u]]          \* a new KAMF is always fresh
(* A context key can be issued again only under a KAMF that the AMF, an MSC context or a message   *)
(* in flight still has; an entry under any other KAMF can no longer meet a new one (its collisions  *)
(* with older entries were checked when it was issued, while its KAMF was live).                  *)
LiveKamfs == {0} \cup {amfKamf[u] : u \in UEs} \cup {Root(mscKey[u]).id : u \in {v \in UEs : mscKey[v] # None}}
             \cup {Root(m.key).id : m \in {m \in msgs : m.type \in KeyedTypes /\ m.key # None}}
IssuedView == LET live == LiveKamfs IN {a \in issued : Root(a.key).id \in live}
MCView == <<ueVars, amfVars, mmeVars, mscVars, gnbState, msgs, ul, dl, RadioView,
            HeldView, IssuedView, SrvccKamfsView, faults, reorders, replays, nextKamf, featureVars>>
=============================================================================

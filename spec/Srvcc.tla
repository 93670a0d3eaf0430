------------------------------- MODULE Srvcc -------------------------------
(***************************************************************************)
(* SRVCC from 5G to UTRAN: key derivation and security-context mapping.   *)
(* One AMF, gNB, MME_SRVCC and MSC server serve the UEs in UEs (1..N).     *)
(* Keys are symbolic terms; derivation is one-way: a holder of a KDF term  *)
(* cannot obtain the key under it. States, messages, options and           *)
(* invariants carry the names the Java implementation uses.                *)
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets

CONSTANTS
    UEs,                  \* UE identities: 1..N, or model values where a model declares symmetry
    EmergencyUEs,         \* UEs in an authenticated emergency session
    UnauthUEs,            \* UEs in an unauthenticated emergency session (NULL algorithms)
    NoContextUEs,         \* of those, UEs with no 5G security context at all (no SIM): ngKSI 7, no KAMF anywhere
    Profile,              \* "ts33501", "draft-via-mme" or "draft-direct"
    amfIncrementsCount,   \* AMF adds one to its DL NAS COUNT after the derivation
    amfFc,                \* "new", "reuse-0x74", or "unnumbered" (the draft's unassigned FC: a placeholder)
    mmeKeyMode,           \* "derive" (TS 33.401 A.12) or "split" (K'ASME taken as CK || IK)
    ueKeyMode,            \* the UE's choice of the same
    mmeCount,             \* "zero" or "received": the COUNT the MME feeds into A.12
    ueRejectsUsedCount,   \* UE refuses an estimated COUNT it used before
    ueEstimate,           \* how the UE estimates the COUNT from its LSBs: "smallest" (>= stored) or "closest"
    nasDuringHandover,    \* the AMF may send DL NAS while a handover is being prepared or commanded
    mscDeletesOnFailure,  \* MSC deletes the mapped context when the handover fails
    countLsbBits,         \* low bits of the DL NAS COUNT sent to the UE (24: the whole COUNT)
    gnbSeesKeys,          \* the draft read literally: the HO command's "security parameters" carry the AMF's key
    mscAllowsUea0,        \* the MSC falls back to UEA0 (no ciphering) when no algorithm is common
    Compromised,          \* subset of Places whose contents the attacker reads
    WeakUEs,              \* UEs whose UTRAN security capability is UEA1/UIA1 only (the others add UEA2/UIA2)
    SrvccIncapableUEs,    \* UEs without the 5G-SRVCC capability
    TamperedLinks,        \* links on which the attacker rewrites capabilities: "Uu", "N2", "N26", "Sv"
    amfChecksSrvccCapability, \* proposed measure: the AMF refuses SRVCC for a UE that did not register the 5G-SRVCC capability
    mscPrefers,           \* the MSC's preference when the UE supports both: "uea2" or "uea1" (operator policy)
    ueCountSource,        \* where the UE's COUNT comes from: "lsbs" (the command's low bits) or "own" (its stored COUNT: X.1.2)
    ueStoresEstimate      \* the UE stores the COUNT it derived from, if greater (TS 33.401 14.1; J.1.2 is silent)

\* Model bounds and the mutants live in model-checks/MC.tla, not here.

Places == {"gNB", "MME_SRVCC", "MSC", "Sv"}
Links == {"Uu", "N2", "N26", "Sv"}     \* radio, AMF-gNB (NGAP), AMF-MME (GTPv2-C), MME-MSC (GTPv2-C)
ViaMme == Profile # "draft-direct"
Session(u) == IF u \in UnauthUEs THEN "emergencyUnauth"
              ELSE IF u \in EmergencyUEs THEN "emergency" ELSE "normal"

ASSUME /\ Profile \in {"ts33501", "draft-via-mme", "draft-direct"}
       /\ amfFc \in {"new", "reuse-0x74", "unnumbered"} /\ mmeKeyMode \in {"derive", "split"}
       /\ ueKeyMode \in {"derive", "split"} /\ mmeCount \in {"zero", "received"}
       /\ ueEstimate \in {"smallest", "closest"}
       /\ countLsbBits \in (1..4) \cup {24} /\ gnbSeesKeys \in BOOLEAN /\ Compromised \subseteq Places
       /\ EmergencyUEs \subseteq UEs /\ UnauthUEs \subseteq UEs /\ NoContextUEs \subseteq UnauthUEs
       /\ mscAllowsUea0 \in BOOLEAN /\ WeakUEs \subseteq UEs /\ SrvccIncapableUEs \subseteq UEs
       /\ TamperedLinks \subseteq Links /\ amfChecksSrvccCapability \in BOOLEAN /\ mscPrefers \in {"uea1", "uea2"}
       /\ ueCountSource \in {"lsbs", "own"}

-----------------------------------------------------------------------------
(* Key terms *)
None == [kind |-> "none"]
Kamf(i) == [kind |-> "kamf", id |-> i]                                  \* id 0: no shared key
Kdf(k, fc, c) == [kind |-> "kdf", key |-> k, fc |-> fc, count |-> c]     \* TS 33.220 KDF

RECURSIVE Root(_)
Root(k) == IF k.kind = "kdf" THEN Root(k.key) ELSE k                    \* the KAMF under a key
RECURSIVE Derivable(_, _)
Derivable(k, K) == k \in K \/ (k.kind = "kdf" /\ Derivable(k.key, K))   \* forward only
KdfFcs == {"0x7D", "0x73", "0x74", "0xFF01", "0x1A"}                    \* the FCs a KDF term may carry
(* Key terms as record sets, which TLC tests membership of natively: at most two KDFs above a KAMF *)
(* (KASME_SRVCC or CK||IK from KAMF; CK_SRVCC||IK_SRVCC from KASME_SRVCC, TS 33.401 A.12).        *)
KamfKeys == [kind : {"kamf"}, id : Nat \cup UEs]
KdfOver(K) == [kind : {"kdf"}, key : K, fc : KdfFcs, count : Nat]     \* one KDF above a key of K
KeyTerms == {None} \cup KamfKeys \cup KdfOver(KamfKeys) \cup KdfOver(KdfOver(KamfKeys))

(* ngKSI of KAMF i. A UE's first KAMF is named by the UE (id u); with model-value UEs, where  *)
(* arithmetic on u is impossible, every first KAMF has ngKSI 1: the AMF numbers per UE.      *)
KsiOf(i) == IF i \in Nat THEN i % 7 ELSE 1
NoKsi == 7                                                              \* "no key available": no context
AmfFcValue == IF amfFc = "reuse-0x74" THEN "0x74"
              ELSE IF ViaMme /\ amfFc = "new" THEN "0x7D" ELSE "0xFF01"   (* reading: draft-fc-placeholder *)
AmfKey(i, c) == Kdf(Kamf(i), AmfFcValue, c)   \* KASME_SRVCC / K'ASME; CK||IK when direct
MmeCk(k, c) == IF mmeKeyMode = "split" THEN k                           (* reading: draft-mme-a12 *)
               ELSE Kdf(k, "0x1A", IF mmeCount = "zero" THEN 0 ELSE c)
UeCk(i, c) == IF ~ViaMme \/ ueKeyMode = "split" THEN AmfKey(i, c) ELSE Kdf(AmfKey(i, c), "0x1A", 0)
(* UTRAN algorithms, ciphering and integrity chosen separately: UEA1/UIA1 (KASUMI), UEA2/UIA2       *)
(* (SNOW 3G). The UE's capability is what it sent in NAS (checked by NAS SMC); UEA0 (no ciphering) is *)
(* always there, and a call other than an unauthenticated emergency call always has a UIA.          *)
CipherAlgs == {"uea1", "uea2"}
IntegrityAlgs == {"uia1", "uia2"}
CapAlgs == CipherAlgs \cup IntegrityAlgs
UeCap(u) == IF u \in WeakUEs THEN {"uea1", "uia1"} ELSE CapAlgs
Sel(e, i) == [uea |-> e, uia |-> i]                                      \* what the MSC selected
NoSel == Sel("none", "none")                                             \* nothing: no context, or refused
NullSel == Sel("uea0", "none")                                           \* J.2's NULL algorithms: no key used
Prefer(one, two, cap) ==                                                 \* the preferred family first (* policy: msc-prefers *)
    LET first == IF mscPrefers = "uea2" THEN two ELSE one  second == IF mscPrefers = "uea2" THEN one ELSE two
    IN IF first \in cap THEN first ELSE IF second \in cap THEN second ELSE "none"
Best(cap) == Sel(Prefer("uea1", "uea2", cap), Prefer("uia1", "uia2", cap))
UeCanExecute(u, sel) == u \notin SrvccIncapableUEs
                        /\ (sel = NullSel \/ (sel.uea \in {"uea0"} \cup UeCap(u) /\ sel.uia \in UeCap(u)))
(* The points where MC.tla substitutes a mutant (cfg "Op <- MCOp"); here, the standard's choice. *)
AmfSentKey(i, c) == AmfKey(i, c)                                        \* what the AMF puts in the request
MmeMapKsi(eksi) == eksi                                                 \* KSI_SRVCC = eKSI (Annex J)
NoContextKey(c) == None                                                 (* reading: no-sim-ksi7 *)
SessionAlg(s, cap) ==                                                   \* NULL only unauthenticated (J.2)
    IF s = "emergencyUnauth" THEN NullSel
    ELSE IF Best(cap).uia = "none" THEN NoSel                           \* no integrity algorithm in common: refuse
    ELSE IF Best(cap).uea # "none" THEN Best(cap)
    ELSE IF mscAllowsUea0 THEN Sel("uea0", Best(cap).uia) ELSE NoSel     \* UEA0: ciphering off, integrity on
MscSelectAlg(s, cap) == SessionAlg(s, cap)                              \* the MSC's choice of UEA and UIA (NoSel: refuse)
MscForgetsKsi == TRUE                                                   \* J.1.2: KSI_SRVCC deleted with CK/IK
UeForgetsKeysOnReturn == TRUE                                           \* back on NR, CK/IK are useless
UeStoredCount(stored, c) == IF c > stored THEN c ELSE stored            \* TS 33.401 14.1: only a greater estimate is stored
AmfCountAfterFailure(n, c) == n                                         \* a failed preparation leaves the DL NAS COUNT where it is
SessionAfterReauth(s) == "normal"                                       \* authenticated now: no longer exempt
(* Budgets: whether the world may take one more step of a kind. The protocol sets none (TRUE);   *)
(* MC.tla bounds each for a finite model (cfg "FaultAllowed <- MCFaultAllowed"), as Java's Budget. *)
AttemptAllowed(u) == TRUE                                               \* a new SRVCC attempt (Handover Required)
DownlinkNasAllowed(u) == TRUE                                           \* one more DL NAS message
AuthenticationAllowed == TRUE                                           \* one more primary authentication (a new KAMF)
FaultAllowed == TRUE                                                    \* a loss, a duplicate or an MSC restart
ReorderAllowed == TRUE                                                  \* a downlink reordering
ReplayAllowed == TRUE                                                   \* a radio replay
TamperAllowed == TRUE                                                   \* a capability rewrite
NasRunReceivedAllowed(u) == TRUE                                        \* a received run of Mod - 1 DL NAS messages
NasRunMissedAllowed(u) == TRUE                                          \* a missed run of Mod DL NAS messages
EpsHandoverAllowed(u) == TRUE                                           \* an N26 handover to EPS prepared
EpsTransferAllowed(u) == TRUE                                           \* an idle-mode move to EPS
Mod == 2 ^ countLsbBits                                                 \* 24: the whole COUNT (* reading: draft-whole-count *)
MaxNasCount == 16777215                                                 \* 24 bits; past it a new KAMF is needed
Smallest(stored, lsb) == stored + ((lsb + Mod - (stored % Mod)) % Mod)  \* smallest COUNT >= stored (* reading: estimate-rules *)
Closest(stored, lsb) ==                                                 \* nearest to stored, may be below it
    LET up == Smallest(stored, lsb)  down == up - Mod
    IN IF down >= 0 /\ stored - down < up - stored THEN down ELSE up
Estimate(stored, lsb) == IF ueEstimate = "closest" THEN Closest(stored, lsb) ELSE Smallest(stored, lsb)
(* X.1.2 sends the UE no COUNT: "own" takes the UE's stored COUNT, the last it received (0 before any). *)
UeCount(stored, lsb) == IF ueCountSource = "own" THEN stored ELSE Estimate(stored, lsb)   (* reading: draft-own-count *)

-----------------------------------------------------------------------------
(* The shapes the type invariants below check against. *)
UeStates == {"Connected5G", "HoCommanded", "InUtranCall", "NeedsReauth"}
AmfStates == {"Idle", "Preparing", "Commanded", "Released"}
MmeStates == {"Idle", "Preparing", "Done"}
MscStates == {"Idle", "Prepared", "Active"}
GnbStates == {"Idle", "Requested", "Commanded", "Cancelling"}
Sessions == {"normal", "emergency", "emergencyUnauth"}
MscSessions == Sessions \cup {"none"}                                    \* "none": no context
DlTypes == {"HandoverCommand", "HandoverCommandUe", "HandoverPreparationFailure", "DownlinkNasTransport",
            "HandoverCancelAcknowledge"}
UlTypes == {"HandoverRequired", "HandoverCancel"}
CommandTypes == {"HandoverCommand", "HandoverCommandUe"}
AlgValues == {NoSel, NullSel} \cup [uea : {"uea0"} \cup CipherAlgs, uia : IntegrityAlgs]
KeyedTypes == {"ForwardRelocationRequest", "PsToCsRequest"}
AnswerTypes == {"ForwardRelocationResponse", "PsToCsResponse"}
PlainTypes == {"RelocationCancel", "ForwardRelocationComplete", "PsToCsCancel", "PsToCsComplete",
               "HandoverComplete", "CallRelease"}
CoreTypes == KeyedTypes \cup AnswerTypes \cup PlainTypes
CoreMsgs ==      \* messages between AMF, MME_SRVCC and MSC, or from the UE to the MSC: exactly these fields
    [type : KeyedTypes, ue : UEs, att : Nat, copy : {1, 2, 3}, key : KeyTerms, ksi : 0..7, count : Nat,
     session : Sessions, cap : SUBSET CapAlgs]
    \cup [type : AnswerTypes, ue : UEs, att : Nat, copy : {1, 2, 3}, ok : BOOLEAN, alg : AlgValues]
    \cup [type : PlainTypes, ue : UEs, att : Nat, copy : {1, 2, 3}]


-----------------------------------------------------------------------------
VARIABLES
    \* UE, per UE u
    ueState,     \* Connected5G, HoCommanded, InUtranCall or NeedsReauth
    ueKamf,      \* identity of the KAMF the UE shares with the AMF (0: none)
    ueDl,        \* the last DL NAS COUNT the UE received or derived from (stored COUNT)
    ueUsed,      \* COUNTs the UE has derived SRVCC keys from
    ueDerivs,    \* how many SRVCC derivations the UE made
    ueKey,       \* CK_SRVCC||IK_SRVCC the UE derived (None outside a handover)
    ueKsi,       \* KSI the UE associates with those keys
    ueSession,   \* "normal", "emergency" or "emergencyUnauth"
    \* AMF, per UE
    amfState,    \* Idle, Preparing, Commanded or Released
    amfKamf,     \* identity of the KAMF the AMF holds (0: released)
    amfDl,       \* the AMF's DL NAS COUNT
    amfUsed,     \* COUNTs the AMF derived SRVCC keys from
    amfDerivs,   \* how many SRVCC derivations the AMF made
    amfAtt,      \* the AMF's attempt number (transaction identifier)
    amfCount,    \* the COUNT of the current attempt (its LSBs go to the UE)
    amfUl,       \* the UL NAS COUNT of the last uplink NAS message (a TAU) the AMF took
    \* MME_SRVCC, per UE
    mmeState,    \* Idle, Preparing or Done
    mmeKsi,      \* the KSI_SRVCC it mapped
    mmeAtt,      \* the last attempt it took
    \* MSC server, per UE
    mscState,    \* Idle, Prepared or Active
    mscKey,      \* the mapped CK_SRVCC||IK_SRVCC (None: no context)
    mscKsi,      \* the mapped KSI_SRVCC
    mscAlg,      \* the UEA and UIA selected: NoSel, NullSel or [uea, uia]
    mscSession,  \* the session the mapped context was made for ("none": no context)
    mscAtt,      \* the last attempt it took
    gnbState,    \* per UE: Idle, Requested, Commanded or Cancelling
    \* the network
    msgs,        \* core messages (and UE -> MSC) in flight: a set, any order
    ul,          \* per UE, the uplink gNB -> AMF over N2 (SCTP): a sequence, reliable
    dl,          \* per UE, the downlink AMF -> gNB -> UE: a sequence (* simplification: in-order-downlink *)
    radio,       \* HandoverCommandUe messages the attacker has seen
    \* history (read only by invariants) and fault budgets
    held,        \* per place, every key that rested at or passed through it
    issued,      \* every context an MSC accepted: [ue, att, key]
    srvccKamfs,  \* per UE, the KAMFs it went to UTRAN with
    faults,      \* losses, duplications and MSC restarts so far
    reorders,    \* downlink reorderings so far
    replays,     \* radio replays so far
    nextKamf,    \* identity of the next KAMF an authentication creates
    epsKeys,     \* every K'ASME the AMF derived for EPS (A.14.1 idle mobility, A.14.2 handover)
    \* capabilities and the attacker who rewrites them
    amfSrvccCap,      \* per UE, the 5G-SRVCC capability the AMF took from the Registration Request
    gnbSrvccPossible, \* per UE, "5G-SRVCC operation possible" as the gNB got it over NGAP
    tampers           \* capability rewrites so far

(* Each group of variables, and its type invariant (TypeOK, their conjunction, covers every variable). *)
ueVars  == <<ueState, ueKamf, ueDl, ueUsed, ueDerivs, ueKey, ueKsi, ueSession>>
UeTypeOK ==
    /\ ueState \in [UEs -> UeStates]
    /\ ueKamf \in [UEs -> Nat \cup UEs] /\ ueDl \in [UEs -> Nat]
    /\ ueUsed \in [UEs -> SUBSET Nat] /\ ueDerivs \in [UEs -> Nat]
    /\ ueKey \in [UEs -> KeyTerms]
    /\ ueKsi \in [UEs -> 0..7]
    /\ ueSession \in [UEs -> Sessions]
amfVars == <<amfState, amfKamf, amfDl, amfUsed, amfDerivs, amfAtt, amfCount>>
AmfTypeOK ==
    /\ amfState \in [UEs -> AmfStates]
    /\ amfKamf \in [UEs -> Nat \cup UEs] /\ amfDl \in [UEs -> Nat]
    /\ amfUsed \in [UEs -> SUBSET Nat] /\ amfDerivs \in [UEs -> Nat]
    /\ amfAtt \in [UEs -> Nat] /\ amfCount \in [UEs -> Nat]
mmeVars == <<mmeState, mmeKsi, mmeAtt>>
MmeTypeOK ==
    /\ mmeState \in [UEs -> MmeStates]
    /\ mmeKsi \in [UEs -> 0..6] /\ mmeAtt \in [UEs -> Nat]
mscVars == <<mscState, mscKey, mscKsi, mscAlg, mscSession, mscAtt>>
MscTypeOK ==
    /\ mscState \in [UEs -> MscStates]
    /\ mscKey \in [UEs -> KeyTerms]
    /\ mscKsi \in [UEs -> 0..7] /\ mscAtt \in [UEs -> Nat]
    /\ mscSession \in [UEs -> MscSessions]
    /\ mscAlg \in [UEs -> AlgValues]
GnbTypeOK == gnbState \in [UEs -> GnbStates]
netVars == <<msgs, ul, dl, radio>>
NetTypeOK ==
    /\ DOMAIN dl = UEs /\ \A u \in UEs : \A i \in 1..Len(dl[u]) : dl[u][i].ue = u /\ dl[u][i].type \in DlTypes
    /\ msgs \subseteq CoreMsgs
    /\ DOMAIN ul = UEs /\ \A u \in UEs : \A i \in 1..Len(ul[u]) :
           ul[u][i].ue = u /\ ul[u][i].type \in UlTypes
    /\ \A r \in radio : r.type = "HandoverCommandUe" /\ r.ue \in UEs
    /\ \A u \in UEs : \A i \in 1..Len(dl[u]) :
           dl[u][i].type \in CommandTypes => dl[u][i].alg \in AlgValues
histVars == <<held, issued, srvccKamfs, faults, reorders, replays, nextKamf>>
HistTypeOK ==
    /\ held \in [Places -> SUBSET KeyTerms]
    /\ issued \subseteq [ue : UEs, att : Nat, key : KeyTerms]
    /\ srvccKamfs \in [UEs -> SUBSET (Nat \cup UEs)]
    /\ faults \in Nat /\ reorders \in Nat /\ replays \in Nat
    /\ nextKamf \in Nat
epsVars == <<amfUl, epsKeys>>
EpsTypeOK == amfUl \in [UEs -> Nat] /\ epsKeys \subseteq KeyTerms
capVars == <<amfSrvccCap, gnbSrvccPossible, tampers>>
CapTypeOK == amfSrvccCap \in [UEs -> BOOLEAN] /\ gnbSrvccPossible \in [UEs -> BOOLEAN] /\ tampers \in Nat
(* The optional features' variables (EPS mobility, capabilities): the handover's own actions leave them   *)
(* alone and say so once, UNCHANGED featureVars, so a new feature's group is added here, not in every action. *)
featureVars == <<epsVars, capVars>>
vars == <<ueVars, amfVars, mmeVars, mscVars, gnbState, netVars, histVars, featureVars>>
TypeOK == UeTypeOK /\ AmfTypeOK /\ MmeTypeOK /\ MscTypeOK /\ GnbTypeOK /\ NetTypeOK /\ HistTypeOK /\ EpsTypeOK /\ CapTypeOK

(* TS 23.216 6.5.4 step 4: the AMF acts on the 5G-SRVCC HO Indication; no text has it check the UE's *)
(* capability, so the check is the option amfChecksSrvccCapability (a proposed measure, off by default). *)
AmfSrvccAllowed(u) == ~amfChecksSrvccCapability \/ amfSrvccCap[u]   (* policy: amf-srvcc-check *)
(* The AMF serves the UE: with a KAMF, or, for a UE with no 5G security context, until it is released. *)
AmfServes(u) == amfKamf[u] # 0 \/ (u \in NoContextUEs /\ amfState[u] # "Released")
CmdKsi(u) == IF amfKamf[u] = 0 THEN NoKsi ELSE KsiOf(amfKamf[u])   \* ngKSI 7: no key available
(* The draft's HO command carries "the security parameters" of X.1.1 step 4 (MME_SRVCC's CK, IK) or X.1.2 step 3 *)
(* (the AMF's CK||IK): the keys the MSC got, not the AMF's K'ASME.                                              *)
CmdKeys(i, c) == IF ViaMme THEN MmeCk(AmfSentKey(i, c), c) ELSE AmfSentKey(i, c)

-----------------------------------------------------------------------------
(* Messages. copy tells a network duplicate (2) or an attacker replay (3) from the original. *)
M(t, u, a) == [type |-> t, ue |-> u, att |-> a, copy |-> 1]
WithKey(t, u, a, k, ksi, c, s, cap) ==    \* cap: the UE security capability (UTRAN algorithms)
    [type |-> t, ue |-> u, att |-> a, copy |-> 1, key |-> k, ksi |-> ksi, count |-> c, session |-> s, cap |-> cap]
Answer(t, u, a, ok, alg) == [type |-> t, ue |-> u, att |-> a, copy |-> 1, ok |-> ok, alg |-> alg]
HoCmd(t, u, a, lsb, ksi, alg) ==          \* alg: what the target side selected, in the command to UTRAN
    [type |-> t, ue |-> u, att |-> a, copy |-> 1, lsb |-> lsb, ksi |-> ksi, alg |-> alg]
Nas(u, c) == [type |-> "DownlinkNasTransport", ue |-> u, att |-> 0, copy |-> 1, count |-> c]

Send(m) == msgs' = msgs \cup {m}
Reply(m, out) == msgs' = (msgs \ {m}) \cup out
Consume(m) == msgs' = msgs \ {m}
Push(u, m) == dl' = [dl EXCEPT ![u] = Append(@, m)]       \* onto the downlink
Head1(u, t) == dl[u] # <<>> /\ Head(dl[u]).type = t        \* next downlink message is a t
Pop(u) == dl' = [dl EXCEPT ![u] = Tail(@)]
PushUp(u, m) == ul' = [ul EXCEPT ![u] = Append(@, m)]       \* onto the N2 uplink
HeadUp(u, t) == ul[u] # <<>> /\ Head(ul[u]).type = t
PopUp(u) == ul' = [ul EXCEPT ![u] = Tail(@)]

Init ==
    /\ ueState = [u \in UEs |-> "Connected5G"]
    /\ ueKamf = [u \in UEs |-> IF u \in UnauthUEs THEN 0 ELSE u]
    /\ ueDl = [u \in UEs |-> 0] /\ ueUsed = [u \in UEs |-> {}] /\ ueDerivs = [u \in UEs |-> 0]
    /\ ueKey = [u \in UEs |-> None] /\ ueKsi = [u \in UEs |-> 0]
    /\ ueSession = [u \in UEs |-> Session(u)]
    /\ amfState = [u \in UEs |-> "Idle"] /\ amfKamf = [u \in UEs |-> IF u \in NoContextUEs THEN 0 ELSE u]
    /\ amfDl = [u \in UEs |-> 0] /\ amfUsed = [u \in UEs |-> {}] /\ amfDerivs = [u \in UEs |-> 0]
    /\ amfAtt = [u \in UEs |-> 0] /\ amfCount = [u \in UEs |-> 0]
    /\ mmeState = [u \in UEs |-> "Idle"] /\ mmeKsi = [u \in UEs |-> 0] /\ mmeAtt = [u \in UEs |-> 0]
    /\ mscState = [u \in UEs |-> "Idle"] /\ mscKey = [u \in UEs |-> None]
    /\ mscKsi = [u \in UEs |-> NoKsi] /\ mscAlg = [u \in UEs |-> NoSel] /\ mscAtt = [u \in UEs |-> 0]
    /\ mscSession = [u \in UEs |-> "none"]
    /\ gnbState = [u \in UEs |-> "Idle"]
    /\ msgs = {} /\ ul = [u \in UEs |-> <<>>] /\ dl = [u \in UEs |-> <<>>] /\ radio = {}
    /\ held = [p \in Places |-> {}] /\ issued = {} /\ srvccKamfs = [u \in UEs |-> {}]
    /\ faults = 0 /\ reorders = 0 /\ replays = 0
    /\ nextKamf = Cardinality(UEs) + 1
    /\ amfUl = [u \in UEs |-> 0] /\ epsKeys = {}
    /\ amfSrvccCap = [u \in UEs |-> u \notin SrvccIncapableUEs]
    /\ gnbSrvccPossible = [u \in UEs |-> u \notin SrvccIncapableUEs]   \* the AMF tells the gNB what it recorded
    /\ tampers = 0

-----------------------------------------------------------------------------
(* gNB *)
GnbSendHandoverRequired(u) ==      \* NR coverage fades during a voice call
    /\ AttemptAllowed(u)
    /\ gnbState[u] = "Idle" /\ ueState[u] = "Connected5G" /\ AmfServes(u)
    /\ gnbSrvccPossible[u]                                   \* only if NGAP said "5G-SRVCC operation possible"
    /\ gnbState' = [gnbState EXCEPT ![u] = "Requested"]
    /\ PushUp(u, M("HandoverRequired", u, 0))
    /\ UNCHANGED <<featureVars, ueVars, amfVars, mmeVars, mscVars, msgs, dl, radio, histVars>>

GnbForwardHandoverCommand(u) ==    \* HandoverCommand in, HandoverCommandUe out on the radio
    /\ Head1(u, "HandoverCommand")
    /\ LET m == Head(dl[u])  r == HoCmd("HandoverCommandUe", u, m.att, m.lsb, m.ksi, m.alg)
       IN IF gnbState[u] = "Requested"
          THEN /\ dl' = [dl EXCEPT ![u] = <<r>> \o Tail(@)]
               /\ radio' = radio \cup {r}
               /\ gnbState' = [gnbState EXCEPT ![u] = "Commanded"]
          ELSE /\ Pop(u) /\ UNCHANGED <<featureVars, radio, gnbState>>    \* cancelled: discard
    /\ UNCHANGED <<featureVars, ul, ueVars, amfVars, mmeVars, mscVars, msgs, histVars>>

GnbHandleCancelAcknowledge(u) ==
    /\ Head1(u, "HandoverCancelAcknowledge") /\ Pop(u)
    /\ gnbState' = [gnbState EXCEPT ![u] = IF @ = "Cancelling" THEN "Idle" ELSE @]
    /\ UNCHANGED <<featureVars, ul, ueVars, amfVars, mmeVars, mscVars, msgs, radio, histVars>>

GnbHandlePreparationFailure(u) ==
    /\ Head1(u, "HandoverPreparationFailure") /\ Pop(u)
    /\ gnbState' = [gnbState EXCEPT ![u] = IF @ = "Requested" THEN "Idle" ELSE @]
    /\ UNCHANGED <<featureVars, ul, ueVars, amfVars, mmeVars, mscVars, msgs, radio, histVars>>

GnbCancel(u) ==                    \* the gNB gives up before the command (radio recovered)
    /\ gnbState[u] = "Requested"
    /\ gnbState' = [gnbState EXCEPT ![u] = "Cancelling"]
    /\ PushUp(u, M("HandoverCancel", u, 0))
    /\ UNCHANGED <<featureVars, ueVars, amfVars, mmeVars, mscVars, msgs, dl, radio, histVars>>

-----------------------------------------------------------------------------
(* AMF *)
AmfStartSrvcc(u) ==               \* Handover Required: derive from KAMF, map ngKSI, forward
    /\ AttemptAllowed(u)
    /\ HeadUp(u, "HandoverRequired") /\ PopUp(u)
    /\ LET a == amfAtt[u] + 1  c == amfDl[u]  i == amfKamf[u]
           keyed == i # 0                                    \* without a 5G context nothing is derived
           k == IF keyed THEN AmfSentKey(i, c) ELSE NoContextKey(c)
           t == IF ViaMme THEN "ForwardRelocationRequest" ELSE "PsToCsRequest"
       IN IF amfState[u] = "Idle" /\ AmfServes(u) /\ AmfSrvccAllowed(u)
          THEN /\ amfState' = [amfState EXCEPT ![u] = "Preparing"]
               /\ amfAtt' = [amfAtt EXCEPT ![u] = a]
               /\ amfCount' = [amfCount EXCEPT ![u] = c]
               /\ amfUsed' = [amfUsed EXCEPT ![u] = IF keyed THEN @ \cup {c} ELSE @]
               /\ amfDerivs' = [amfDerivs EXCEPT ![u] = IF keyed THEN @ + 1 ELSE @]
               /\ amfDl' = [amfDl EXCEPT ![u] = IF amfIncrementsCount /\ keyed THEN c + 1 ELSE c]
               /\ Send(WithKey(t, u, a, k, CmdKsi(u), c, ueSession[u], UeCap(u)))
               /\ held' = IF ViaMme \/ k = None THEN held ELSE [held EXCEPT !["Sv"] = @ \cup {k}]
               /\ UNCHANGED dl
          ELSE /\ UNCHANGED <<featureVars, amfState, amfAtt, amfCount, amfUsed, amfDerivs, amfDl, held, msgs>>
               /\ IF amfState[u] = "Idle" /\ AmfServes(u)        \* the UE cannot do SRVCC: refuse
                  THEN Push(u, M("HandoverPreparationFailure", u, amfAtt[u])) ELSE UNCHANGED dl
    /\ UNCHANGED <<featureVars, ueVars, amfKamf, mmeVars, mscVars, gnbState, radio,
                   issued, srvccKamfs, faults, reorders, replays, nextKamf>>

AmfHandleResponseMsg(m) ==         \* Forward Relocation Response (PS to CS Response when direct)
    /\ m.type = IF ViaMme THEN "ForwardRelocationResponse" ELSE "PsToCsResponse"
    /\ Consume(m)
    /\ LET u == m.ue IN
       IF m.att = amfAtt[u] /\ amfState[u] = "Preparing"
       THEN IF m.ok
            THEN /\ amfState' = [amfState EXCEPT ![u] = "Commanded"]
                 /\ UNCHANGED amfDl
                 /\ Push(u, HoCmd("HandoverCommand", u, m.att, amfCount[u] % Mod, CmdKsi(u), m.alg))
                 /\ held' = IF gnbSeesKeys                                  (* reading: draft-gnb-gets-key *)
                            THEN [held EXCEPT !["gNB"] = @ \cup {CmdKeys(amfKamf[u], amfCount[u])}]
                            ELSE held
            ELSE /\ amfState' = [amfState EXCEPT ![u] = "Idle"]
                 /\ amfDl' = [amfDl EXCEPT ![u] = AmfCountAfterFailure(@, amfCount[u])]
                 /\ Push(u, M("HandoverPreparationFailure", u, m.att))
                 /\ UNCHANGED held
       ELSE UNCHANGED <<featureVars, amfState, amfDl, dl, held>>
    /\ UNCHANGED <<featureVars, ul, ueVars, amfKamf, amfUsed, amfDerivs, amfAtt, amfCount, mmeVars, mscVars,
                   gnbState, radio, issued, srvccKamfs, faults, reorders, replays, nextKamf>>

AmfCancelOut(u, a) == IF ViaMme THEN M("RelocationCancel", u, a) ELSE M("PsToCsCancel", u, a)

AmfHandleHandoverCancel(u) ==      \* cancel towards the target side, acknowledge to the gNB
    /\ HeadUp(u, "HandoverCancel") /\ PopUp(u)
    /\ IF amfState[u] \in {"Preparing", "Commanded"}
       THEN /\ amfState' = [amfState EXCEPT ![u] = "Idle"]
            /\ Send(AmfCancelOut(u, amfAtt[u]))
       ELSE UNCHANGED <<featureVars, amfState, msgs>>
    /\ Push(u, M("HandoverCancelAcknowledge", u, 0))
    /\ UNCHANGED <<featureVars, ueVars, amfKamf, amfDl, amfUsed, amfDerivs, amfAtt, amfCount, mmeVars, mscVars,
                   gnbState, radio, histVars>>

AmfTimerExpiry(u) ==               \* Preparing: give up, tell target side and gNB;
    /\ amfState[u] \in {"Preparing", "Commanded"}      \* Commanded: the UE left, release the source context
    /\ IF amfState[u] = "Preparing"
       THEN /\ amfState' = [amfState EXCEPT ![u] = "Idle"]
            /\ Send(AmfCancelOut(u, amfAtt[u]))
            /\ Push(u, M("HandoverPreparationFailure", u, amfAtt[u]))
            /\ UNCHANGED amfKamf
       ELSE /\ amfState' = [amfState EXCEPT ![u] = "Released"]
            /\ amfKamf' = [amfKamf EXCEPT ![u] = 0]
            /\ UNCHANGED <<featureVars, msgs, dl>>
    /\ UNCHANGED <<featureVars, ul, ueVars, amfDl, amfUsed, amfDerivs, amfAtt, amfCount, mmeVars, mscVars,
                   gnbState, radio, histVars>>

AmfHandleCompleteMsg(m) ==         \* the UE is on UTRAN: its 5G context is released
    /\ m.type = IF ViaMme THEN "ForwardRelocationComplete" ELSE "PsToCsComplete"
    /\ Consume(m)
    /\ LET u == m.ue IN
       IF m.att = amfAtt[u] /\ amfState[u] # "Released" /\ AmfServes(u)
       THEN /\ amfState' = [amfState EXCEPT ![u] = "Released"]
            /\ amfKamf' = [amfKamf EXCEPT ![u] = 0]
       ELSE UNCHANGED <<featureVars, amfState, amfKamf>>
    /\ UNCHANGED <<featureVars, ueVars, amfDl, amfUsed, amfDerivs, amfAtt, amfCount, mmeVars, mscVars,
                   gnbState, ul, dl, radio, histVars>>

AmfSendDownlinkNas(u) ==           \* any downlink NAS message advances the DL NAS COUNT
    /\ DownlinkNasAllowed(u)
    /\ \/ amfState[u] = "Idle"
       \/ nasDuringHandover /\ amfState[u] \in {"Preparing", "Commanded"}   (* policy: no-nas-during-preparation *)
    /\ amfKamf[u] # 0
    /\ amfDl' = [amfDl EXCEPT ![u] = @ + 1]
    /\ Push(u, Nas(u, amfDl[u]))
    /\ UNCHANGED <<featureVars, ul, ueVars, amfState, amfKamf, amfUsed, amfDerivs, amfAtt, amfCount, mmeVars, mscVars,
                   gnbState, msgs, radio, histVars>>

-----------------------------------------------------------------------------
(* MME_SRVCC *)
MmeHandleForwardRelocationRequestMsg(m) ==
    /\ m.type = "ForwardRelocationRequest" /\ ViaMme
    /\ LET u == m.ue  keyed == m.key # None               \* no key (ngKSI 7): nothing to derive or map
           ck == IF keyed THEN MmeCk(m.key, m.count) ELSE None
           ksi == IF keyed THEN MmeMapKsi(m.ksi) ELSE NoKsi
       IN IF m.att > mmeAtt[u]
          THEN /\ mmeState' = [mmeState EXCEPT ![u] = "Preparing"]
               /\ mmeKsi' = [mmeKsi EXCEPT ![u] = IF keyed THEN ksi ELSE @]
               /\ mmeAtt' = [mmeAtt EXCEPT ![u] = m.att]
               /\ Reply(m, {WithKey("PsToCsRequest", u, m.att, ck, ksi, m.count, m.session, m.cap)})
               /\ held' = IF keyed THEN [held EXCEPT !["Sv"] = @ \cup {ck}, !["MME_SRVCC"] = @ \cup {m.key}] ELSE held
          ELSE /\ Consume(m) /\ UNCHANGED <<featureVars, mmeVars, held>>
    /\ UNCHANGED <<featureVars, ueVars, amfVars, mscVars, gnbState, ul, dl, radio,
                   issued, srvccKamfs, faults, reorders, replays, nextKamf>>

MmeRejectPreparationMsg(m) ==      \* e.g. no Sv peer or no resources
    /\ m.type = "ForwardRelocationRequest" /\ ViaMme /\ m.att > mmeAtt[m.ue]
    /\ mmeAtt' = [mmeAtt EXCEPT ![m.ue] = m.att]
    /\ Reply(m, {Answer("ForwardRelocationResponse", m.ue, m.att, FALSE, NoSel)})
    /\ held' = IF m.key # None THEN [held EXCEPT !["MME_SRVCC"] = @ \cup {m.key}] ELSE held
    /\ UNCHANGED <<featureVars, ueVars, amfVars, mmeState, mmeKsi, mscVars, gnbState, ul, dl, radio,
                   issued, srvccKamfs, faults, reorders, replays, nextKamf>>

MmeHandlePsToCsResponseMsg(m) ==
    /\ m.type = "PsToCsResponse" /\ ViaMme
    /\ LET u == m.ue IN
       IF m.att = mmeAtt[u] /\ mmeState[u] = "Preparing"
       THEN /\ mmeState' = [mmeState EXCEPT ![u] = IF m.ok THEN "Done" ELSE "Idle"]
            /\ Reply(m, {Answer("ForwardRelocationResponse", u, m.att, m.ok, m.alg)})
       ELSE /\ Consume(m) /\ UNCHANGED mmeState
    /\ UNCHANGED <<featureVars, ueVars, amfVars, mmeKsi, mmeAtt, mscVars, gnbState, ul, dl, radio, histVars>>

MmeHandleRelocationCancelMsg(m) ==
    /\ m.type = "RelocationCancel"
    /\ LET u == m.ue IN
       IF m.att = mmeAtt[u] /\ mmeState[u] # "Idle"
       THEN /\ mmeState' = [mmeState EXCEPT ![u] = "Idle"]
            /\ Reply(m, {M("PsToCsCancel", u, m.att)})
       ELSE /\ Consume(m) /\ UNCHANGED mmeState
    /\ UNCHANGED <<featureVars, ueVars, amfVars, mmeKsi, mmeAtt, mscVars, gnbState, ul, dl, radio, histVars>>

MmeHandlePsToCsCompleteMsg(m) ==
    /\ m.type = "PsToCsComplete" /\ ViaMme
    /\ mmeState' = [mmeState EXCEPT ![m.ue] = IF m.att = mmeAtt[m.ue] THEN "Idle" ELSE @]
    /\ Reply(m, {M("ForwardRelocationComplete", m.ue, m.att)})
    /\ UNCHANGED <<featureVars, ueVars, amfVars, mmeKsi, mmeAtt, mscVars, gnbState, ul, dl, radio, histVars>>

MmeRestart ==                      \* a restart loses every UE's handover state (it holds no key)
    /\ FaultAllowed
    /\ \E u \in UEs : mmeState[u] # "Idle"             \* (never so in draft-direct, which has no MME)
    /\ faults' = faults + 1
    /\ mmeState' = [u \in UEs |-> "Idle"]   \* the attempts stay known (* simplification: restart-keeps-attempts *)
    /\ UNCHANGED <<featureVars, ueVars, amfVars, mmeKsi, mmeAtt, mscVars, gnbState, netVars,
                   held, issued, srvccKamfs, reorders, replays, nextKamf>>

-----------------------------------------------------------------------------
(* MSC server *)
MscHandlePsToCsRequestMsg(m) ==
    /\ m.type = "PsToCsRequest"
    /\ LET u == m.ue
           alg == MscSelectAlg(m.session, m.cap)
       IN IF m.att > mscAtt[u] /\ mscState[u] # "Active" /\ alg # NoSel
          THEN /\ mscState' = [mscState EXCEPT ![u] = "Prepared"]
               /\ mscKey' = [mscKey EXCEPT ![u] = m.key]
               /\ mscKsi' = [mscKsi EXCEPT ![u] = m.ksi]
               /\ mscAlg' = [mscAlg EXCEPT ![u] = alg]
               /\ mscSession' = [mscSession EXCEPT ![u] = m.session]
               /\ mscAtt' = [mscAtt EXCEPT ![u] = m.att]
               /\ Reply(m, {Answer("PsToCsResponse", u, m.att, TRUE, alg)})
               /\ held' = IF m.key # None THEN [held EXCEPT !["MSC"] = @ \cup {m.key}] ELSE held
               /\ issued' = IF m.key # None THEN issued \cup {[ue |-> u, att |-> m.att, key |-> m.key]} ELSE issued
          ELSE IF m.att > mscAtt[u] /\ mscState[u] # "Active"       \* no algorithm in common: refuse
          THEN /\ mscAtt' = [mscAtt EXCEPT ![u] = m.att]
               /\ Reply(m, {Answer("PsToCsResponse", u, m.att, FALSE, NoSel)})
               /\ held' = IF m.key # None THEN [held EXCEPT !["MSC"] = @ \cup {m.key}] ELSE held
               /\ UNCHANGED <<mscState, mscKey, mscKsi, mscAlg, mscSession, issued>>
          ELSE /\ Consume(m) /\ UNCHANGED <<featureVars, mscVars, held, issued>>
    /\ UNCHANGED <<featureVars, ueVars, amfVars, mmeVars, gnbState, ul, dl, radio,
                   srvccKamfs, faults, reorders, replays, nextKamf>>

MscRejectPreparationMsg(m) ==
    /\ m.type = "PsToCsRequest" /\ m.att > mscAtt[m.ue] /\ mscState[m.ue] # "Active"
    /\ mscAtt' = [mscAtt EXCEPT ![m.ue] = m.att]
    /\ Reply(m, {Answer("PsToCsResponse", m.ue, m.att, FALSE, NoSel)})
    /\ held' = IF m.key # None THEN [held EXCEPT !["MSC"] = @ \cup {m.key}] ELSE held
    /\ UNCHANGED <<featureVars, ueVars, amfVars, mmeVars, mscState, mscKey, mscKsi, mscAlg, mscSession, gnbState, ul, dl, radio,
                   issued, srvccKamfs, faults, reorders, replays, nextKamf>>

MscDrop(u) ==                      \* what a failure does to the mapped context, by option
    /\ mscState' = [mscState EXCEPT ![u] = "Idle"]
    /\ mscKey' = IF mscDeletesOnFailure THEN [mscKey EXCEPT ![u] = None] ELSE mscKey
    /\ mscKsi' = IF mscDeletesOnFailure /\ MscForgetsKsi THEN [mscKsi EXCEPT ![u] = NoKsi] ELSE mscKsi
    /\ mscAlg' = IF mscDeletesOnFailure THEN [mscAlg EXCEPT ![u] = NoSel] ELSE mscAlg
    /\ mscSession' = IF mscDeletesOnFailure THEN [mscSession EXCEPT ![u] = "none"] ELSE mscSession

MscHandlePsToCsCancelMsg(m) ==
    /\ m.type = "PsToCsCancel"
    /\ IF m.att = mscAtt[m.ue] /\ mscState[m.ue] = "Prepared"
       THEN MscDrop(m.ue) ELSE UNCHANGED <<featureVars, mscState, mscKey, mscKsi, mscAlg, mscSession>>
    /\ Consume(m)
    /\ UNCHANGED <<featureVars, ueVars, amfVars, mmeVars, mscAtt, gnbState, ul, dl, radio, histVars>>

MscTimerExpiry(u) ==               \* the UE did not arrive in time
    /\ mscState[u] = "Prepared"
    /\ MscDrop(u)
    /\ UNCHANGED <<featureVars, ueVars, amfVars, mmeVars, mscAtt, gnbState, netVars, histVars>>

MscHandleHandoverCompleteMsg(m) ==
    /\ m.type = "HandoverComplete"
    /\ IF mscState[m.ue] = "Prepared"
       THEN /\ mscState' = [mscState EXCEPT ![m.ue] = "Active"]
            /\ Reply(m, {M("PsToCsComplete", m.ue, mscAtt[m.ue])})
       ELSE /\ Consume(m) /\ UNCHANGED mscState
    /\ UNCHANGED <<featureVars, ueVars, amfVars, mmeVars, mscKey, mscKsi, mscAlg, mscSession, mscAtt, gnbState, ul, dl, radio, histVars>>

MscHandleCallReleaseMsg(m) ==
    /\ m.type = "CallRelease"
    /\ IF mscState[m.ue] = "Active"
       THEN /\ mscState' = [mscState EXCEPT ![m.ue] = "Idle"]
            /\ mscKey' = [mscKey EXCEPT ![m.ue] = None]
            /\ mscAlg' = [mscAlg EXCEPT ![m.ue] = NoSel]
            /\ mscKsi' = [mscKsi EXCEPT ![m.ue] = NoKsi]
            /\ mscSession' = [mscSession EXCEPT ![m.ue] = "none"]
       ELSE UNCHANGED <<featureVars, mscState, mscKey, mscKsi, mscAlg, mscSession>>
    /\ Consume(m)
    /\ UNCHANGED <<featureVars, ueVars, amfVars, mmeVars, mscAtt, gnbState, ul, dl, radio, histVars>>

MscRestart ==                      \* a restart loses every context (* simplification: restart-keeps-attempts *)
    /\ FaultAllowed
    /\ \E u \in UEs : mscState[u] # "Idle" \/ mscKey[u] # None
    /\ faults' = faults + 1
    /\ mscState' = [u \in UEs |-> "Idle"] /\ mscKey' = [u \in UEs |-> None]
    /\ mscAlg' = [u \in UEs |-> NoSel]
    /\ mscKsi' = [u \in UEs |-> NoKsi] /\ mscSession' = [u \in UEs |-> "none"]
    /\ UNCHANGED <<featureVars, ueVars, amfVars, mmeVars, mscAtt, gnbState, netVars,
                   held, issued, srvccKamfs, reorders, replays, nextKamf>>

-----------------------------------------------------------------------------
(* UE *)
UeHandleHandoverCommand(u) ==      \* estimate the COUNT from its low bits, derive CK/IK
    /\ Head1(u, "HandoverCommandUe") /\ Pop(u)
    /\ LET c == UeCount(ueDl[u], Head(dl[u]).lsb) IN
       IF /\ ueState[u] = "Connected5G" /\ c <= MaxNasCount /\ ~(ueRejectsUsedCount /\ c \in ueUsed[u])
          /\ UeCanExecute(u, Head(dl[u]).alg)                 \* else it fails (* simplification: timer-recovery *)
       THEN /\ ueState' = [ueState EXCEPT ![u] = "HoCommanded"]
            /\ IF Head(dl[u]).ksi # NoKsi
               THEN /\ ueKey' = [ueKey EXCEPT ![u] = UeCk(ueKamf[u], c)]
                    /\ ueKsi' = [ueKsi EXCEPT ![u] = KsiOf(ueKamf[u])]
                    /\ ueUsed' = [ueUsed EXCEPT ![u] = @ \cup {c}]
                    /\ ueDerivs' = [ueDerivs EXCEPT ![u] = @ + 1]
                    /\ ueDl' = [ueDl EXCEPT ![u] = IF ueStoresEstimate THEN UeStoredCount(@, c) ELSE @]
               ELSE /\ ueKsi' = [ueKsi EXCEPT ![u] = NoKsi]      \* no key available: nothing to derive
                    /\ UNCHANGED <<ueKey, ueUsed, ueDerivs, ueDl>>
       ELSE UNCHANGED <<featureVars, ueState, ueKey, ueKsi, ueUsed, ueDerivs, ueDl>>
    /\ UNCHANGED <<featureVars, ul, ueKamf, ueSession, amfVars, mmeVars, mscVars, gnbState, msgs, radio, histVars>>

UeArriveUtran(u) ==                \* tunes to UTRAN, prepared target or not (* simplification: ue-arrives-unprepared *)
    /\ ueState[u] = "HoCommanded"
    /\ ueState' = [ueState EXCEPT ![u] = "InUtranCall"]
    /\ srvccKamfs' = [srvccKamfs EXCEPT ![u] = @ \cup {ueKamf[u]}]
    /\ Send(M("HandoverComplete", u, 0))
    /\ UNCHANGED <<featureVars, ueKamf, ueDl, ueUsed, ueDerivs, ueKey, ueKsi, ueSession, amfVars, mmeVars, mscVars,
                   gnbState, ul, dl, radio, held, issued, faults, reorders, replays, nextKamf>>

UeReturnTo5G(u) ==                 \* never reaches UTRAN: back on NR, the gNB cancels
    /\ ueState[u] = "HoCommanded"
    /\ ueState' = [ueState EXCEPT ![u] = "Connected5G"]
    /\ ueKey' = [ueKey EXCEPT ![u] = IF UeForgetsKeysOnReturn THEN None ELSE @]
    /\ gnbState' = [gnbState EXCEPT ![u] = "Cancelling"]
    /\ PushUp(u, M("HandoverCancel", u, 0))
    /\ UNCHANGED <<featureVars, ueKamf, ueDl, ueUsed, ueDerivs, ueKsi, ueSession, amfVars, mmeVars, mscVars,
                   msgs, dl, radio, histVars>>

UeHandleDownlinkNas(u) ==
    /\ Head1(u, "DownlinkNasTransport") /\ Pop(u)
    /\ ueDl' = [ueDl EXCEPT ![u] = IF Head(dl[u]).count > @ THEN Head(dl[u]).count ELSE @]
    /\ UNCHANGED <<featureVars, ul, ueState, ueKamf, ueUsed, ueDerivs, ueKey, ueKsi, ueSession, amfVars, mmeVars,
                   mscVars, gnbState, msgs, radio, histVars>>

(* A run of DL NAS messages in one step: an abstraction that lets the model reach COUNTs past the  *)
(* 2^countLsbBits window without a state per message. The queue must be empty, so no order changes. *)
UeReceiveNasRun(u) ==              \* Mod - 1 DL NAS messages, all received (* simplification: nas-run-abstraction *)
    /\ NasRunReceivedAllowed(u)
    /\ amfState[u] = "Idle" /\ amfKamf[u] # 0 /\ dl[u] = <<>>
    /\ amfDl' = [amfDl EXCEPT ![u] = @ + Mod - 1]
    /\ ueDl' = [ueDl EXCEPT ![u] = IF amfDl[u] + Mod - 2 > @ THEN amfDl[u] + Mod - 2 ELSE @]
    /\ UNCHANGED <<featureVars, ul, ueState, ueKamf, ueUsed, ueDerivs, ueKey, ueKsi, ueSession, amfState, amfKamf, amfUsed,
                   amfDerivs, amfAtt, amfCount, mmeVars, mscVars, gnbState, netVars, histVars>>

UeMissNasRun(u) ==                 \* the AMF sends Mod DL NAS messages and the UE misses them all
    /\ NasRunMissedAllowed(u)
    /\ amfState[u] = "Idle" /\ amfKamf[u] # 0 /\ dl[u] = <<>>
    /\ amfDl' = [amfDl EXCEPT ![u] = @ + Mod]
    /\ UNCHANGED <<featureVars, ul, ueVars, amfState, amfKamf, amfUsed, amfDerivs, amfAtt, amfCount, mmeVars, mscVars,
                   gnbState, netVars, histVars>>

UeMissDownlinkNas(u) ==            \* never received: the UE's stored COUNT falls behind the AMF's
    /\ Head1(u, "DownlinkNasTransport") /\ Pop(u)
    /\ UNCHANGED <<featureVars, ul, ueVars, amfVars, mmeVars, mscVars, gnbState, msgs, radio, histVars>>

UeEndCall(u) ==
    /\ ueState[u] = "InUtranCall"
    /\ ueState' = [ueState EXCEPT ![u] = "NeedsReauth"]
    /\ ueKey' = [ueKey EXCEPT ![u] = None]
    /\ Send(M("CallRelease", u, 0))
    /\ UNCHANGED <<featureVars, ueKamf, ueDl, ueUsed, ueDerivs, ueKsi, ueSession, amfVars, mmeVars, mscVars,
                   gnbState, ul, dl, radio, histVars>>

UeAuthenticate(u) ==               \* primary authentication on NR: a new KAMF for UE and AMF
    /\ AuthenticationAllowed
    /\ ueState[u] = "NeedsReauth" /\ amfState[u] \in {"Idle", "Released"} /\ u \notin NoContextUEs   \* no SIM: no authentication
    /\ ueState' = [ueState EXCEPT ![u] = "Connected5G"]
    /\ ueKamf' = [ueKamf EXCEPT ![u] = nextKamf] /\ amfKamf' = [amfKamf EXCEPT ![u] = nextKamf]
    /\ ueDl' = [ueDl EXCEPT ![u] = 0] /\ amfDl' = [amfDl EXCEPT ![u] = 0] /\ amfUl' = [amfUl EXCEPT ![u] = 0]
    /\ ueUsed' = [ueUsed EXCEPT ![u] = {}] /\ amfUsed' = [amfUsed EXCEPT ![u] = {}]
    /\ ueDerivs' = [ueDerivs EXCEPT ![u] = 0] /\ amfDerivs' = [amfDerivs EXCEPT ![u] = 0]
    /\ ueSession' = [ueSession EXCEPT ![u] = SessionAfterReauth(@)]
    /\ amfState' = [amfState EXCEPT ![u] = "Idle"]
    /\ gnbState' = [gnbState EXCEPT ![u] = "Idle"]
    /\ nextKamf' = nextKamf + 1
    /\ UNCHANGED <<epsKeys, capVars, ueKey, ueKsi, amfAtt, amfCount, mmeVars, mscVars, netVars,
                   held, issued, srvccKamfs, faults, reorders, replays>>

ReverseSrvccOutcome(u) == UNCHANGED vars   \* the network refuses: nothing changes (a mutant's point)
UeRequestReverseSrvcc(u) ==        \* SRVCC from UTRAN back to 5G
    /\ ueState[u] = "InUtranCall"
    /\ ReverseSrvccOutcome(u)

UeSkipReauth(u) == FALSE           \* back on 5G after the call without a new authentication: no such step (a mutant's point)

-----------------------------------------------------------------------------
(* The AMF's other uses of KAMF: K'ASME for an MME of the EPS (TS 33.501 A.14). With them, a     *)
(* collision of an SRVCC key with a K'ASME is a state TLC can reach, not a list of banned FCs.    *)
AmfPrepareEpsHandover(u) ==        \* N26 handover to EPS prepared (A.14.2, DL COUNT), then not carried out
    /\ EpsHandoverAllowed(u)
    /\ amfState[u] = "Idle" /\ amfKamf[u] # 0 /\ ueState[u] = "Connected5G"
    /\ epsKeys' = epsKeys \cup {Kdf(Kamf(amfKamf[u]), "0x74", amfDl[u])}
    /\ amfUsed' = [amfUsed EXCEPT ![u] = @ \cup {amfDl[u]}]
    /\ amfDerivs' = [amfDerivs EXCEPT ![u] = @ + 1]
    /\ amfDl' = [amfDl EXCEPT ![u] = @ + 1]   \* TS 33.501 8.3.2 step 2: the DL NAS COUNT is incremented by one
    /\ UNCHANGED <<amfUl, capVars, ueVars, amfState, amfKamf, amfAtt, amfCount, mmeVars, mscVars, gnbState,
                   netVars, histVars>>

AmfTransferEpsContext(u) ==        \* idle mobility to EPS: the TAU's UL NAS COUNT keys K'ASME (A.14.1)
    /\ EpsTransferAllowed(u)
    /\ amfState[u] = "Idle" /\ amfKamf[u] # 0 /\ ueState[u] = "Connected5G"
    /\ epsKeys' = epsKeys \cup {Kdf(Kamf(amfKamf[u]), "0x73", amfUl[u])}
    /\ amfUl' = [amfUl EXCEPT ![u] = @ + 1]
    /\ UNCHANGED <<capVars, ueVars, amfVars, mmeVars, mscVars, gnbState, netVars, histVars>>

-----------------------------------------------------------------------------
(* Network faults and the radio attacker *)
NetLoseMsg(m) ==
    /\ faults' = faults + 1 /\ Consume(m)
    /\ UNCHANGED <<featureVars, ueVars, amfVars, mmeVars, mscVars, gnbState, ul, dl, radio,
                   held, issued, srvccKamfs, reorders, replays, nextKamf>>

NetDuplicateMsg(m) ==
    /\ m.copy = 1 /\ [m EXCEPT !.copy = 2] \notin msgs
    /\ faults' = faults + 1 /\ Send([m EXCEPT !.copy = 2])
    /\ UNCHANGED <<featureVars, ueVars, amfVars, mmeVars, mscVars, gnbState, ul, dl, radio,
                   held, issued, srvccKamfs, reorders, replays, nextKamf>>

NetLoseDownlink(u) ==              \* a downlink message is lost (e.g. radio link failure)
    /\ FaultAllowed
    /\ dl[u] # <<>> /\ faults' = faults + 1
    /\ \E i \in 1..Len(dl[u]) :
          dl' = [dl EXCEPT ![u] = [j \in 1..Len(@) - 1 |-> IF j < i THEN @[j] ELSE @[j + 1]]]
    /\ UNCHANGED <<featureVars, ueVars, amfVars, mmeVars, mscVars, gnbState, msgs, ul, radio,
                   held, issued, srvccKamfs, reorders, replays, nextKamf>>

NetReorderDownlink(u) ==           \* two neighbours on the downlink swap (never in the standard)
    /\ ReorderAllowed
    /\ Len(dl[u]) >= 2 /\ reorders' = reorders + 1
    /\ \E i \in 1..Len(dl[u]) - 1 :
          dl' = [dl EXCEPT ![u] = [j \in 1..Len(@) |-> IF j = i THEN @[i + 1]
                                                       ELSE IF j = i + 1 THEN @[i] ELSE @[j]]]
    /\ UNCHANGED <<featureVars, ul, ueVars, amfVars, mmeVars, mscVars, gnbState, msgs, radio,
                   held, issued, srvccKamfs, faults, replays, nextKamf>>

AttackerReplay(u) ==               \* re-sends a HandoverCommandUe it has seen on the radio
    /\ ReplayAllowed
    /\ replays' = replays + 1
    /\ \E r \in radio : r.ue = u /\ Push(u, [r EXCEPT !.copy = 3])
    /\ UNCHANGED <<featureVars, ul, ueVars, amfVars, mmeVars, mscVars, gnbState, msgs, radio,
                   held, issued, srvccKamfs, faults, reorders, nextKamf>>

(* The capability attacker: rewrites what it can on the links in TamperedLinks. Core links (N2,  *)
(* N26, Sv) are protected by NDS/IP in a real network; the attacker stands for that protection   *)
(* being absent or a node on the path being compromised.                                          *)
LinkOf(m) == IF m.type = "ForwardRelocationRequest" THEN "N26" ELSE "Sv"

AttackerRewriteCapability(u) ==    \* rewrites the UE security capability (* reading: sv-capability *) (* simplification: no-nds-ip *)
    /\ TamperAllowed
    /\ tampers' = tampers + 1
    /\ \E m \in msgs : /\ m.ue = u /\ m.type \in KeyedTypes /\ LinkOf(m) \in TamperedLinks
                      /\ ~(LinkOf(m) = "Sv" /\ ViaMme)   \* TS 29.280's PS to CS Request has no capability to rewrite
                      /\ \E c \in SUBSET CapAlgs : c # m.cap /\ msgs' = (msgs \ {m}) \cup {[m EXCEPT !.cap = c]}
    /\ UNCHANGED <<epsVars, amfSrvccCap, gnbSrvccPossible, ueVars, amfVars, mmeVars, mscVars, gnbState,
                   ul, dl, radio, histVars>>

AttackerRewriteSrvccIndication(u) ==   \* strips or forges "5G-SRVCC operation possible" on NGAP
    /\ TamperAllowed
    /\ "N2" \in TamperedLinks /\ tampers' = tampers + 1
    /\ gnbSrvccPossible' = [gnbSrvccPossible EXCEPT ![u] = ~@]
    /\ UNCHANGED <<epsVars, amfSrvccCap, ueVars, amfVars, mmeVars, mscVars, gnbState, netVars, histVars>>

AttackerForgeRegistration(u) ==    \* rewrites the 5G-SRVCC capability in a Registration Request
    /\ TamperAllowed
    /\ "Uu" \in TamperedLinks /\ tampers' = tampers + 1
    /\ ueKamf[u] = 0                \* only without NAS security: a protected request fails its MAC check
    /\ amfSrvccCap' = [amfSrvccCap EXCEPT ![u] = ~@]
    /\ gnbSrvccPossible' = [gnbSrvccPossible EXCEPT ![u] = amfSrvccCap'[u]]   \* the AMF tells the gNB
    /\ UNCHANGED <<epsVars, ueVars, amfVars, mmeVars, mscVars, gnbState, netVars, histVars>>

-----------------------------------------------------------------------------
(* One action per handler and UE, so that TLC and the Java traces name each step alike. *)
AmfHandleResponse(u) == \E m \in msgs : m.ue = u /\ AmfHandleResponseMsg(m)
AmfHandleComplete(u) == \E m \in msgs : m.ue = u /\ AmfHandleCompleteMsg(m)
MmeHandleForwardRelocationRequest(u) == \E m \in msgs : m.ue = u /\ MmeHandleForwardRelocationRequestMsg(m)
MmeRejectPreparation(u) == \E m \in msgs : m.ue = u /\ MmeRejectPreparationMsg(m)
MmeHandlePsToCsResponse(u) == \E m \in msgs : m.ue = u /\ MmeHandlePsToCsResponseMsg(m)
MmeHandleRelocationCancel(u) == \E m \in msgs : m.ue = u /\ MmeHandleRelocationCancelMsg(m)
MmeHandlePsToCsComplete(u) == \E m \in msgs : m.ue = u /\ MmeHandlePsToCsCompleteMsg(m)
MscHandlePsToCsRequest(u) == \E m \in msgs : m.ue = u /\ MscHandlePsToCsRequestMsg(m)
MscRejectPreparation(u) == \E m \in msgs : m.ue = u /\ MscRejectPreparationMsg(m)
MscHandlePsToCsCancel(u) == \E m \in msgs : m.ue = u /\ MscHandlePsToCsCancelMsg(m)
MscHandleHandoverComplete(u) == \E m \in msgs : m.ue = u /\ MscHandleHandoverCompleteMsg(m)
MscHandleCallRelease(u) == \E m \in msgs : m.ue = u /\ MscHandleCallReleaseMsg(m)
NetLose(u) == FaultAllowed /\ \E m \in msgs : m.ue = u /\ NetLoseMsg(m)
NetDuplicate(u) == FaultAllowed /\ \E m \in msgs : m.ue = u /\ NetDuplicateMsg(m)

(* Steps that move the procedure on; fairness is asked of these only (of the handlers alone in the *)
(* models that check liveness without timers).                                                  *)
Handlers(u) ==
    \/ GnbForwardHandoverCommand(u) \/ GnbHandlePreparationFailure(u) \/ GnbHandleCancelAcknowledge(u)
    \/ AmfStartSrvcc(u) \/ AmfHandleResponse(u) \/ AmfHandleHandoverCancel(u) \/ AmfHandleComplete(u)
    \/ MmeHandleForwardRelocationRequest(u) \/ MmeHandlePsToCsResponse(u)
    \/ MmeHandleRelocationCancel(u) \/ MmeHandlePsToCsComplete(u)
    \/ MscHandlePsToCsRequest(u) \/ MscHandlePsToCsCancel(u) \/ MscHandleHandoverComplete(u)
    \/ MscHandleCallRelease(u) \/ UeHandleHandoverCommand(u) \/ UeHandleDownlinkNas(u) \/ UeArriveUtran(u)
Progress(u) == Handlers(u) \/ AmfTimerExpiry(u) \/ MscTimerExpiry(u)

(* Steps the environment chooses: new handovers, rejections, losses, the attacker. *)
Environment(u) ==
    \/ GnbSendHandoverRequired(u) \/ GnbCancel(u) \/ AmfSendDownlinkNas(u)
    \/ MmeRejectPreparation(u) \/ MscRejectPreparation(u)
    \/ UeMissDownlinkNas(u) \/ UeReturnTo5G(u) \/ UeEndCall(u) \/ UeAuthenticate(u)
    \/ UeSkipReauth(u) \/ UeRequestReverseSrvcc(u) \/ UeReceiveNasRun(u) \/ UeMissNasRun(u)
    \/ AmfPrepareEpsHandover(u) \/ AmfTransferEpsContext(u)
    \/ NetLose(u) \/ NetDuplicate(u) \/ NetLoseDownlink(u) \/ NetReorderDownlink(u) \/ AttackerReplay(u)
    \/ AttackerRewriteCapability(u) \/ AttackerRewriteSrvccIndication(u) \/ AttackerForgeRegistration(u)

Next == (\E u \in UEs : Progress(u) \/ Environment(u)) \/ MscRestart \/ MmeRestart

Spec == Init /\ [][Next]_vars
LiveSpec == Spec /\ \A u \in UEs : WF_vars(Progress(u))


-----------------------------------------------------------------------------
(* Invariants: the properties of section 5 of the digest, same names as in Java *)
AttackerKnows == UNION {held[p] : p \in Compromised}                   (* simplification: passive-compromise *)

(* Each invariant is the conjunction of named parts, so that TLC names the part it finds      *)
(* violated; every part has a model in the manifest in which it fails (ModelChecksTest).      *)
InHandover == {"Prepared", "Active"}                                   \* the MSC holds a context

KamfNotInMessages == \A m \in msgs : "key" \in DOMAIN m => m.key.kind # "kamf"
KamfNotHeldOutsideAmf == \A p \in Places : held[p] \cap KamfKeys = {}
KamfUnknownToAttacker == \A k \in AttackerKnows : k.kind # "kamf"   \* forward-only KDF: known only if held
KamfConfinement == KamfNotInMessages /\ KamfNotHeldOutsideAmf /\ KamfUnknownToAttacker

InCipheredCall(u) == ueState[u] = "InUtranCall" /\ mscState[u] = "Active" /\ mscAlg[u] # NullSel   \* keys in use: UEA or at least UIA
CallKeysAgree == \A u \in UEs : InCipheredCall(u) => ueKey[u] = mscKey[u]
CallKsiAgrees == \A u \in UEs : InCipheredCall(u) => ueKsi[u] = mscKsi[u]
KeyAgreement == CallKeysAgree /\ CallKsiAgrees

MscKeysOnlyInHandover == \A u \in UEs : mscKey[u] # None => mscState[u] \in InHandover
MscKsiOnlyInHandover == \A u \in UEs : mscKsi[u] # NoKsi => mscState[u] \in InHandover
UeKeysOnlyInHandover == \A u \in UEs : ueKey[u] # None => ueState[u] \in {"HoCommanded", "InUtranCall"}
FailureLeavesNoUsableContext == MscKeysOnlyInHandover /\ MscKsiOnlyInHandover /\ UeKeysOnlyInHandover

ContextKeysNeverRepeat == \A a, b \in issued : a.key = b.key => a.ue = b.ue /\ a.att = b.att
KeyFreshness == ContextKeysNeverRepeat

SrvccKeys == {a.key : a \in issued} \cup UNION {held[p] : p \in Places}   \* every key the SRVCC side saw
SrvccKeysNotEpsKeys ==                                                 \* none is a K'ASME an EPS MME got
    LET seen == SrvccKeys IN \A k \in epsKeys : k \notin seen       \* gathered only if there is an EPS key
KeySeparation == SrvccKeysNotEpsKeys                                   \* TS 33.501 J.1.2 step 2 (own FC 0x7D), A.14, A.21

(* The project's own hygiene, stated by no clause: the draft's step 4 and NOTE allow K'ASME taken as *)
(* CK || IK. Kept apart so that no verdict of the standard rests on it.                              *)
ContextKeysNotMmeInput ==                                              \* CK||IK is not the MME's key (* reading: split-key *)
    \A a \in issued : a.key.kind = "kdf" /\ ViaMme => a.key.key.kind # "kamf"
ProjectKeyHygiene == ContextKeysNotMmeInput

MappedKsiNamesAContext == \A u \in UEs : mscState[u] \in InHandover /\ mscKey[u] # None => mscKsi[u] # NoKsi
NothingKeyedFromNoKsi ==                                               \* KSI 7 ("no key available") names no key
    /\ \A m \in msgs : m.type \in KeyedTypes /\ m.ksi = NoKsi => m.key = None
    /\ \A u \in UEs : /\ mscKsi[u] = NoKsi => mscKey[u] = None
                     /\ ueKsi[u] = NoKsi => ueKey[u] = None
MappedKsiIsNgKsi ==
    \A u \in UEs : mscState[u] \in InHandover /\ mscKsi[u] # NoKsi => mscKsi[u] = KsiOf(Root(mscKey[u]).id)
SentKsiIsNgKsi ==                                                      \* J.1.2 steps 3, 5: as sent on N26 and Sv
    \A m \in msgs : m.type \in KeyedTypes /\ m.key # None => m.ksi = KsiOf(Root(m.key).id)
KsiMapping == MappedKsiNamesAContext /\ MappedKsiIsNgKsi /\ SentKsiIsNgKsi /\ NothingKeyedFromNoKsi

AmfNeverReusesCount == \A u \in UEs : Cardinality(amfUsed[u]) = amfDerivs[u]
UeNeverReusesCount == \A u \in UEs : Cardinality(ueUsed[u]) = ueDerivs[u]
AmfCountPastUsed == \A u \in UEs : \A c \in amfUsed[u] : c < amfDl[u]      \* moved past every used COUNT
(* An action property: the UE's stored COUNT never goes back while its KAMF stays (TS 33.401 14.1). *)
UeCountMonotonicStep == \A u \in UEs : ueKamf'[u] = ueKamf[u] => ueDl'[u] >= ueDl[u]
UeCountMonotonic == [][UeCountMonotonicStep]_vars
(* An action property: the AMF's DL NAS COUNT never goes back under one KAMF (TS 24.501 4.4.3.1: each *)
(* downlink NAS message increases it by one; a new KAMF starts a new 5G NAS security context).      *)
AmfCountMonotonicStep == \A u \in UEs : amfKamf'[u] = amfKamf[u] => amfDl'[u] >= amfDl[u]
AmfCountMonotonic == [][AmfCountMonotonicStep]_vars
CountMonotonic == AmfNeverReusesCount /\ UeNeverReusesCount /\ AmfCountPastUsed /\ UeCountMonotonic /\ AmfCountMonotonic

(* An action property: a UE in a CS call on UTRAN stays there until the call ends. *)
NoReverseSrvccStep == \A u \in UEs : ueState[u] = "InUtranCall" => ueState'[u] \in {"InUtranCall", "NeedsReauth"}
NoReverseSrvcc == [][NoReverseSrvccStep]_vars

ReauthBeforeReturn == \A u \in UEs : ueState[u] = "Connected5G" => ueKamf[u] \notin srvccKamfs[u]

NullOnlyForUnauthEmergency == \A u \in UEs : mscAlg[u] = NullSel => mscSession[u] = "emergencyUnauth"
UnauthEmergencyGetsNull ==                                              \* J.2: no keys to agree on
    \A u \in UEs : mscState[u] \in InHandover /\ mscSession[u] = "emergencyUnauth" => mscAlg[u] = NullSel
UnauthOnlyWithoutKamf ==                                                \* a UE that shares a KAMF is not treated as unauthenticated
    \A u \in UEs : ueSession[u] = "emergencyUnauth" => ueKamf[u] = 0
NullAlgorithmsOnlyWhenUnauthenticated == NullOnlyForUnauthEmergency /\ UnauthEmergencyGetsNull /\ UnauthOnlyWithoutKamf

(* The algorithms the MSC selected from the UE security capability it received (J.1.2 steps 3, 5). *)
UsesKeys(a) == a \notin {NoSel, NullSel}                                    \* a selection that uses IK (and CK unless UEA0)
AlgorithmUeSupports ==
    \A u \in UEs : UsesKeys(mscAlg[u]) => mscAlg[u].uea \in {"uea0"} \cup UeCap(u) /\ mscAlg[u].uia \in UeCap(u)
NoBiddingDown ==                                                         \* what the MSC picks from the true capability
    \A u \in UEs : UsesKeys(mscAlg[u]) => mscAlg[u] = Best(UeCap(u))
AlgorithmSelection == AlgorithmUeSupports /\ NoBiddingDown

(* TR 33.856 key issue 3: SRVCC is prepared only for a UE that has the 5G-SRVCC capability. *)
SrvccOnlyForCapableUe == \A u \in SrvccIncapableUEs : amfAtt[u] = 0
SrvccCapabilityHonoured == SrvccOnlyForCapableUe

CkIkSecrecy ==            \* the keys of a running CS call are unknown to the attacker
    \A u \in UEs : mscState[u] = "Active" /\ mscAlg[u] # NullSel => ~Derivable(mscKey[u], AttackerKnows)

(* Refinement: Srvcc implements SrvccKeys under this mapping. *)
AbsNetKey == [u \in UEs |-> IF mscState[u] \in {"Prepared", "Active"} THEN mscKey[u] ELSE None]
AbsInCall == [u \in UEs |-> ueState[u] = "InUtranCall" /\ mscState[u] = "Active" /\ UsesKeys(mscAlg[u])]
AbsSpent == {i.key : i \in issued}
AbsKamfHolders == {"AMF", "UE"} \cup {p \in Places : \E k \in held[p] : k.kind = "kamf"}
                  \cup (IF \E m \in msgs : "key" \in DOMAIN m /\ m.key.kind = "kamf" THEN {"wire"} ELSE {})
Keys == INSTANCE SrvccKeys WITH netKey <- AbsNetKey, inCall <- AbsInCall, spent <- AbsSpent,
                                kamfHolders <- AbsKamfHolders
RefinesSrvccKeys == Keys!Spec

(* Temporal: a started handover ends, and a prepared MSC context does not linger. *)
HandoverEventuallyResolves ==
    \A u \in UEs : /\ (amfState[u] \in {"Preparing", "Commanded"}) ~> (amfState[u] \in {"Idle", "Released"})
                   /\ (mscState[u] = "Prepared") ~> (mscState[u] # "Prepared")
=============================================================================

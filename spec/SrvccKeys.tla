------------------------------ MODULE SrvccKeys ------------------------------
(***************************************************************************)
(* What SRVCC from 5G to UTRAN must achieve, stated without messages: the  *)
(* abstract spec that Srvcc refines (as TwoPhase refines TCommit). Per UE, *)
(* the network holds a mapped CS context or none, the UE holds CS keys or  *)
(* none, and a ciphered call runs only on equal keys. A context key is     *)
(* never issued twice, and KAMF is known to the AMF and the UE only.       *)
(***************************************************************************)
CONSTANTS UEs, None

VARIABLES netKey,      \* [UEs -> key or None]: the mapped context at the MSC
          ueKey,       \* [UEs -> key or None]: CK_SRVCC||IK_SRVCC at the UE
          inCall,      \* [UEs -> BOOLEAN]: a ciphered CS call is running
          spent,       \* every key ever issued to a mapped context
          kamfHolders  \* who knows KAMF
vars == <<netKey, ueKey, inCall, spent, kamfHolders>>

Init == /\ netKey = [u \in UEs |-> None] /\ ueKey = [u \in UEs |-> None]
        /\ inCall = [u \in UEs |-> FALSE] /\ spent = {} /\ kamfHolders = {"AMF", "UE"}

Others(f, u) == \A v \in UEs \ {u} : f'[v] = f[v]      \* the other UEs are untouched

MapContext(u) ==       \* a fresh context, never a key issued before
    /\ ~inCall[u] /\ netKey'[u] # None /\ netKey'[u] \notin spent /\ Others(netKey, u)
    /\ spent' = spent \cup {netKey'[u]}
    /\ UNCHANGED <<ueKey, inCall, kamfHolders>>

DropContext(u) ==      \* failure, cancel, timer or release: the context is gone
    /\ ~inCall[u] /\ netKey' = [netKey EXCEPT ![u] = None]
    /\ UNCHANGED <<ueKey, inCall, spent, kamfHolders>>

UeKeys(u) ==           \* the UE derives CS keys or forgets them, outside a call
    /\ ~inCall[u] /\ Others(ueKey, u)
    /\ UNCHANGED <<netKey, inCall, spent, kamfHolders>>

Connect(u) ==          \* the call starts only when both sides hold the same keys
    /\ ~inCall[u] /\ netKey[u] # None /\ netKey[u] = ueKey[u]
    /\ inCall' = [inCall EXCEPT ![u] = TRUE]
    /\ UNCHANGED <<netKey, ueKey, spent, kamfHolders>>

Hangup(u) ==           \* the call ends; either side may drop its keys with it
    /\ inCall[u] /\ inCall' = [inCall EXCEPT ![u] = FALSE]
    /\ netKey'[u] \in {netKey[u], None} /\ ueKey'[u] \in {ueKey[u], None}
    /\ Others(netKey, u) /\ Others(ueKey, u)
    /\ UNCHANGED <<spent, kamfHolders>>

NetworkRestart ==      \* every context lost at once
    /\ netKey' = [u \in UEs |-> None] /\ inCall' = [u \in UEs |-> FALSE]
    /\ UNCHANGED <<ueKey, spent, kamfHolders>>

Next == (\E u \in UEs : MapContext(u) \/ DropContext(u) \/ UeKeys(u) \/ Connect(u) \/ Hangup(u)) \/ NetworkRestart

Spec == Init /\ [][Next]_vars

Confinement == kamfHolders = {"AMF", "UE"}
Agreement == \A u \in UEs : inCall[u] => netKey[u] = ueKey[u]
=============================================================================

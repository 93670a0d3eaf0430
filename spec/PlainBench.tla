----------------------------- MODULE PlainBench -----------------------------
(***************************************************************************)
(* A plain spec for ./srvcc bench-tlc: three counters and a set, nothing   *)
(* else, sized by K so that its distinct states match a project model's.   *)
(* TLC's throughput on it is the yardstick for the project's operators.    *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets
CONSTANT K
VARIABLES x, y, z, s
vars == <<x, y, z, s>>

Init == x = 0 /\ y = 0 /\ z = 0 /\ s = {}
IncX == x' = (x + 1) % (K + 1) /\ UNCHANGED <<y, z, s>>
IncY == y' = (y + 1) % (K + 1) /\ UNCHANGED <<x, z, s>>
IncZ == z' = (z + x) % (K + 1) /\ UNCHANGED <<x, y, s>>
Flip == (\E i \in 1..4 : s' = (IF i \in s THEN s \ {i} ELSE s \cup {i})) /\ UNCHANGED <<x, y, z>>
Next == IncX \/ IncY \/ IncZ \/ Flip
Spec == Init /\ [][Next]_vars

TypeOK == x \in 0..K /\ y \in 0..K /\ z \in 0..K /\ s \subseteq 1..4
=============================================================================

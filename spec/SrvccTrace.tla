------------------------------ MODULE SrvccTrace ------------------------------
(***************************************************************************)
(* Trace validation: TLC decides whether runs of the Java implementation    *)
(* are behaviours of Srvcc. TraceData (generated per check) defines Traces: *)
(* a sequence of runs, each a sequence of [action, ue, state] records: the *)
(* first state gives every variable, later ones what the step changed. A run the *)
(* model cannot follow ends in a deadlock at the last step it could take.   *)
(***************************************************************************)
EXTENDS TraceState, TraceData

VARIABLES tr, step   \* which run, and how far into it
traceVars == <<vars, tr, step>>

(* TraceState (generated from the mapping table of org.srvcc.model.Mapping and Java's action     *)
(* list) EXTENDS MC and defines IsState(s), every variable as reported, BecomesState(s), the      *)
(* changed ones, and TraceAction(a, u), the action named a.                                       *)

TraceInit == tr \in DOMAIN Traces /\ step = 1 /\ IsState(Traces[tr][1].state) /\ Init

TraceNext ==
    \/ /\ step < Len(Traces[tr])
       /\ tr' = tr /\ step' = step + 1
       /\ BecomesState(Traces[tr][step + 1].state)
       /\ TraceAction(Traces[tr][step + 1].action, Traces[tr][step + 1].ue)
    \/ step = Len(Traces[tr]) /\ UNCHANGED traceVars     \* accepted: rest here

TraceSpec == TraceInit /\ [][TraceNext]_traceVars
=============================================================================

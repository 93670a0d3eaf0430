--------------------------------- MODULE MC ---------------------------------
(* The module every model checks; each MC<Name>.cfg sets the constants.     *)
EXTENDS Srvcc
=============================================================================

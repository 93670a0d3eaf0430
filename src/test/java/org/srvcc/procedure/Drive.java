package org.srvcc.procedure;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.srvcc.mutants.Mutants;

/** Drives a Srvcc through named steps for the node tests: one UE, small budgets, asserts each step enabled. */
final class Drive {
    private Drive() {}

    static final Bounds B = Bounds.of(1).attempts(2).count(5).kamf(2).faults(1);

    static Srvcc start(Profile p, Options o, Set<Place> compromised) {
        return new Srvcc(p, o, Mutants.of(o), B, Set.of(), Set.of(), compromised, Capabilities.NONE, 1, null);
    }

    static Srvcc start(Bounds b) {
        return new Srvcc(Profile.TS33501, Options.STANDARD, b, Set.of(), Set.of(), Set.<Place>of(), 1);
    }

    static void step(Srvcc s, Action a) {
        assertTrue(s.enabled().contains(new Step(a, 1, 0)), a + " is not enabled; enabled: " + s.enabled());
        s.apply(new Step(a, 1, 0));
    }

    static boolean enabled(Srvcc s, Action a) {
        return s.enabled().stream().anyMatch(x -> x.action() == a);
    }

    static final List<Action> TO_CALL = List.of(
            Action.GnbSendHandoverRequired,
            Action.AmfStartSrvcc,
            Action.MmeHandleForwardRelocationRequest,
            Action.MscHandlePsToCsRequest,
            Action.MmeHandlePsToCsResponse,
            Action.AmfHandleResponse,
            Action.GnbForwardHandoverCommand,
            Action.UeHandleHandoverCommand,
            Action.UeArriveUtran,
            Action.MscHandleHandoverComplete,
            Action.MmeHandlePsToCsComplete,
            Action.AmfHandleComplete);
}

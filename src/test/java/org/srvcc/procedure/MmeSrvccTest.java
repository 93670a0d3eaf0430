package org.srvcc.procedure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.srvcc.procedure.Drive.*;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The MME_SRVCC node: a duplicated request handled once, the node idle again after the call is set up, and a restart
 * that loses the preparation.
 */
class MmeSrvccTest {
    @Test
    void aDuplicatedForwardRelocationRequestIsHandledOnceAndNotRejectedLater() {
        Srvcc s = start(Profile.TS33501, Options.STANDARD, Set.of());
        step(s, Action.GnbSendHandoverRequired);
        step(s, Action.AmfStartSrvcc);
        step(s, Action.NetDuplicate);
        assertEquals(
                2,
                s.network().inFlight(1, Message.Type.ForwardRelocationRequest).size());
        s.apply(new Step(Action.MmeHandleForwardRelocationRequest, 1, 0));
        assertEquals(1, s.network().inFlight(1, Message.Type.PsToCsRequest).size());
        assertEquals(MmeSrvcc.State.Preparing, s.mme(1).state());
        // the copy: taken, but no second PS to CS Request, and no rejection of an accepted attempt
        assertFalse(enabled(s, Action.MmeRejectPreparation), "MmeRejectPreparation of the accepted attempt's copy");
        s.apply(new Step(Action.MmeHandleForwardRelocationRequest, 1, 0));
        assertEquals(List.of(), s.network().lastSent(), "the duplicate made the MME send");
        assertEquals(1, s.network().inFlight(1, Message.Type.PsToCsRequest).size());
        assertEquals(1, s.mme(1).att());
    }

    @Test
    void theMmeIsIdleAgainOnceTheCallIsEstablished() {
        Srvcc s = start(Profile.TS33501, Options.STANDARD, Set.of());
        for (Action a : TO_CALL) step(s, a);
        assertEquals(MmeSrvcc.State.Idle, s.mme(1).state());
        assertEquals(MscServer.State.Active, s.msc(1).state());
        assertEquals(List.of(), Invariants.violated(s));
    }

    @Test
    void aRestartLosesThePreparationAndTheMscsAnswerGoesNowhere() {
        Srvcc s = start(Bounds.of(1).attempts(1).count(2).kamf(1).faults(1));
        assertFalse(enabled(s, Action.MmeRestart), "nothing to lose while the MME is idle");
        for (Action a : TO_CALL.subList(0, 4)) step(s, a); // the MSC answered; the MME is still Preparing
        assertEquals(MmeSrvcc.State.Preparing, s.mme(1).state());
        s.apply(new Step(Action.MmeRestart, 0, 0)); // a restart is no UE's step
        assertEquals(1, s.network().faults());
        assertEquals(MmeSrvcc.State.Idle, s.mme(1).state());
        assertEquals(1, s.mme(1).att(), "the attempt number survives the restart, as the MSC's does");
        assertFalse(enabled(s, Action.MmeRestart), "the fault budget (1) is spent");
        step(s, Action.MmeHandlePsToCsResponse);
        assertEquals(List.of(), s.network().lastSent(), "the answer of a lost preparation is not forwarded");
        assertEquals(MscServer.State.Prepared, s.msc(1).state(), "the MSC's context waits for its timer");
        assertTrue(enabled(s, Action.MscTimerExpiry));
        step(s, Action.MscTimerExpiry);
        assertEquals(List.of(), Invariants.violated(s));
    }
}

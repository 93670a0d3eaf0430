package org.srvcc.procedure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.srvcc.procedure.Drive.*;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The MSC server node: a duplicated SRVCC PS to CS Request after acceptance. */
class MscServerTest {
    @Test
    void aDuplicatedPsToCsRequestIsNotRejectedAfterAcceptance() {
        Srvcc s = start(Profile.TS33501, Options.STANDARD, Set.of());
        for (Action a : TO_CALL.subList(0, 3)) step(s, a);
        step(s, Action.NetDuplicate);
        step(s, Action.MscHandlePsToCsRequest);
        assertEquals(MscServer.State.Prepared, s.msc(1).state());
        assertFalse(enabled(s, Action.MscRejectPreparation), "MscRejectPreparation of the accepted attempt's copy");
    }
}

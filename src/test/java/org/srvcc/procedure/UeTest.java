package org.srvcc.procedure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.srvcc.procedure.Drive.*;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The UE node: a second call after authentication, and runs of DL NAS messages moving its stored COUNT. */
class UeTest {
    @Test
    void anUnauthenticatedUeThatAuthenticatesGetsACipheredSecondCall() {
        Srvcc s = new Srvcc(Profile.TS33501, Options.STANDARD, B, Set.of(), Set.of(1), Set.<Place>of(), 1);
        for (Action a : TO_CALL) step(s, a);
        assertEquals(Selection.NULL, s.msc(1).alg());
        step(s, Action.UeEndCall);
        step(s, Action.MscHandleCallRelease);
        step(s, Action.UeAuthenticate);
        assertEquals(Session.NORMAL, s.ue(1).session());
        for (Action a : TO_CALL) step(s, a);
        assertEquals(Session.NORMAL, s.msc(1).session(), "the AMF told the MSC a normal session");
        assertEquals(new Selection("uea2", "uia2"), s.msc(1).alg());
        assertEquals(List.of(), Invariants.violated(s));
    }

    @Test
    void runsOfNasMessagesMoveTheCountsByAWindow() {
        // 4 LSBs: a received run is 15 messages (COUNT 0..14), a missed run 16 (COUNT 0..15)
        Bounds b = Bounds.of(1).attempts(1).count(2).kamf(1).nasRuns(true, true);
        Srvcc s = start(b);
        step(s, Action.UeReceiveNasRun);
        assertEquals(15, s.amf(1).dl());
        assertEquals(14, s.ue(1).dl(), "the UE stores the last COUNT it received");
        assertFalse(s.enabled().contains(new Step(Action.UeMissNasRun, 1, 0)), "no second run once the window is used");
        Srvcc m = start(b);
        step(m, Action.UeMissNasRun);
        assertEquals(16, m.amf(1).dl());
        assertEquals(0, m.ue(1).dl(), "a missed run leaves the UE's COUNT behind");
    }
}

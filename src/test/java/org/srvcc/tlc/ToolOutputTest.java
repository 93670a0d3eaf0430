package org.srvcc.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading the reports of MCOnce.tla from TLC's -tool output. */
class ToolOutputTest {
    private static String msg(int code, int severity, String body) {
        return "@!@!@STARTMSG " + code + ":" + severity + " @!@!@\n" + body + "\n@!@!@ENDMSG " + code + " @!@!@\n";
    }

    private static String state(int n, String action, int x) {
        return msg(2217, 4, n + ": <" + action + ">\n/\\ x = " + x + "\n");
    }

    @Test
    void eachReportTakesThePartsPrintedBeforeItAndTheTraceAfterIt() {
        String raw = msg(2190, 0, "Finished computing initial states")
                + "<<\"OnceViolated\", \"TypeOK\">>\n<<\"OnceViolated\", \"SentKsiIsNgKsi\">>\n"
                + msg(2110, 1, "Invariant OnceTypeOK is violated.")
                + msg(2121, 1, "The behavior up to this point is:")
                + state(1, "Initial predicate", 0)
                + state(2, "AmfStartSrvcc line 3, col 1 to line 4, col 2 of module Srvcc", 1)
                + msg(2200, 0, "Progress(3) at ...")
                + "<<\"OnceViolated\", \"AmfCountMonotonic\">>\n"
                + msg(2112, 1, "Action property OnceAmfCountMonotonic is violated.")
                + msg(2121, 1, "The behavior up to this point is:")
                + state(1, "Initial predicate", 0)
                + msg(2193, 0, "Model checking completed. No error has been found.");
        List<ToolOutput.OnceViolation> v = new ToolOutput(raw).onceViolations();
        assertEquals(2, v.size());
        assertEquals(List.of("TypeOK", "SentKsiIsNgKsi"), v.get(0).parts());
        assertEquals(
                List.of("Init", "AmfStartSrvcc"),
                v.get(0).trace().stream().map(ToolOutput.TraceState::action).toList());
        assertEquals(List.of("AmfCountMonotonic"), v.get(1).parts());
        assertEquals(1, v.get(1).trace().size());
    }

    @Test
    void aReportWithoutPrintedPartsIsRefused() {
        String raw = msg(2110, 1, "Invariant OnceTypeOK is violated.") + state(1, "Initial predicate", 0);
        assertThrows(IllegalStateException.class, () -> new ToolOutput(raw).onceViolations());
    }

    /** MCFired.tla's lines count between TLC's messages and after the last; inside a message they are its text. */
    @Test
    void firedActionsAreThePrintedLinesOutsideMessages() {
        String raw = "<<\"Fired\", \"GnbSendHandoverRequired\">>\n"
                + msg(2190, 0, "Finished computing initial states")
                + "<<\"Fired\", \"AmfStartSrvcc\">>\n<<\"Fired\", \"AmfStartSrvcc\">>\n"
                + msg(2217, 4, "2: <AmfStartSrvcc>\n<<\"Fired\", \"UeEndCall\">>\n")
                + msg(2193, 0, "Model checking completed. No error has been found.")
                + "<<\"Fired\", \"UeArriveUtran\">>\n<<\"Fired\", \"UeReturnTo5G\"";
        assertEquals(Set.of("GnbSendHandoverRequired", "AmfStartSrvcc", "UeArriveUtran"), new ToolOutput(raw).fired());
    }
}

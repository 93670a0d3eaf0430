package org.srvcc.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.srvcc.Tlc;

/** How the runner watches a TLC child: a hang and the ceiling stop it, slowness does not. */
class TlcRunnerTest {
    /** A run that stops printing is stopped as a hang; one that keeps printing runs past the stall window. */
    @Test
    @Tlc
    void onlyAHangOrTheCeilingStopsARun() throws Exception {
        // the three runs mostly sleep, so they are watched side by side
        List<TlcRunner.Run> runs = InOrder.map(
                List.of(
                        new Watch("echo started; sleep 60", 600, 2),
                        new Watch("for i in 1 2 3 4 5; do echo $i; sleep 1; done", 600, 2),
                        new Watch("while true; do echo x; sleep 0.2; done", 3, 60)),
                w -> TlcRunner.await(
                        new ProcessBuilder("sh", "-c", w.script()).start(),
                        null,
                        w.ceiling(),
                        w.stall(),
                        System.nanoTime()));
        TlcRunner.Run hung = runs.get(0), slow = runs.get(1), capped = runs.get(2);
        assertEquals("stopped: no progress for 2 s", hung.stopped());
        assertTrue(hung.seconds() < 30, hung.seconds() + " s");
        assertEquals(null, slow.stopped(), "progress every second: never a hang");
        assertEquals(0, slow.exitCode());
        assertTrue(slow.seconds() > 4, "it ran past the 2 s stall window: " + slow.seconds());
        assertEquals("stopped at the ceiling of 3 s", capped.stopped());
        assertEquals(-1, capped.exitCode());
    }

    /** A shell script whose output the runner watches, with its ceiling and stall window in seconds. */
    private record Watch(String script, long ceiling, long stall) {}
}

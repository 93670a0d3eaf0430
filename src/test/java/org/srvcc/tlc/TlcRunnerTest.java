package org.srvcc.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.srvcc.Tlc;

/** How the runner watches a TLC child: a hang and the ceiling stop it, slowness does not. */
class TlcRunnerTest {
    /** A run that stops printing is stopped as a hang; one that keeps printing runs past the stall window. */
    @Test
    @Tlc
    void onlyAHangOrTheCeilingStopsARun() throws Exception {
        Process silent = new ProcessBuilder("sh", "-c", "echo started; sleep 60").start();
        TlcRunner.Run hung = TlcRunner.await(silent, null, 600, 2, System.nanoTime());
        assertEquals("stopped: no progress for 2 s", hung.stopped());
        assertTrue(hung.seconds() < 30, hung.seconds() + " s");
        Process talking = new ProcessBuilder("sh", "-c", "for i in 1 2 3 4 5; do echo $i; sleep 1; done").start();
        TlcRunner.Run slow = TlcRunner.await(talking, null, 600, 2, System.nanoTime());
        assertEquals(null, slow.stopped(), "progress every second: never a hang");
        assertEquals(0, slow.exitCode());
        assertTrue(slow.seconds() > 4, "it ran past the 2 s stall window: " + slow.seconds());
        Process endless = new ProcessBuilder("sh", "-c", "while true; do echo x; sleep 0.2; done").start();
        TlcRunner.Run capped = TlcRunner.await(endless, null, 3, 60, System.nanoTime());
        assertEquals("stopped at the ceiling of 3 s", capped.stopped());
        assertEquals(-1, capped.exitCode());
    }
}

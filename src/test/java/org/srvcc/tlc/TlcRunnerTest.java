package org.srvcc.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.srvcc.Tlc;

/** How the runner watches a TLC child: a hang and the ceiling stop it, slowness does not. */
class TlcRunnerTest {
    /** A run that stops printing is stopped as a hang; one that keeps printing runs past the stall window. */
    @Test
    @Tlc
    void onlyAHangOrTheCeilingStopsARun() throws Exception {
        // the three runs mostly sleep, so they are watched at the same time
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<TlcRunner.Run> hungRun = pool.submit(() -> TlcRunner.await(
                    new ProcessBuilder("sh", "-c", "echo started; sleep 60").start(), null, 600, 2, System.nanoTime()));
            Future<TlcRunner.Run> slowRun = pool.submit(() -> TlcRunner.await(
                    new ProcessBuilder("sh", "-c", "for i in 1 2 3 4 5; do echo $i; sleep 1; done").start(),
                    null,
                    600,
                    2,
                    System.nanoTime()));
            Future<TlcRunner.Run> cappedRun = pool.submit(() -> TlcRunner.await(
                    new ProcessBuilder("sh", "-c", "while true; do echo x; sleep 0.2; done").start(),
                    null,
                    3,
                    60,
                    System.nanoTime()));
            TlcRunner.Run hung = hungRun.get();
            assertEquals("stopped: no progress for 2 s", hung.stopped());
            assertTrue(hung.seconds() < 30, hung.seconds() + " s");
            TlcRunner.Run slow = slowRun.get();
            assertEquals(null, slow.stopped(), "progress every second: never a hang");
            assertEquals(0, slow.exitCode());
            assertTrue(slow.seconds() > 4, "it ran past the 2 s stall window: " + slow.seconds());
            TlcRunner.Run capped = cappedRun.get();
            assertEquals("stopped at the ceiling of 3 s", capped.stopped());
            assertEquals(-1, capped.exitCode());
        } finally {
            pool.shutdownNow();
        }
    }
}

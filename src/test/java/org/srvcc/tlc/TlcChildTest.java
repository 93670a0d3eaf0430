package org.srvcc.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/**
 * A JVM that exits waits up to 300 ms for each thread blocked in native code, so the TLC child's RMI
 * accept loop must wait in Java; and a local model check opens no port beyond loopback.
 */
class TlcChildTest {
    @Test
    void rmiServerSocketIsLoopbackAndItsAcceptWaitsInJava() throws Exception {
        try (ServerSocket s = new TlcChild.LoopbackOnly().createServerSocket(0)) {
            assertTrue(
                    s.getInetAddress().isLoopbackAddress(), s.getInetAddress().toString());
            Thread acceptor = new Thread(() -> {
                try {
                    s.accept();
                } catch (IOException e) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            for (int i = 0; i < 500 && acceptor.getState() != Thread.State.TIMED_WAITING; i++) Thread.sleep(10);
            // RUNNABLE here would be a thread inside accept(2): native, the state HotSpot's exit waits for
            assertEquals(Thread.State.TIMED_WAITING, acceptor.getState());
        }
    }

    @Test
    void theChildMakesNoRmiCalls() {
        assertThrows(IOException.class, () -> new TlcChild.LoopbackOnly().createSocket("localhost", 1099));
    }
}

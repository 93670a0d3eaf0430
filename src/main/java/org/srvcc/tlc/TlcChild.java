package org.srvcc.tlc;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.rmi.server.RMISocketFactory;
import java.util.concurrent.locks.LockSupport;

/**
 * The main class of a TLC child JVM: TLC itself, plus a watch on the parent. The parent holds the write
 * end of the child's standard input and never writes to it; when the parent dies, however it dies
 * (SIGKILL included), the pipe closes, the read returns end-of-file, and the child exits at once. TLC
 * does not read standard input, so the watch takes nothing from it. No other class of the project is
 * loaded here: the child's class path is TLC's jar and this class.
 *
 * <p>A JVM that exits waits up to 300 ms for any thread blocked in native code (HotSpot's {@code
 * VM_Exit}), and a TLC child had two: the watch's read, and the accept loop of the RMI server that TLC's
 * fingerprint set exports itself to. So the watch reads through an interruptible channel that a shutdown
 * hook closes, and RMI gets a loopback server socket that waits in Java instead of in {@code accept}:
 * nothing connects to a local model check, and no port is opened on any other interface.
 */
public final class TlcChild {
    private TlcChild() {}

    public static void main(String[] args) throws Exception {
        RMISocketFactory.setSocketFactory(new LoopbackOnly());
        FileChannel in = new FileInputStream(FileDescriptor.in).getChannel();
        Thread watch = new Thread(
                () -> {
                    try {
                        ByteBuffer b = ByteBuffer.allocate(64);
                        while (in.read(b) >= 0) b.clear(); // nothing is ever written: ends only at end-of-file
                    } catch (ClosedChannelException e) {
                        return; // closed by the shutdown hook: TLC is exiting by itself
                    } catch (IOException e) {
                        // a broken pipe is the parent's death too
                    }
                    Runtime.getRuntime().halt(143);
                },
                "parent-watch");
        watch.setDaemon(true);
        watch.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            watch.interrupt(); // closes the channel and wakes the read
            try {
                watch.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        tlc2.TLC.main(args);
    }

    /** RMI's sockets for a JVM that serves no one: bound to loopback, and an accept that never returns. */
    static final class LoopbackOnly extends RMISocketFactory {
        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            return new ServerSocket(port, 1, InetAddress.getLoopbackAddress()) {
                @Override
                public Socket accept() throws IOException {
                    while (!isClosed()) LockSupport.parkNanos(1_000_000_000L);
                    throw new IOException("closed");
                }
            };
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            throw new IOException("a TLC child makes no RMI calls");
        }
    }
}

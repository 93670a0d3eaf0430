package org.srvcc.tlc;

import java.io.IOException;

/**
 * The main class of a TLC child JVM: TLC itself, plus a watch on the parent. The parent holds the write
 * end of the child's standard input and never writes to it; when the parent dies, however it dies
 * (SIGKILL included), the pipe closes, the read returns end-of-file, and the child exits at once. TLC
 * does not read standard input, so the watch takes nothing from it. No other class of the project is
 * loaded here: the child's class path is TLC's jar and this class.
 */
public final class TlcChild {
    private TlcChild() {}

    public static void main(String[] args) throws Exception {
        Thread watch = new Thread(
                () -> {
                    try {
                        while (System.in.read() >= 0) {} // nothing is ever written: this returns only at end-of-file
                    } catch (IOException e) {
                        // a broken pipe is the parent's death too
                    }
                    Runtime.getRuntime().halt(143);
                },
                "parent-watch");
        watch.setDaemon(true);
        watch.start();
        tlc2.TLC.main(args);
    }
}

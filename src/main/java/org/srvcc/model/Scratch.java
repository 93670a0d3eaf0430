package org.srvcc.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * TLC child processes and their scratch folders, ended and removed however the run ends: by
 * {@link #close} in a finally block, or by a shutdown hook when the JVM is stopped (SIGTERM,
 * Ctrl-C), so a killed {@code ./srvcc check} leaves no TLC JVM and no target/ folder behind.
 */
public final class Scratch {
    private static final Set<Process> PROCESSES = ConcurrentHashMap.newKeySet();
    private static final Set<Path> DIRS = ConcurrentHashMap.newKeySet();
    /** Set when the shutdown hook starts: the main thread runs on meanwhile and must start nothing new. */
    private static boolean closing;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Scratch::cleanUp, "srvcc-cleanup"));
    }

    private Scratch() {}

    /**
     * A new empty folder under {@code base} that is removed at close or shutdown. It names its owner (this
     * JVM's pid), so the first run after a SIGKILL, which runs no hook, removes what the killed run left.
     */
    static synchronized Path dir(Path base) throws IOException {
        if (closing) throw new IOException("shutting down: no new scratch folder");
        sweep(base);   // a listing of a few folders: cheap enough to do for every run
        Path d = base.resolve(UUID.randomUUID().toString());
        Files.createDirectories(d);
        Files.writeString(d.resolve(OWNER), String.valueOf(ProcessHandle.current().pid()));
        DIRS.add(d);
        return d;
    }

    static final String OWNER = "owner.pid";

    /** Removes the folders under {@code base} whose owner process is gone. */
    static void sweep(Path base) throws IOException {
        if (!Files.isDirectory(base)) return;
        try (var dirs = Files.list(base)) {
            for (Path d : dirs.toList()) {
                Path owner = d.resolve(OWNER);
                long pid;
                try {
                    pid = Long.parseLong(Files.readString(owner).strip());
                } catch (IOException | NumberFormatException e) {
                    continue;   // not a folder this tool made, or one still being made: left alone
                }
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) continue;
                deleteTree(d);
            }
        }
    }

    static synchronized void track(Process p) {
        if (closing) {   // started while the hook was already cleaning up: end it at once
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            return;
        }
        PROCESSES.add(p);
    }

    static void untrack(Process p) {
        PROCESSES.remove(p);
    }

    /** Removes the folder now (unless SRVCC_KEEP_TLC asks to keep it for debugging). */
    static void close(Path d) {
        DIRS.remove(d);
        if (System.getenv("SRVCC_KEEP_TLC") == null) deleteTree(d);
    }

    /** Ends every child process (with its descendants) and removes every folder still registered. */
    public static void cleanUp() {
        synchronized (Scratch.class) {
            closing = true;   // from here on dir() and track() start nothing; what they made before is in the sets
        }
        for (Process p : PROCESSES) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (Process p : PROCESSES) {
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        PROCESSES.clear();
        for (Path d : DIRS) deleteTree(d);
        DIRS.clear();
    }

    static void deleteTree(Path p) {
        if (!Files.exists(p)) return;
        try (var walk = Files.walk(p)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // best effort: what is left is under target/
        }
    }
}

package org.srvcc.files;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
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
    private static final Set<Path> FILES = ConcurrentHashMap.newKeySet();
    /** Set when the shutdown hook starts: the main thread runs on meanwhile and must start nothing new. */
    private static boolean closing;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Scratch::cleanUp, "srvcc-cleanup"));
    }

    private Scratch() {}

    /** The folders under target/ that hold scratch folders; every run sweeps all of them, whichever it uses. */
    static final List<String> BASES = List.of("tlc", "trace-validation", "model-replay", "spec-mutants");

    /** Registers the shutdown hook now, so a signal never meets this class half-initialised. */
    public static void init() {
        // the static initialiser has run by the time this body runs
    }

    /** A signal came: from now on no new child or folder is started, and the CLI's output falls silent. */
    public static synchronized void stop() {
        closing = true;
    }

    /** True once the JVM is shutting down (a signal): output and new work stop. */
    public static synchronized boolean stopping() {
        return closing;
    }

    /**
     * A new empty folder under {@code base} that is removed at close or shutdown. It names its owner (this
     * JVM's pid), so the first run after a SIGKILL, which runs no hook, removes what the killed run left.
     */
    public static synchronized Path dir(Path base) throws IOException {
        if (closing) throw new IOException("shutting down: no new scratch folder");
        for (String b : BASES) sweep(base.resolveSibling(b)); // a listing of a few folders: cheap for every run
        Path d = base.resolve(UUID.randomUUID().toString());
        Files.createDirectories(d);
        Files.writeString(
                d.resolve(OWNER), String.valueOf(ProcessHandle.current().pid()));
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
                    continue; // not a folder this tool made, or one still being made: left alone
                }
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) continue;
                deleteTree(d);
            }
        }
    }

    public static synchronized void track(Process p) {
        if (closing) { // started while the hook was already cleaning up: end it at once
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            return;
        }
        PROCESSES.add(p);
    }

    public static void untrack(Process p) {
        PROCESSES.remove(p);
    }

    /**
     * Removes the folder now (unless SRVCC_KEEP_TLC asks to keep it for debugging). It stays registered
     * until it is gone: a signal's hook that finishes first must still find it, or the JVM could halt with
     * the folder half-removed.
     */
    public static void close(Path d) {
        if (System.getenv("SRVCC_KEEP_TLC") == null) deleteTree(d);
        DIRS.remove(d);
    }

    /** Ends every child process (with its descendants) and removes every folder still registered. */
    public static void cleanUp() {
        synchronized (Scratch.class) {
            closing = true; // from here on dir() and track() start nothing; what they made before is in the sets
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
        for (Path f : FILES) quietDelete(f);
        FILES.clear();
    }

    /**
     * A new empty {@code .part} file for an atomic write, removed if the run stops between its writing and its rename.
     * Made and registered under the same lock the shutdown hook takes, so a part file is either swept by the hook or
     * never made: none appears after the sweep.
     */
    public static synchronized Path partFile(Path dir, String prefix) throws IOException {
        if (closing) throw new IOException("shutting down: no new output file");
        Path f = Files.createTempFile(dir, prefix, ".part");
        FILES.add(f);
        return f;
    }

    public static void untrackFile(Path f) {
        FILES.remove(f);
    }

    /**
     * Removes a folder, tolerating a second remover at the same time (the shutdown hook and the
     * main thread's finally block); its owner.pid goes last, so a folder left half-removed by a
     * SIGKILL is still recognised and swept by the next run.
     */
    static void deleteTree(Path p) {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) return;
        try {
            Files.walkFileTree(p, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
                    if (!f.equals(p.resolve(OWNER))) quietDelete(f);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    return FileVisitResult.CONTINUE; // removed meanwhile by the other remover
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) {
                    if (d.equals(p)) quietDelete(p.resolve(OWNER));
                    quietDelete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // best effort: what is left is under target/ and names its dead owner
        }
    }

    private static void quietDelete(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException ignored) {
            // a folder the other remover is still emptying: that remover deletes it
        }
    }
}

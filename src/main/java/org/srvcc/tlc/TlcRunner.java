package org.srvcc.tlc;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.srvcc.files.Scratch;

/** Runs TLC in a fresh child JVM (TLC keeps global state and stray threads) and parses its -tool output. */
public final class TlcRunner {
    /** {@code cached}: read from a {@link TlcCache}, not run now. */
    /** One TLC run; {@code stopped} says why the runner stopped it (no progress, ceiling), null if TLC ended. */
    public record Run(
            int exitCode,
            ToolOutput output,
            String raw,
            double seconds,
            boolean cached,
            String stopped,
            Map<Integer, Double> marks) {
        /** Seconds from the child's start to the first message with this TLC code (NaN if none, or cached). */
        public double at(int code) {
            return marks.getOrDefault(code, Double.NaN);
        }
    }

    private final Path home;
    private final TlcCache cache;

    public TlcRunner(Path home) {
        this(home, null);
    }

    /** With a cache, a run whose inputs are unchanged is answered from it. */
    public TlcRunner(Path home, TlcCache cache) {
        this.home = home;
        this.cache = cache;
    }

    public static String tlcJar() {
        return locationOf(tlc2.TLC.class);
    }

    /** The jar or class folder a class is loaded from. */
    private static String locationOf(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate " + c.getName(), e);
        }
    }

    /**
     * Checks {@code module} (a .tla in {@code dir}) with the given configuration text. The spec/
     * folder is on TLA-Library so MC modules can EXTEND Srvcc.
     */
    public Run run(
            Path dir,
            String module,
            String cfgText,
            List<String> extraArgs,
            int workers,
            long timeoutSeconds,
            Consumer<String> progress)
            throws IOException, InterruptedException {
        return run(dir, module, cfgText, extraArgs, workers, timeoutSeconds, progress, false);
    }

    /** Where {@link TlcChild} is loaded from: target/classes or the srvcc jar. */
    static String ownClasses() {
        return locationOf(TlcChild.class);
    }

    /** As above; with {@code checkDeadlock} a state without successors is an error (trace validation). */
    public Run run(
            Path dir,
            String module,
            String cfgText,
            List<String> extraArgs,
            int workers,
            long timeoutSeconds,
            Consumer<String> progress,
            boolean checkDeadlock)
            throws IOException, InterruptedException {
        return run(dir, module, cfgText, extraArgs, workers, timeoutSeconds, progress, checkDeadlock, false);
    }

    /** {@code small}: up to about 200,000 generated states, where C2's compile threads cost more CPU than they save. */
    public Run run(
            Path dir,
            String module,
            String cfgText,
            List<String> extraArgs,
            int workers,
            long timeoutSeconds,
            Consumer<String> progress,
            boolean checkDeadlock,
            boolean small)
            throws IOException, InterruptedException {
        if ("off"
                .equals(System.getProperty(
                        "srvcc.tlc"))) // the build's fast tier: a test that needs TLC is tagged "tlc"
        throw new IllegalStateException(
                    "TLC is off in this run (srvcc.tlc=off): a test that checks models is tagged \"tlc\"");
        List<String> args = new ArrayList<>(extraArgs);
        if (checkDeadlock) args.add("(deadlock checked)");
        String key = cache == null ? null : TlcCache.key(home, dir, module, cfgText, args, workers);
        if (key != null) {
            var hit = cache.get(key);
            if (hit.isPresent()) return hit.get();
        }
        Path work = Scratch.dir(home.resolve("target/tlc"));
        try {
            Run r = runIn(
                    work, dir, module, cfgText, extraArgs, workers, timeoutSeconds, progress, checkDeadlock, small);
            if (key != null) cache.put(key, r);
            return r;
        } finally {
            Scratch.close(work);
        }
    }

    private Run runIn(
            Path work,
            Path dir,
            String module,
            String cfgText,
            List<String> extraArgs,
            int workers,
            long timeoutSeconds,
            Consumer<String> progress,
            boolean checkDeadlock,
            boolean small)
            throws IOException, InterruptedException {
        Path cfg = work.resolve("MC.cfg");
        // TLC unpacks its standard modules (Naturals.tla, ...) into java.io.tmpdir; two TLC JVMs
        // sharing /tmp race on those files, so every run gets its own.
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        Files.writeString(cfg, cfgText);
        Path cds = home.resolve("target/tlc-cds");
        String cp = TlcArchive.classPath(cds);
        TlcArchive.Use archive = TlcArchive.use(cds, cp, work);
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseParallelGC",
                "-Xss16m",
                "-Djava.io.tmpdir=" + tmp,
                "-DTLA-Library=" + home.resolve("spec") + File.pathSeparator + home.resolve("model-checks")));
        if (small) cmd.add("-XX:TieredStopAtLevel=1"); // C1 only
        cmd.addAll(archive.options());
        cmd.addAll(List.of("-cp", cp, TlcChild.class.getName(), "-nowarning", "-tool"));
        if (!checkDeadlock) cmd.add("-deadlock");
        cmd.addAll(List.of(
                "-workers",
                String.valueOf(workers),
                "-metadir",
                work.resolve("states").toString(),
                "-config",
                cfg.toString()));
        cmd.addAll(extraArgs);
        cmd.add(module);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        long t0 = System.nanoTime();
        Process p = pb.start();
        Scratch.track(p);
        Run r = null;
        try {
            r = await(p, progress, timeoutSeconds, STALL_SECONDS, t0);
            return r;
        } finally {
            if (p.isAlive()) p.destroyForcibly();
            Scratch.untrack(p);
            archive.done(r == null ? -1 : r.exitCode());
        }
    }

    /**
     * TLC reports its progress at least once a minute; a run that has printed nothing for this long
     * has stopped making progress (a hang), however much of its ceiling is left.
     */
    static final long STALL_SECONDS = 300;

    private static final String MSG = "@!@!@STARTMSG ";

    /** When each phase began (the fixed cost's breakdown): the first time each message code appears. */
    private static void mark(Map<Integer, Double> marks, String line, double seconds) {
        if (!line.startsWith(MSG)) return;
        int colon = line.indexOf(':', MSG.length());
        if (colon < 0) return;
        try {
            marks.putIfAbsent(Integer.parseInt(line.substring(MSG.length(), colon)), seconds);
        } catch (NumberFormatException ignored) {
            // not a message header after all
        }
    }

    /**
     * Waits for TLC. A run that still makes progress is never stopped for being slow: only one silent
     * for {@code stallSeconds}, or one past {@code ceilingSeconds} (a ceiling against hangs, far
     * above any budget), is stopped, and its result says which.
     */
    static Run await(Process p, Consumer<String> progress, long ceilingSeconds, long stallSeconds, long t0)
            throws InterruptedException {
        StringBuilder out = new StringBuilder();
        AtomicLong lastLine = new AtomicLong(System.nanoTime());
        Map<Integer, Double> marks = new ConcurrentHashMap<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader r =
                            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                        String line;
                        boolean inProgress = false;
                        while ((line = r.readLine()) != null) {
                            long now = System.nanoTime();
                            lastLine.set(now);
                            mark(marks, line, (now - t0) / 1e9);
                            synchronized (out) {
                                out.append(line).append('\n');
                            }
                            if (line.startsWith("@!@!@STARTMSG 2200:")) inProgress = true;
                            else if (inProgress) {
                                if (progress != null && !line.startsWith("@!@!@")) progress.accept(line.strip());
                                inProgress = false;
                            }
                        }
                    } catch (IOException ignored) {
                        // the process ended; what was read is kept
                    }
                },
                "tlc-output");
        reader.start();
        String stopped = null;
        while (!p.waitFor(1, TimeUnit.SECONDS)) {
            long now = System.nanoTime();
            if (now - lastLine.get() > TimeUnit.SECONDS.toNanos(stallSeconds))
                stopped = "stopped: no progress for " + stallSeconds + " s";
            else if (now - t0 > TimeUnit.SECONDS.toNanos(ceilingSeconds))
                stopped = "stopped at the ceiling of " + ceilingSeconds + " s";
            if (stopped != null) {
                p.descendants().forEach(ProcessHandle::destroyForcibly); // they hold the output pipe open too
                p.destroyForcibly();
                p.waitFor();
                break;
            }
        }
        boolean done = stopped == null;
        reader.join();
        double secs = (System.nanoTime() - t0) / 1e9;
        String raw;
        synchronized (out) {
            raw = out.toString();
        }
        return new Run(done ? p.exitValue() : -1, new ToolOutput(raw), raw, secs, false, stopped, Map.copyOf(marks));
    }
}

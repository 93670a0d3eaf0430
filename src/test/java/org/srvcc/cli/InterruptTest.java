package org.srvcc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.srvcc.Tlc;

/**
 * A run stopped by a signal (a user's kill, Ctrl-C, twice in a row, or SIGKILL) leaves no TLC
 * process, no stack trace and, by the next run, no scratch folder or half-written output.
 * Each case starts the CLI in a JVM of its own and signals it once a TLC child is at work.
 */
@Tlc
class InterruptTest {
    static final Path HOME = Path.of("").toAbsolutePath();
    static final List<String> SCRATCH = List.of("tlc", "trace-validation", "model-replay", "spec-mutants");

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "check             | TERM",
                "check             | INT",
                "check             | TERM TERM",
                "check             | INT INT",
                "check             | KILL",
                "check --simulate  | TERM TERM",
                "check --simulate  | INT",
                "report            | TERM",
                "report            | INT INT",
                "report            | KILL",
                "conform           | TERM TERM",
                "conform           | INT",
                "conform           | KILL",
            })
    void aSignalLeavesNothingBehind(String command, String signals, @TempDir Path out) throws Exception {
        Process p = start(command, out);
        List<ProcessHandle> children = p.descendants().toList();
        assertFalse(owned(p.pid()).isEmpty(), "the command at work has a scratch folder");
        String[] sigs = signals.split(" ");
        for (String s : sigs) {
            new ProcessBuilder("kill", "-" + s, String.valueOf(p.pid())).start().waitFor();
            Thread.sleep(50); // the second signal arrives while the first one's shutdown runs
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), command + " did not stop");
        int expected = switch (sigs[0]) {
            case "INT" -> 130;
            case "TERM" -> 143;
            default -> 137;
        };
        String log = Files.readString(out.resolve("log"));
        assertEquals(expected, p.exitValue(), log);
        assertFalse(
                log.contains("Exception") || log.contains("\tat ") || log.contains("Error"), "a stack trace: " + log);
        assertFalse(
                log.contains("MISMATCH") || log.contains("internal error"),
                "the stopped children reported as failures: " + log);
        if (!sigs[0].equals("KILL"))
            assertTrue(log.strip().endsWith("srvcc: stopped; TLC children ended and scratch folders removed"), log);
        for (ProcessHandle c : children) {
            try { // after SIGKILL no hook runs: the child notices its parent is gone by itself
                c.onExit().get(20, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                c.destroyForcibly();
                fail("TLC child " + c.pid() + " outlived its parent by 20 s");
            }
        }
        List<Path> owned = owned(p.pid());
        // A SIGKILL runs no hook, so the folder stays until the next run sweeps it: this test's run below, or one that
        // a test in another fork started meanwhile (ScratchTest checks the sweep on its own).
        if (sigs[0].equals("KILL") && !owned.isEmpty()) {
            CliTest.Result next = CliTest.run(
                    "check",
                    "--model",
                    "DraftDirectRefinement",
                    "--out",
                    out.resolve("next").toString(),
                    "--quiet",
                    "--no-cache");
            assertEquals(0, next.rc(), next.out() + next.err());
            owned = owned(p.pid());
        }
        assertTrue(owned.isEmpty(), "left behind: " + owned);
        try (Stream<Path> s = Files.walk(out)) {
            List<Path> parts =
                    s.filter(f -> f.getFileName().toString().endsWith(".part")).toList();
            assertTrue(parts.isEmpty(), "half-written outputs: " + parts);
        }
    }

    /** The command in a JVM of its own with SIGINT at its default (a background job may inherit it ignored). */
    static Process start(String command, Path out) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                "env",
                "--default-signal=INT",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "org.srvcc.cli.Main"));
        cmd.addAll(List.of(command.split(" ")));
        switch (command) {
            case "check" ->
                cmd.addAll(List.of(
                        "--model", "Ts33501ThreeUes", "--out", out.resolve("o").toString(), "--no-cache"));
            case "check --simulate" -> cmd.addAll(List.of("--model", "Ts33501TwoUes", "--seconds", "60"));
            case "report" -> cmd.addAll(List.of("--out", out.resolve("o").toString(), "--no-cache"));
            default -> {}
        }
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(out.resolve("log").toFile());
        pb.environment().put("SRVCC_HOME", HOME.toString());
        Process p = pb.start();
        // env execs java, so p is the CLI's JVM; its TLC child shows that the command is at work
        for (int i = 0; i < 600 && p.isAlive() && p.descendants().findAny().isEmpty(); i++) Thread.sleep(100);
        assertFalse(
                p.descendants().findAny().isEmpty(), "no TLC child started: " + Files.readString(out.resolve("log")));
        Thread.sleep(250); // the child JVM under way: a signal now meets the CLI with a child to end
        return p;
    }

    /** The scratch folders that name this pid as their owner. */
    static List<Path> owned(long pid) throws IOException {
        List<Path> found = new ArrayList<>();
        for (String base : SCRATCH) {
            Path b = HOME.resolve("target").resolve(base);
            if (!Files.isDirectory(b)) continue;
            try (Stream<Path> s = Files.list(b)) {
                for (Path d : s.toList()) {
                    try {
                        if (Files.readString(d.resolve("owner.pid")).strip().equals(String.valueOf(pid))) found.add(d);
                    } catch (IOException e) {
                        // not a scratch folder, or one removed meanwhile
                    }
                }
            }
        }
        return found;
    }
}

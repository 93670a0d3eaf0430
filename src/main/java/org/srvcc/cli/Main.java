package org.srvcc.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import org.srvcc.files.Scratch;
import org.srvcc.model.Schemas;
import org.srvcc.simulation.Simulation;
import org.srvcc.wire.DecodeException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code ./srvcc}. Bad input: one line on stderr, exit status 2, no stack trace,
 * and no argument value echoed back (a value may be a key). @argument files are not expanded.
 */
@Command(
        name = "srvcc",
        mixinStandardHelpOptions = true,
        version = "srvcc 0.2.0",
        description = "Model and reference implementation of the 3GPP SRVCC from 5G to UTRAN security procedure.",
        subcommands = {
            KdfCommand.class,
            DeriveCommand.class,
            VectorsCommand.class,
            SimulateCommand.class,
            CheckCommand.class,
            ConformCommand.class,
            ReportCommand.class,
            FindingsCommand.class,
            ContributionCommand.class,
            BenchTlcCommand.class,
            WireCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {
    public static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        Scratch.init(); // its shutdown hook is in place before any signal can come
        onSignals();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            if (!Scratch.stopping())
                System.err.println("srvcc: internal error: " + e.getClass().getSimpleName());
        });
        Thread said = new Thread(
                () -> {
                    if (!finished) System.err.println("srvcc: stopped; TLC children ended and scratch folders removed");
                },
                "srvcc-stopped");
        Runtime.getRuntime().addShutdownHook(said);
        int rc = run(args, gated(System.out), gated(System.err));
        finished = true;
        Scratch.cleanUp();
        System.exit(rc);
    }

    /**
     * SIGINT, SIGTERM and SIGHUP first silence the output, then exit with 128 + the signal's number.
     * Without this, Ctrl-C (which reaches the TLC children too) could let the command report their
     * death as a failed check before the shutdown hook runs. A second signal finds the exit under way.
     */
    private static void onSignals() {
        for (String name : List.of("INT", "TERM", "HUP")) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), sig -> {
                    Scratch.stop();
                    System.exit(128 + sig.getNumber());
                });
            } catch (IllegalArgumentException e) {
                // a signal this system does not have, or one the JVM keeps for itself
            }
        }
    }

    /** Set when the command has returned: a shutdown after that is the normal exit, not a signal. */
    private static volatile boolean finished;

    /**
     * A stream that falls silent once a signal has started the shutdown: the command's thread runs on
     * for a moment and would otherwise report the TLC children the cleanup has just ended as failures.
     */
    static PrintWriter gated(OutputStream stream) {
        return new PrintWriter(
                new FilterWriter(new OutputStreamWriter(stream, Charset.defaultCharset())) {
                    @Override
                    public void write(int c) throws IOException {
                        if (!Scratch.stopping()) super.write(c);
                    }

                    @Override
                    public void write(char[] b, int off, int len) throws IOException {
                        if (!Scratch.stopping()) super.write(b, off, len);
                    }

                    @Override
                    public void write(String str, int off, int len) throws IOException {
                        if (!Scratch.stopping()) super.write(str, off, len);
                    }

                    @Override
                    public void flush() throws IOException {
                        if (!Scratch.stopping()) super.flush();
                    }
                },
                true);
    }

    /** Runs the CLI with the given streams; returns the exit status (used by the tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        cl.registerConverter(Integer.class, s -> Args.asciiInt("value", s));
        cl.registerConverter(Integer.TYPE, s -> Args.asciiInt("value", s));
        cl.registerConverter(Long.class, s -> Args.asciiLong("value", s));
        cl.registerConverter(Long.TYPE, s -> Args.asciiLong("value", s));
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("srvcc: " + parameterMessage(ex, a));
            err.flush();
            return EXIT_BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof Schemas.Invalid inv) {
                for (String p : inv.problems) err.println("srvcc: " + noHex(printable(oneLine(p))));
            } else if (ex instanceof DecodeException) {
                err.println("srvcc: not a readable capture: " + printable(oneLine(ex.getMessage())));
            } else if (ex instanceof IllegalArgumentException || ex instanceof UserError) {
                err.println("srvcc: " + noHex(printable(oneLine(ex.getMessage()))));
            } else if (ex instanceof IOException) {
                err.println("srvcc: input/output failed: " + ex.getClass().getSimpleName() + ": "
                        + redact(oneLine(String.valueOf(ex.getMessage())), args));
                err.flush();
                return 1;
            } else {
                err.println("srvcc: internal error: " + ex.getClass().getSimpleName() + ": "
                        + redact(oneLine(String.valueOf(ex.getMessage())), args));
                err.flush();
                return 1;
            }
            err.flush();
            return EXIT_BAD_INPUT;
        });
        int rc = cl.execute(args);
        out.flush();
        err.flush();
        return rc;
    }

    /** The command tree as the CLI runs it (and as docs/cli.md describes it). */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExpandAtFiles(false);
        cl.getSubcommands().get("simulate").getCommandSpec().usageMessage().footer(faultList());
        return cl;
    }

    /** The fault classes of simulate, from the one enum that defines them. */
    static String[] faultList() {
        List<String> l = new ArrayList<>(List.of("", "Faults (--faults, comma-separated, each once):"));
        for (Simulation.Fault f : Simulation.Fault.values()) l.add(String.format("  %-16s %s", f.cli, f.what));
        return l.toArray(String[]::new);
    }

    /** picocli's message, minus any argument value: unknown options by name only, stray arguments counted. */
    static String parameterMessage(CommandLine.ParameterException ex, String[] args) {
        if (ex instanceof CommandLine.UnmatchedArgumentException u) {
            List<String> opts = new ArrayList<>();
            int stray = 0;
            for (String s : u.getUnmatched()) {
                if (s.startsWith("-") && s.length() > 1 && !s.matches("-\\d.*"))
                    opts.add("'" + printable(s.split("=", 2)[0]) + "'");
                else stray++;
            }
            String m =
                    opts.isEmpty() ? "" : "unknown option" + (opts.size() > 1 ? "s " : " ") + String.join(", ", opts);
            if (stray > 0)
                m += (m.isEmpty() ? "" : "; ") + stray + " unexpected argument" + (stray > 1 ? "s" : "")
                        + " (values are not repeated here)";
            return m + " (see --help)";
        }
        return redact(oneLine(ex.getMessage()), args);
    }

    /** Removes from a message every argument value that could be key material, and long hex runs. */
    static String redact(String msg, String[] args) {
        String m = msg;
        for (String a : args) {
            String v = a.contains("=") ? a.substring(a.indexOf('=') + 1) : a;
            if (v.length() >= 8 && !v.startsWith("-")) m = m.replace(v, "<value>");
        }
        return printable(m.replaceAll("[0-9A-Fa-f]{16,}", "<hex>"));
    }

    /** A run of 16 or more hex digits in a message may be key material: it is never repeated. */
    static String noHex(String s) {
        return s.replaceAll("[0-9A-Fa-f]{16,}", "<hex>");
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", "; ").trim();
    }

    static String printable(String s) {
        return Schemas.printable(s, 400);
    }

    /** A problem with what the user asked for, reported as one line with exit status 2. */
    static final class UserError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UserError(String message) {
            super(message, null, false, false);
        }
    }
}

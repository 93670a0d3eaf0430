package org.srvcc.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.srvcc.files.Home;
import org.srvcc.model.Manifest;
import org.srvcc.tlc.TlcRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "bench-tlc",
        mixinStandardHelpOptions = true,
        description = {
            "Compares TLC's throughput on a project model with a plain spec of the same size.",
            "Runs spec/PlainBench.tla (three counters and a set, sized to the model's pinned distinct states) and "
                    + "the model "
                    + "with the same JVM flags and workers, and prints both generated-states-per-second figures and "
                    + "their ratio, over the whole runs and over the search alone (start-up, SANY and initial states "
                    + "left out).",
            "A last line gives the fixed cost of the smallest build model, wall time per phase (CLI start, "
                    + "manifest, TLC JVM start, "
                    + "SANY, initial states, search, TLC exit)."
        })
final class BenchTlcCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--model",
            defaultValue = "Ts33501TwoUes",
            paramLabel = "NAME",
            description = "the project model (default Ts33501TwoUes)")
    String model;

    @Option(
            names = "--workers",
            defaultValue = "1",
            paramLabel = "N",
            description = "TLC workers for both runs, 1..64 (default 1)")
    int workers;

    @Override
    public Integer call() throws Exception {
        double cliStart = ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
        long t0 = System.nanoTime();
        if (workers < 1 || workers > 64) throw new Main.UserError("--workers: " + workers + " is outside 1..64");
        Path home = Home.find();
        Manifest manifest = new Manifest(home);
        double manifestSeconds = (System.nanoTime() - t0) / 1e9;
        Manifest.Model m = manifest.model(model);
        if (m.expectDistinct() <= 0)
            throw new Main.UserError("--model: " + model + " pins no state count to size the plain spec by");
        // (K+1)^3 * 16 distinct states, as close as possible to the model's
        int k = Math.max(1, (int) Math.round(Math.cbrt(m.expectDistinct() / 16.0)) - 1);
        TlcRunner tlc = new TlcRunner(home);
        PrintWriter out = spec.commandLine().getOut();
        TlcRunner.Run plain = tlc.run(
                home.resolve("spec"),
                "PlainBench.tla",
                "SPECIFICATION Spec\nCONSTANTS\n  K = " + k + "\nINVARIANTS\n  TypeOK\n",
                List.of(),
                workers,
                1800,
                null);
        TlcRunner.Run proj = tlc.run(
                home.resolve("model-checks"),
                manifest.module + ".tla",
                m.cfg(m.invariants()),
                List.of(),
                workers,
                1800,
                null);
        if (!plain.output().success())
            throw new IllegalStateException(
                    "PlainBench did not finish: " + plain.output().errors());
        if (proj.output().stats()[0] < 0)
            throw new IllegalStateException(
                    model + " did not finish: " + proj.output().errors());
        double pr = plain.output().stats()[1] / plain.seconds(),
                mr = proj.output().stats()[1] / proj.seconds();
        line(out, "PlainBench K=" + k, plain);
        line(out, model, proj);
        out.printf(
                Locale.ROOT,
                "ratio: the plain spec runs %.1f times faster than %s (%d worker%s, JVM flags alike)%n",
                pr / mr,
                model,
                workers,
                workers > 1 ? "s" : "");
        // the line above divides by each whole run, start-up included, which is most of the plain spec's short run
        out.printf(
                Locale.ROOT,
                "search only (initial states to the end): %.0f against %.0f generated/s, %.1f times%n",
                searchRate(plain),
                searchRate(proj),
                searchRate(plain) / searchRate(proj));
        fixedCost(tlc, manifest, cliStart, manifestSeconds, out);
        return 0;
    }

    /** Generated states a second between TLC's "initial states computed" and "finished" messages. */
    private static double searchRate(TlcRunner.Run r) {
        double seconds = r.at(2186) - r.at(2190);
        if (!(seconds > 0)) throw new IllegalStateException("TLC printed no search phase");
        return r.output().stats()[1] / seconds;
    }

    /** One run's counts, time and rate. */
    private static void line(PrintWriter out, String name, TlcRunner.Run r) {
        out.printf(
                Locale.ROOT,
                "%-16s %10d distinct %11d generated %7.1f s %10.0f generated/s%n",
                name,
                r.output().stats()[0],
                r.output().stats()[1],
                r.seconds(),
                r.output().stats()[1] / r.seconds());
    }

    /** Where the seconds of the smallest build model go: the cost every model pays whatever its size. */
    private void fixedCost(TlcRunner tlc, Manifest manifest, double cliStart, double manifestSeconds, PrintWriter out)
            throws Exception {
        Manifest.Model small = manifest.models.stream()
                .filter(x -> x.build() && x.expectDistinct() > 0)
                .min(Comparator.comparingLong(Manifest.Model::expectDistinct))
                .orElseThrow();
        TlcRunner.Run r = tlc.run(
                manifest.home.resolve("model-checks"),
                manifest.module + ".tla",
                small.cfg(small.invariants()),
                List.of(),
                workers,
                600,
                null,
                false,
                small.smallRun());
        // TLC's message codes: 2262 version (first line), 2220/2219 SANY start/end, 2190 initial states done, 2186
        // finished
        double jvm = r.at(2262),
                sany = r.at(2219) - r.at(2220),
                init = r.at(2190) - r.at(2219),
                search = r.at(2186) - r.at(2190);
        out.printf(
                Locale.ROOT,
                "fixed cost of %s (%d distinct states), wall seconds: CLI JVM start %.2f, manifest %.2f, "
                        + "TLC JVM start %.2f, SANY %.2f, initial states %.2f, search %.2f, TLC exit %.2f; TLC run "
                        + "%.2f%n",
                small.name(),
                small.expectDistinct(),
                cliStart,
                manifestSeconds,
                jvm,
                sany,
                init,
                search,
                r.seconds() - r.at(2186),
                r.seconds());
    }
}

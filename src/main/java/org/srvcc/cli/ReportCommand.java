package org.srvcc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.srvcc.conformance.Conformance;
import org.srvcc.conformance.ConformanceCache;
import org.srvcc.files.AtomicFiles;
import org.srvcc.files.Home;
import org.srvcc.files.TextFiles;
import org.srvcc.model.Findings;
import org.srvcc.model.Flow;
import org.srvcc.model.Manifest;
import org.srvcc.model.ModelCheck;
import org.srvcc.procedure.Profile;
import org.srvcc.report.Report;
import org.srvcc.report.Tdoc;
import org.srvcc.report.VectorAnnex;
import org.srvcc.simulation.Regressions;
import org.srvcc.simulation.Runner;
import org.srvcc.simulation.Setup;
import org.srvcc.tlc.TlcCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "The main job: writes the verification report (report.html, report.md with SVG figures, "
                    + "contribution.docx).",
            "Runs the manifest's model checks, the conformance checks and the vector generation, and writes "
                    + "report.html "
                    + "(self-contained) and report.md with SVG figures to --out."
        })
final class ReportCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--out",
            defaultValue = "report",
            paramLabel = "DIR",
            description = "output folder (default ./report)")
    String out;

    @Option(
            names = "--traces",
            defaultValue = "240",
            paramLabel = "N",
            description = "Java runs for trace validation (default 240)")
    int traces;

    @Option(names = "--seed", defaultValue = "20261128", description = "seed of the random runs (default 20261128)")
    long seed;

    @Option(names = "--jobs", defaultValue = "2", paramLabel = "N", description = "models checked at once (default 2)")
    int jobs;

    @picocli.CommandLine.Mixin
    CacheOptions cacheOptions = new CacheOptions();

    @Override
    public Integer call() throws Exception {
        if (traces < 0 || traces > 100_000) throw new Main.UserError("--traces: " + traces + " is outside 0..100000");
        if (jobs < 1 || jobs > 16) throw new Main.UserError("--jobs: " + jobs + " is outside 1..16");
        Path dir = AtomicFiles.outputDir("--out", out); // checked and created before any work
        try (AutoCloseable lock = AtomicFiles.lock(dir, "--out")) {
            AtomicFiles.childDir(dir, "figures"); // a planted link there is refused now, not after the run
            Path home = Home.find();
            PrintWriter err = spec.commandLine().getErr();
            PrintWriter o = spec.commandLine().getOut();
            Manifest manifest = new Manifest(home);
            Findings ledger = Findings.load(home); // a bad ledger stops the run before TLC does
            List<String> ledgerProblems = ledger.problems(manifest);
            if (!ledgerProblems.isEmpty()) throw new Main.UserError(Findings.FILE + ": " + ledgerProblems.get(0));
            List<Manifest.Model> models =
                    manifest.models.stream().filter(Manifest.Model::build).toList();
            err.println("[1/4] model checking " + models.size() + " TLC models (" + jobs + " at a time) ...");
            err.flush();
            TlcCache cache = cacheOptions.cache(home);
            List<ModelCheck.Result> checks = CheckCommand.run(manifest, models, 1, jobs, err, cache);
            err.println("[2/4] conformance: trace validation of " + traces + " Java runs and model replay ...");
            err.flush();
            ConformanceCache answers = cache == null ? null : new ConformanceCache(cache.dir());
            Conformance.Summary conf = Conformance.run(home, List.of(Profile.values()), traces, seed, answers);
            if (conf.cached()) {
                err.printf(
                        Locale.ROOT,
                        "      cached: the code, the modules and the parameters are unchanged (it took %.1f s when "
                                + "it ran)%n",
                        conf.seconds());
                err.flush();
            }
            err.println("[3/4] counterexamples of the Java property runs ...");
            err.flush();
            List<Report.Figure> prop = propertyFigures(home);
            err.println("[4/4] figures, vectors and pages ...");
            err.flush();
            Report report = new Report(
                    ledger,
                    dir.relativize(home.resolve(Findings.DOCS)).toString().replace('\\', '/'));
            report.write(dir, Report.environment(commit(home)), checks, conf, prop, reproduce());
            AtomicFiles.write(dir.resolve("contribution.docx"), contribution(ledger, checks));
            boolean ok = checks.stream().allMatch(ModelCheck.Result::ok)
                    && conf.traces().rejections().isEmpty()
                    && conf.replays().stream().allMatch(r -> r.divergences().isEmpty());
            o.println("report: " + dir.resolve("report.html") + ", report.md and contribution.docx, "
                    + report.figureCount() + " figures; "
                    + (ok ? "every result as expected" : "SOME RESULTS DIFFER (see the report)"));
            return ok ? 0 : 1;
        }
    }

    /** The commands that reproduce each part of the report. */
    private List<String> reproduce() {
        return List.of(
                "./srvcc check            # every model of model-checks/manifest.json, compared with "
                        + "its pinned result",
                "./srvcc check --matrix   # the evaluation matrix as Markdown",
                "./srvcc conform --traces " + traces + " --seed " + seed,
                "./srvcc simulate --profile ts33501 --faults cancel   # any flow of the figures",
                "./srvcc vectors --format md",
                "./srvcc contribution --finding ID --out F.docx   # one finding as an SA3 contribution",
                "mvn -B verify            # all tests, including the above");
    }

    /** One figure per saved regression scenario: the shrunk counterexample of a Java property run, replayed. */
    private static List<Report.Figure> propertyFigures(Path home) throws IOException {
        List<Report.Figure> prop = new ArrayList<>();
        Path reg = home.resolve("src/test/resources/regressions");
        if (!Files.isDirectory(reg)) return prop;
        List<Path> files;
        try (Stream<Path> s = Files.list(reg)) {
            files = s.filter(p -> p.toString().endsWith(".scenario")).sorted().toList();
        }
        for (Path f : files) {
            Regressions.Scenario sc = Regressions.parse(TextFiles.read(f, "scenario", 1 << 20));
            Runner.Run r = Runner.replay(sc.setup(), sc.steps(), sc.targeted() ? sc.expect() : null);
            String name = f.getFileName().toString().replace(".scenario", "").replaceAll("[^A-Za-z0-9_-]", "_");
            Setup setup = sc.setup();
            String title = "Property run: " + r.violated() + " (" + setup.profile()
                    + (setup.options().diffText().isEmpty()
                            ? ""
                            : ", " + setup.options().diffText())
                    + (setup.compromised().isEmpty() ? "" : ", compromised " + setup.compromised()) + ")";
            prop.add(new Report.Figure("prop-" + name, Flow.ofSteps(title, setup, r.steps(), r.violated())));
        }
        return prop;
    }

    /** The report's discussion paper: every finding of the ledger, with its counterexamples and the vectors. */
    private static byte[] contribution(Findings ledger, List<ModelCheck.Result> checks) throws IOException {
        Tdoc.Kind kind = Tdoc.Kind.DISCUSSION;
        return Tdoc.write(
                ledger,
                kind,
                ContributionCommand.defaultCover(kind, ledger.findings),
                ledger.findings,
                ContributionCommand.counterexamples(ledger.findings, checks),
                VectorAnnex.vectors());
    }

    static String commit(Path home) {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "--short", "HEAD")
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .start();
            String s = new String(p.getInputStream().readAllBytes()).strip();
            return p.waitFor() == 0 ? s : "unknown (not a git checkout)";
        } catch (Exception e) {
            return "unknown (git not available)";
        }
    }
}

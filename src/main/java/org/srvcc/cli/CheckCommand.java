package org.srvcc.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.srvcc.files.AtomicFiles;
import org.srvcc.files.Home;
import org.srvcc.files.Json;
import org.srvcc.model.JUnitXml;
import org.srvcc.model.Manifest;
import org.srvcc.model.Matrix;
import org.srvcc.model.ModelCheck;
import org.srvcc.model.Schemas;
import org.srvcc.model.Shards;
import org.srvcc.model.TlcSimulation;
import org.srvcc.tlc.TlcCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Model-checks the manifest's TLA+ models with TLC and compares each result with the manifest.",
            "Each model runs in its own TLC JVM; the verdict and the exact state counts must match. Exit status 1 "
                    + "on any mismatch."
        })
final class CheckCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--model",
            paramLabel = "NAME",
            description = "check only these models (repeatable); default: every model with build=true")
    List<String> names = new ArrayList<>();

    @Option(names = "--all", description = "also the models kept out of the default build (large ones)")
    boolean all;

    @Option(
            names = "--workers",
            defaultValue = "1",
            paramLabel = "N",
            description = "TLC worker threads per model, 1..64 (default 1)")
    int workers;

    @Option(
            names = "--jobs",
            defaultValue = "2",
            paramLabel = "N",
            description = "models checked at once, 1..16 (default 2)")
    int jobs;

    @Option(names = "--matrix", description = "print the evaluation matrix (design x property) as Markdown")
    boolean matrix;

    @Option(
            names = "--out",
            defaultValue = "target/check",
            paramLabel = "DIR",
            description = "where counterexamples are written as JSON (default target/check)")
    String out;

    @Option(
            names = "--write-configs",
            description = "write model-checks/generated/MC<Name>.cfg for every model, model-checks/MCOnce.tla and "
                    + "model-checks/MCFired.tla, and exit")
    boolean writeConfigs;

    @Option(
            names = "--shard",
            paramLabel = "K/N",
            description = "check only shard K of N (balanced by the manifest's time budgets)")
    String shard;

    @Option(
            names = "--junit-xml",
            paramLabel = "FILE",
            description = "also write the results as JUnit XML (one testcase per model)")
    String junitXml;

    @Option(names = "--simulate", description = "TLC's random simulation of one --model instead of exhausting it")
    boolean simulate;

    @Option(
            names = "--depth",
            defaultValue = "100",
            paramLabel = "D",
            description = "with --simulate: steps per behaviour, 1..10000 (default 100)")
    int depth;

    @Option(
            names = "--seconds",
            defaultValue = "60",
            paramLabel = "S",
            description = "with --simulate: how long to go on, 0..86400 (default 60; 0: one batch)")
    int seconds;

    @Option(
            names = "--seed",
            defaultValue = "1",
            paramLabel = "X",
            description = "with --simulate: the first batch's seed; with --mutate-spec: the sample's (default 1)")
    long seed;

    @Option(
            names = "--set",
            paramLabel = "NAME=VALUE",
            description = "with --simulate: override a constant of the model (repeatable), e.g. UEs=5")
    List<String> sets = new ArrayList<>();

    @Option(names = "--quiet", description = "no progress lines")
    boolean quiet;

    @Option(
            names = "--mutate-spec",
            description = "mutation testing of spec/Srvcc.tla against the fast build models (see README)")
    boolean mutateSpec;

    @Option(
            names = "--limit",
            defaultValue = "40",
            paramLabel = "N",
            description = "with --mutate-spec: mutants to run, a seeded sample (default 40; 0: all)")
    int limit;

    @picocli.CommandLine.Mixin
    CacheOptions cacheOptions = new CacheOptions();

    @Override
    public Integer call() throws Exception {
        if (workers < 1 || workers > 64) throw new Main.UserError("--workers: " + workers + " is outside 1..64");
        if (jobs < 1 || jobs > 16) throw new Main.UserError("--jobs: " + jobs + " is outside 1..16");
        refuseIgnoredCombinations();
        Manifest manifest = new Manifest(Home.find());
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (writeConfigs) {
            Path mc = Files.createDirectories(manifest.home.resolve("model-checks/generated"));
            for (Manifest.Model m : manifest.models)
                AtomicFiles.write(AtomicFiles.inside(mc, "MC" + m.name() + ".cfg"), m.cfg(m.invariants()));
            Path once = manifest.home.resolve("model-checks");
            AtomicFiles.write(AtomicFiles.inside(once, Manifest.ONCE_MODULE), Manifest.onceModule());
            AtomicFiles.write(AtomicFiles.inside(once, Manifest.FIRED_MODULE), Manifest.firedModule());
            o.println("wrote " + manifest.models.size() + " configurations to model-checks/generated/, "
                    + "model-checks/" + Manifest.ONCE_MODULE + " and model-checks/" + Manifest.FIRED_MODULE);
            return 0;
        }
        List<Manifest.Model> chosen = new ArrayList<>();
        if (!names.isEmpty()) for (String n : names) chosen.add(manifest.model(n));
        else for (Manifest.Model m : manifest.models) if (all || m.build()) chosen.add(m);
        if (shard != null) chosen = Shards.select(chosen, Shards.Shard.parse(shard));
        if (simulate) return simulate(manifest, o);
        if (mutateSpec) return MutateSpec.run(manifest, limit, seed, jobs, out, o, quiet ? null : err);
        Path junit =
                junitXml == null ? null : AtomicFiles.outputFile("--junit-xml", junitXml, true); // before any TLC run
        Path dir = AtomicFiles.outputDir("--out", out); // checked, created and locked before any TLC run
        try (AutoCloseable lock = AtomicFiles.lock(dir, "--out")) {
            List<ModelCheck.Result> results =
                    run(manifest, chosen, workers, jobs, quiet ? null : err, cacheOptions.cache(manifest.home));
            if (junit != null) AtomicFiles.write(junit, JUnitXml.write(results));
            return report(manifest, results, dir, o);
        }
    }

    /** Options that would be silently ignored together are refused in one line. */
    private void refuseIgnoredCombinations() {
        var pr = spec.commandLine().getParseResult();
        if (!sets.isEmpty() && !simulate)
            throw new Main.UserError("--set goes with --simulate: a model checked in full keeps its pinned constants");
        if (all && !names.isEmpty())
            throw new Main.UserError("--all and --model exclude each other: --model names the models to check");
        if (simulate && junitXml != null)
            throw new Main.UserError("--junit-xml goes with model checking, not with --simulate");
        for (String opt : List.of("--depth", "--seconds"))
            if (pr.hasMatchedOption(opt) && !simulate) throw new Main.UserError(opt + " goes with --simulate");
        if (pr.hasMatchedOption("--limit") && !mutateSpec) throw new Main.UserError("--limit goes with --mutate-spec");
        if ((simulate || mutateSpec || writeConfigs)
                && (pr.hasMatchedOption("--cache") || pr.hasMatchedOption("--no-cache")))
            throw new Main.UserError(
                    "--cache and --no-cache go with model checking, not with --simulate, --mutate-spec or "
                            + "--write-configs");
    }

    /** Behaviours per TLC run of a simulation: large enough that the JVM start does not dominate. */
    static final int BATCH = 5000;

    /** check --simulate: batches of random behaviours until the time is up or an invariant part fails. */
    private int simulate(Manifest manifest, PrintWriter o) throws Exception {
        if (names.size() != 1) throw new Main.UserError("--simulate needs exactly one --model");
        if (depth < 1 || depth > 10_000) throw new Main.UserError("--depth: " + depth + " is outside 1..10000");
        if (seconds < 0 || seconds > 86_400) throw new Main.UserError("--seconds: " + seconds + " is outside 0..86400");
        Manifest.Model m = withSets(manifest.model(names.get(0)));
        TlcSimulation.Result r = TlcSimulation.run(manifest, m, depth, seconds, seed, BATCH);
        if (r.violated() != null) {
            o.println(r.flow().title());
            o.print(r.flow().render());
            StringBuilder setArgs = new StringBuilder();
            for (String x : sets) setArgs.append(" --set ").append(Main.printable(x));
            o.printf(
                    Locale.ROOT,
                    "reproduce: ./srvcc check --simulate --model %s%s --depth %d --seed %d --seconds 0%n",
                    m.name(),
                    setArgs,
                    depth,
                    r.seed());
            return 1;
        }
        o.printf(
                Locale.ROOT,
                "simulated %s: %d behaviours of depth <= %d, %d states in %.1f s (%.0f states/s, %.0f "
                        + "behaviours/s), seeds %d..%d: no invariant part violated%n",
                m.name(),
                r.behaviours(),
                depth,
                r.states(),
                r.seconds(),
                r.states() / r.seconds(),
                r.behaviours() / r.seconds(),
                seed,
                seed + r.behaviours() / BATCH - 1);
        return 0;
    }

    /** The model with --set overrides; each name must be a constant, each value of the default's JSON type. */
    private Manifest.Model withSets(Manifest.Model m) {
        if (sets.isEmpty()) return m;
        Map<String, Object> c = new LinkedHashMap<>(m.constants());
        Set<String> seen = new HashSet<>();
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0) throw new Main.UserError("--set: '" + Main.printable(s) + "' must be NAME=VALUE");
            String k = s.substring(0, eq), v = s.substring(eq + 1);
            if (!c.containsKey(k)) throw new Main.UserError("--set: no constant named '" + Main.printable(k) + "'");
            if (!seen.add(k)) throw new Main.UserError("--set: " + k + " is given twice");
            Object val;
            try {
                val = Json.parse(v);
            } catch (IllegalArgumentException e) {
                val = v; // a bare word is a string
            }
            Object def = c.get(k);
            boolean same = def instanceof Boolean
                    ? val instanceof Boolean
                    : def instanceof Number
                            ? val instanceof Long
                            : def instanceof List<?> ? val instanceof List<?> : val instanceof String;
            if (!same) throw new Main.UserError("--set " + k + ": expected a value like " + Json.write(def));
            c.put(k, val);
        }
        Manifest.Model x = new Manifest.Model(
                m.name(),
                m.group(),
                m.row() + " with " + String.join(", ", sets),
                m.mode(),
                c,
                m.invariants(),
                List.of(),
                -1,
                -1,
                m.budgetSeconds(),
                false,
                List.of(),
                m.note(),
                List.of(),
                m.symmetry(),
                Map.of(),
                m.view());
        Schemas.constants(c); // the manifest schema's ranges (e.g. UEs 1..8)
        return x;
    }

    private int report(Manifest manifest, List<ModelCheck.Result> results, Path dir, PrintWriter o) throws Exception {
        boolean ok = true;
        o.println(table(results));
        for (ModelCheck.Result r : results) {
            ok &= r.ok();
            for (ModelCheck.Violation v : r.violations()) {
                Path f = AtomicFiles.inside(dir, r.model().name() + "-" + v.invariant() + ".json");
                AtomicFiles.write(f, ModelCheck.counterexampleJson(r, v));
                o.println("Counterexample " + r.model().name() + " / " + v.invariant() + " (" + f + "):");
                o.print(v.flow().render());
                o.println();
            }
            for (String p : r.problems()) o.println("MISMATCH " + r.model().name() + ": " + p);
            if (r.overBudget())
                o.printf(
                        Locale.ROOT,
                        "slow %s: %.1f s, over its budget of %d s (set on a quiet 2-core machine; not a failure)%n",
                        r.model().name(),
                        r.seconds(),
                        r.model().budgetSeconds());
        }
        AtomicFiles.write(dir.resolve("results.json"), resultsJson(results));
        if (matrix) {
            o.println();
            o.print(Matrix.markdown(results, Matrix.groups(results)));
        }
        o.println(ok ? "all " + results.size() + " models as expected" : "some models differ from the manifest");
        return ok ? 0 : 1;
    }

    static List<ModelCheck.Result> run(
            Manifest manifest, List<Manifest.Model> models, int workers, int jobs, PrintWriter progress, TlcCache cache)
            throws Exception {
        ModelCheck mc = new ModelCheck(manifest, cache);
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        try {
            List<Future<ModelCheck.Result>> fs = new ArrayList<>();
            // Longest first (by expected cost) so the jobs finish together; results keep manifest order.
            List<Manifest.Model> order = Shards.longestFirst(models);
            Map<Manifest.Model, Future<ModelCheck.Result>> byModel = new HashMap<>();
            for (Manifest.Model m : order) {
                fs.add(pool.submit(() -> {
                    ModelCheck.Result r = mc.check(m, workers, line -> {
                        if (progress != null)
                            synchronized (progress) {
                                progress.println("  " + m.name() + ": " + line);
                                progress.flush();
                            }
                    });
                    if (progress != null)
                        synchronized (progress) {
                            progress.printf(
                                    "[%s] %s: %s, %s%n",
                                    r.ok() ? "ok" : "MISMATCH",
                                    m.name(),
                                    r.violated().isEmpty()
                                            ? r.distinct() + " distinct states"
                                            : "violated " + r.violated(),
                                    r.cached()
                                            ? "cached (TLC took " + String.format(Locale.ROOT, "%.1f", r.seconds())
                                                    + " s when it ran)"
                                            : String.format(Locale.ROOT, "%.1f s", r.seconds()));
                            progress.flush();
                        }
                    return r;
                }));
                byModel.put(m, fs.get(fs.size() - 1));
            }
            List<ModelCheck.Result> results = new ArrayList<>();
            for (Manifest.Model m : models) results.add(byModel.get(m).get());
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    static String resultsJson(List<ModelCheck.Result> results) {
        List<Object> l = new ArrayList<>();
        for (ModelCheck.Result r : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", r.model().name());
            m.put("group", r.model().group());
            m.put("row", r.model().row());
            m.put("expected", r.model().expectViolated());
            m.put("violated", r.violated());
            m.put("distinct", r.distinct());
            m.put("generated", r.generated());
            m.put("depth", r.depth());
            m.put("seconds", Math.round(r.seconds() * 10) / 10.0);
            m.put("statesPerSecond", Math.round(r.statesPerSecond()));
            m.put("ok", r.ok());
            m.put("problems", r.problems());
            l.add(m);
        }
        return Json.write(l);
    }

    static String table(List<ModelCheck.Result> results) {
        StringBuilder b = new StringBuilder(String.format(
                "%-34s %-34s %-34s %10s %10s %6s %8s%n",
                "model", "expected", "got", "distinct", "states/s", "depth", "seconds"));
        for (ModelCheck.Result r : results) {
            String exp = r.model().expectViolated().isEmpty()
                    ? "success"
                    : String.join(",", r.model().expectViolated());
            String got = r.violated().isEmpty()
                    ? (r.ok() || r.distinct() >= 0 ? "success" : "error")
                    : String.join(",", r.violated());
            b.append(String.format(
                    "%-34s %-34s %-34s %10d %10.0f %6d %8.1f%s%n",
                    r.model().name(),
                    exp,
                    got,
                    r.distinct(),
                    r.statesPerSecond(),
                    r.depth(),
                    r.seconds(),
                    r.ok() ? "" : "  MISMATCH"));
        }
        return b.toString();
    }
}

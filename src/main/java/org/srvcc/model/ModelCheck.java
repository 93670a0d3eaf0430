package org.srvcc.model;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.srvcc.files.Json;
import org.srvcc.tlc.TlcCache;
import org.srvcc.tlc.TlcRunner;
import org.srvcc.tlc.ToolOutput;

/**
 * Checks one manifest model. Every violated invariant part gets its own shortest counterexample (the first
 * state of TLC's breadth-first search that violates it) and the run that finds no more pins the state
 * counts. A safety model with parts expected to hold is checked in one TLC run of MCOnce.tla (one worker,
 * -continue), which reports each part at its first violation; otherwise TLC stops at the first violated
 * part, and the check drops that part and runs again until the rest hold.
 */
public final class ModelCheck {
    public record Violation(String invariant, List<ToolOutput.TraceState> trace, Flow flow) {}

    public record Result(
            Manifest.Model model,
            List<Violation> violations,
            long distinct,
            long generated,
            int depth,
            double seconds,
            double tlcSeconds,
            Set<String> fired,
            List<String> problems,
            boolean cached) {
        public boolean ok() {
            return problems.isEmpty();
        }

        public List<String> violated() {
            return violations.stream().map(Violation::invariant).toList();
        }

        /**
         * TLC ran longer than the model's budget (a figure from the 2-core reference machine): reported, never a
         * failure.
         */
        public boolean overBudget() {
            return !cached && seconds > model.budgetSeconds();
        }

        public double statesPerSecond() {
            return tlcSeconds > 0 ? generated / tlcSeconds : 0;
        }
    }

    private final Manifest manifest;
    private final TlcRunner runner;

    /**
     * A run's ceiling in multiples of the model's budget. It guards against hangs, not slowness: the
     * runner also stops a run that prints no progress for {@link TlcRunner#STALL_SECONDS}, so a model
     * is never failed for being slow on a busy machine.
     */
    public static final double CEILING = 20;
    /** The ceiling of a model with a small budget: a JVM start and SANY on a loaded machine fit in it. */
    static final long MIN_CEILING_SECONDS = 300;

    private final double ceiling;

    public ModelCheck(Manifest manifest) {
        this(manifest, null);
    }

    /** With a cache (null: none), a model whose TLC inputs are unchanged is answered from it. */
    public ModelCheck(Manifest manifest, TlcCache cache) {
        this(manifest, CEILING, cache);
    }

    /**
     * {@code ceiling}: budgets per run before it is stopped (spec mutants use a tight one: a runaway mutant is killed).
     */
    public ModelCheck(Manifest manifest, double ceiling, TlcCache cache) {
        this.manifest = manifest;
        this.runner = new TlcRunner(manifest.home, cache);
        this.ceiling = ceiling;
    }

    long ceilingSeconds(Manifest.Model model) {
        long c = (long) (model.budgetSeconds() * ceiling);
        return ceiling >= CEILING ? Math.max(MIN_CEILING_SECONDS, c) : Math.max(30, c);
    }

    /** The cache key of a model's first TLC run (all its parts), as {@link TlcCache#key} computes it. */
    public String firstRunKey(Manifest.Model model, int workers) throws IOException {
        boolean once = once(model, workers);
        return TlcCache.key(
                manifest.home,
                manifest.home.resolve("model-checks"),
                module(model, once),
                model.cfg(model.invariants(), once, true),
                extra(once),
                workers);
    }

    /** One run for every part: TLC's registers are a worker's each, so with one worker only. */
    static boolean once(Manifest.Model model, int workers) {
        return workers == 1 && model.checksOnce();
    }

    private static List<String> extra(boolean once) {
        return once ? List.of("-continue") : List.of();
    }

    /** MCOnce.tla for one run of every part, MCFired.tla to report the actions that must fire, else MC.tla. */
    private String module(Manifest.Model model, boolean once) {
        return once
                ? Manifest.ONCE_MODULE
                : model.mustFire().isEmpty() ? manifest.module + ".tla" : Manifest.FIRED_MODULE;
    }

    /** A TLC run of the model checking {@code parts}, keyed as {@link #firstRunKey} keys the first one. */
    private TlcRunner.Run run(
            Manifest.Model model, boolean once, List<String> parts, int workers, Consumer<String> progress)
            throws IOException, InterruptedException {
        return runner.run(
                manifest.home.resolve("model-checks"),
                module(model, once),
                model.cfg(parts, once, true),
                extra(once),
                workers,
                ceilingSeconds(model),
                progress,
                false,
                model.smallRun());
    }

    /** The model's every part in one TLC run of MCOnce.tla (see {@link Manifest#onceModule}). */
    private Result checkOnce(Manifest.Model model, int workers, Consumer<String> progress)
            throws IOException, InterruptedException {
        TlcRunner.Run run = run(model, true, model.invariants(), workers, progress);
        ToolOutput out = run.output();
        List<Violation> violations = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try {
            for (ToolOutput.OnceViolation v : out.onceViolations()) {
                // the parts failing at one point, in the configuration's order, as separate runs find them
                for (String part : model.invariants()) {
                    if (!v.parts().contains(part)) continue;
                    Flow flow = Flow.ofTlc(title(model, part), v.trace(), model.profile(), part);
                    violations.add(new Violation(part, v.trace(), flow));
                }
            }
        } catch (IllegalStateException e) {
            problems.add(e.getMessage());
        }
        long distinct = -1, generated = -1;
        int depth = -1;
        if (out.success() && problems.isEmpty()) {
            long[] st = out.stats();
            distinct = st[0];
            generated = st[1];
            depth = out.depth();
        } else if (!out.success()) problems.add(tlcFailure(run, out));
        Set<String> fired = out.fired();
        problems.addAll(againstManifest(model, violations, distinct, generated, fired, !problems.isEmpty()));
        return new Result(
                model,
                violations,
                distinct,
                generated,
                depth,
                run.seconds(),
                run.seconds(),
                fired,
                problems,
                run.cached());
    }

    private static String title(Manifest.Model model, String inv) {
        return "Counterexample: " + inv + " in model " + model.name() + " (" + model.row() + ")";
    }

    private static String tlcFailure(TlcRunner.Run run, ToolOutput out) {
        List<String> errs = out.errors();
        return "TLC exit " + run.exitCode() + (run.stopped() != null ? " (" + run.stopped() + ")" : "")
                + (errs.isEmpty() ? "" : ": " + String.join(" | ", errs));
    }

    public Result check(Manifest.Model model, int workers, Consumer<String> progress)
            throws IOException, InterruptedException {
        return once(model, workers) ? checkOnce(model, workers, progress) : checkEachPart(model, workers, progress);
    }

    /** A TLC run that stops at the first violated part, then one without that part, until the rest hold. */
    Result checkEachPart(Manifest.Model model, int workers, Consumer<String> progress)
            throws IOException, InterruptedException {
        List<String> remaining = new ArrayList<>(model.invariants());
        List<Violation> violations = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        double total = 0, last = 0;
        long distinct = -1, generated = -1;
        int depth = -1;
        Set<String> fired = new TreeSet<>(); // from every run: each state TLC checked was reached
        boolean cached = true;
        while (true) {
            TlcRunner.Run run = run(model, false, remaining, workers, progress);
            total += run.seconds();
            cached &= run.cached();
            ToolOutput out = run.output();
            fired.addAll(out.fired());
            String inv = out.violatedInvariant();
            if (!model.mode().equals("safety") && out.temporalViolated()) inv = model.property();
            else if (inv == null && remaining.contains(out.violatedActionProperty()))
                inv = out.violatedActionProperty();
            if (inv != null) {
                List<ToolOutput.TraceState> trace = out.trace();
                violations.add(new Violation(inv, trace, Flow.ofTlc(title(model, inv), trace, model.profile(), inv)));
                if (!remaining.remove(inv) || !model.mode().equals("safety")) break;
                if (remaining.isEmpty()) break;
                continue;
            }
            if (!out.success()) {
                problems.add(tlcFailure(run, out));
                break;
            }
            long[] st = out.stats();
            distinct = st[0];
            generated = st[1];
            depth = out.depth();
            last = run.seconds();
            break;
        }
        problems.addAll(againstManifest(model, violations, distinct, generated, fired, !problems.isEmpty()));
        // the budget sizes shards and the ceiling; a slow machine is not a wrong verdict
        return new Result(model, violations, distinct, generated, depth, total, last, fired, problems, cached);
    }

    /**
     * What differs from the manifest's pins: the violated parts, the counts (when TLC finished without error:
     * {@code distinct} >= 0), the shortest counterexamples' lengths and, unless TLC failed, the actions that must
     * fire.
     */
    private static List<String> againstManifest(
            Manifest.Model model,
            List<Violation> violations,
            long distinct,
            long generated,
            Set<String> fired,
            boolean tlcFailed) {
        List<String> found = new ArrayList<>();
        List<String> got = violations.stream().map(Violation::invariant).toList();
        if (!new HashSet<>(got).equals(new HashSet<>(model.expectViolated())))
            found.add("expected violated " + model.expectViolated() + ", got " + got);
        if (found.isEmpty() && !tlcFailed && distinct >= 0) {
            if (model.expectDistinct() >= 0 && distinct != model.expectDistinct())
                found.add("distinct states " + distinct + ", manifest pins " + model.expectDistinct());
            if (model.expectGenerated() >= 0 && generated != model.expectGenerated())
                found.add("states generated " + generated + ", manifest pins " + model.expectGenerated());
        }
        // breadth-first search gives the shortest counterexample, a length worth pinning; a liveness trace
        // (a lasso) is not the shortest of anything and its length varies between runs, so it is never pinned
        for (Violation v : violations) {
            Long pinned = model.expectSteps().get(v.invariant());
            if (pinned != null && pinned != v.trace().size() - 1)
                found.add(v.invariant() + " in " + (v.trace().size() - 1) + " steps, manifest pins " + pinned);
        }
        for (String a : model.mustFire())
            if (!fired.contains(a) && found.isEmpty() && !tlcFailed) found.add("action " + a + " never fired");
        return found;
    }

    /** A counterexample as JSON: model, invariant, and the numbered flow with every state. */
    public static String counterexampleJson(Result r, Violation v) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("model", r.model().name());
        root.put("profile", r.model().profile());
        root.put("violated", v.invariant());
        List<Object> steps = new ArrayList<>();
        List<Flow.Step> flow = v.flow().steps();
        for (int k = 0; k < v.trace().size(); k++) {
            ToolOutput.TraceState st = v.trace().get(k);
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("step", k);
            s.put("action", st.action());
            if (k > 0 && k - 1 < flow.size()) {
                s.put("node", flow.get(k - 1).node());
                s.put("sent", Flow.lines(flow.get(k - 1)));
            }
            s.put("state", st.vars());
            steps.add(s);
        }
        root.put("steps", steps);
        return Json.write(root);
    }
}

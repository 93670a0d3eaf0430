package org.srvcc.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.srvcc.files.Scratch;
import org.srvcc.model.Manifest;
import org.srvcc.model.Mapping;
import org.srvcc.procedure.Options;
import org.srvcc.procedure.Srvcc;
import org.srvcc.procedure.Step;
import org.srvcc.simulation.Setup;
import org.srvcc.tlc.InOrder;
import org.srvcc.tlc.TlaValue;
import org.srvcc.tlc.TlcRunner;
import org.srvcc.tlc.ToolOutput;

/**
 * Trace validation by TLC: Java runs become a TLA+ module of abstract states and action names,
 * and spec/SrvccTrace.tla asks TLC whether each run is a behaviour of spec/Srvcc.tla. Runs with
 * the same setup are validated in one TLC run.
 */
public final class TraceValidation {
    /** One Java run: its setup and steps, judged by the model with {@code modelOptions}. */
    public record Run(Setup setup, List<Step> steps, Options modelOptions) {
        public Run(Setup setup, List<Step> steps) {
            this(setup, steps, setup.options());
        }

        Setup modelSetup() {
            return setup.withOptions(modelOptions);
        }
    }

    /**
     * A run the model rejects: which, the first step it cannot take (1-based index {@code step + 1}),
     * what the Java step changed, and how the Java state differs from what the model allows there.
     */
    public record Rejection(Run run, int step, Step javaStep, List<String> changedByJava, String modelAllows) {}

    public record Result(
            int runs, int steps, int tlcRuns, double seconds, List<Rejection> rejections, List<String> errors) {}

    private final Path home;

    public TraceValidation(Path home) {
        this.home = home;
    }

    /**
     * Checks every run; runs of one model setup share TLC runs, and the setups are checked as many at a time as the
     * machine has cores. Results come in the runs' order whatever finishes first.
     */
    public Result validate(List<Run> runs) throws IOException, InterruptedException {
        Map<String, List<Run>> groups = new LinkedHashMap<>();
        for (Run r : runs)
            groups.computeIfAbsent(r.modelSetup().withSeed(0).text(), k -> new ArrayList<>())
                    .add(r);
        List<Rejection> rejections = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int tlcRuns = 0, steps = 0;
        double secs = 0;
        for (Group g : InOrder.map(List.copyOf(groups.values()), this::group)) {
            rejections.addAll(g.rejections());
            errors.addAll(g.errors());
            tlcRuns += g.tlcRuns();
            steps += g.steps();
            secs += g.seconds();
        }
        return new Result(runs.size(), steps, tlcRuns, secs, rejections, errors);
    }

    /** What one model setup's runs gave. */
    private record Group(List<Rejection> rejections, List<String> errors, int tlcRuns, int steps, double seconds) {}

    /** The runs of one model setup, in as many TLC runs as it takes to find each rejected run. */
    private Group group(List<Run> group) throws IOException, InterruptedException {
        List<Rejection> rejections = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int tlcRuns = 0, steps = 0;
        double secs = 0;
        List<Run> pending = new ArrayList<>(group);
        List<List<Map<String, Object>>> states = new ArrayList<>();
        for (Run r : pending) {
            states.add(statesOf(r));
            for (String e : incoherentKeys(r)) errors.add(r.setup().text() + ": " + e);
        }
        for (List<Map<String, Object>> s : states) steps += s.size() - 1;
        while (!pending.isEmpty()) {
            TlcRunner.Run run = check(pending.get(0).modelSetup(), pending, states);
            tlcRuns++;
            secs += run.seconds();
            ToolOutput out = run.output();
            if (out.success()) break;
            List<ToolOutput.TraceState> t = out.trace();
            if (t.isEmpty() || !out.messages.stream().anyMatch(m -> m.code() == 2114)) {
                errors.add("TLC exit " + run.exitCode() + ": " + String.join(" | ", out.errors()));
                break;
            }
            ToolOutput.TraceState last = t.get(t.size() - 1);
            int tr = ((Number) last.value("tr")).intValue() - 1;
            int step = ((Number) last.value("step")).intValue(); // the last state the model reached
            Run bad = pending.get(tr);
            List<Map<String, Object>> st = states.get(tr);
            // the model reached state number `step` (1 = initial); Java step number `step` is the one it cannot take
            rejections.add(new Rejection(
                    bad,
                    step,
                    bad.steps().get(step - 1),
                    changed(st.get(step - 1), st.get(step)),
                    allowed(bad.modelSetup(), st.get(step - 1), bad.steps().get(step - 1), st.get(step))));
            pending.remove(tr);
            states.remove(tr);
        }
        return new Group(rejections, errors, tlcRuns, steps, secs);
    }

    /** Term/byte coherence after every step of a run ({@link TermCoherence}): the first mismatch, if any. */
    static List<String> incoherentKeys(Run r) {
        try (TermCoherence c = new TermCoherence()) {
            Srvcc s = r.setup().start();
            List<String> bad = c.check(s);
            for (int i = 0; i < r.steps().size() && bad.isEmpty(); i++) {
                s.apply(r.steps().get(i));
                int n = i + 1;
                bad = c.check(s).stream()
                        .map(b -> "step " + n + " (" + r.steps().get(n - 1) + "): " + b)
                        .toList();
            }
            s.destroyKeys();
            return bad;
        }
    }

    /** The abstract state before the run and after every step. */
    static List<Map<String, Object>> statesOf(Run r) {
        Srvcc s = r.setup().start();
        List<Map<String, Object>> l = new ArrayList<>();
        l.add(Mapping.state(s));
        for (Step st : r.steps()) {
            s.apply(st);
            l.add(Mapping.state(s));
        }
        return l;
    }

    private static Map<String, Object> delta(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> d = new TreeMap<>();
        for (String k : after.keySet()) if (!after.get(k).equals(before.get(k))) d.put(k, after.get(k));
        return d;
    }

    private static List<String> changed(Map<String, Object> before, Map<String, Object> after) {
        List<String> c = new ArrayList<>();
        for (String k : after.keySet())
            if (!after.get(k).equals(before.get(k)))
                c.add(k + ": " + TlaValue.write(before.get(k)) + " -> " + TlaValue.write(after.get(k)));
        return c;
    }

    private TlcRunner.Run check(Setup setup, List<Run> runs, List<List<Map<String, Object>>> states)
            throws IOException, InterruptedException {
        Path dir = Scratch.dir(home.resolve("target/trace-validation"));
        try {
            StringBuilder data = new StringBuilder("---- MODULE TraceData ----\nEXTENDS Naturals, Sequences\n");
            data.append("(* Generated from Java runs by org.srvcc.conformance.TraceValidation. *)\nTraces == <<\n");
            for (int i = 0; i < runs.size(); i++) {
                data.append(i > 0 ? ",\n" : "").append("<<");
                List<Map<String, Object>> st = states.get(i);
                for (int k = 0; k < st.size(); k++) {
                    Map<String, Object> e = new TreeMap<>();
                    e.put(
                            "action",
                            k == 0
                                    ? "Init"
                                    : runs.get(i).steps().get(k - 1).action().name());
                    e.put("ue", (long)
                            (k == 0 ? 0 : runs.get(i).steps().get(k - 1).ue()));
                    e.put("state", k == 0 ? st.get(0) : delta(st.get(k - 1), st.get(k)));
                    data.append(k > 0 ? ",\n  " : "").append(TlaValue.write(e));
                }
                data.append(">>");
            }
            data.append("\n>>\n====\n");
            Files.writeString(dir.resolve("TraceData.tla"), data);
            Files.writeString(dir.resolve("TraceState.tla"), Mapping.traceStateModule());
            Files.writeString(dir.resolve("MCTrace.tla"), "---- MODULE MCTrace ----\nEXTENDS SrvccTrace\n====\n");
            return new TlcRunner(home).run(dir, "MCTrace.tla", cfg(setup), List.of(), 1, 600, null, true, true);
        } finally {
            Scratch.close(dir);
        }
    }

    /**
     * What the model allows from {@code before} with the same action and UE: TLC enumerates the
     * successors (-dump), and the one closest to the Java state is compared variable by variable.
     */
    String allowed(Setup setup, Map<String, Object> before, Step step, Map<String, Object> java)
            throws IOException, InterruptedException {
        Path dir = Scratch.dir(home.resolve("target/trace-validation"));
        List<Map<String, Object>> succ = new ArrayList<>();
        TlcRunner.Run r;
        try {
            Map<String, Object> e = new TreeMap<>();
            e.put("action", step.action().name());
            e.put("ue", (long) step.ue());
            e.put("state", before);
            Files.writeString(
                    dir.resolve("TraceData.tla"),
                    "---- MODULE TraceData ----\nEXTENDS Naturals, Sequences\nTraces == << << " + TlaValue.write(e)
                            + " >> >>\n====\n");
            Files.writeString(dir.resolve("TraceState.tla"), Mapping.traceStateModule());
            Files.writeString(
                    dir.resolve("MCSucc.tla"),
                    "---- MODULE MCSucc ----\nEXTENDS SrvccTrace\n"
                            + "SuccInit == tr = 1 /\\ step = 1 /\\ IsState(Traces[1][1].state)\n"
                            + "SuccNext == step = 1 /\\ step' = 2 /\\ tr' = tr /\\ TraceAction(Traces[1][1].action, "
                            + "Traces[1][1].ue)\n====\n");
            String cfg = cfg(setup).replace("SPECIFICATION TraceSpec", "INIT SuccInit\nNEXT SuccNext");
            Path dump = dir.resolve("succ");
            r = new TlcRunner(home)
                    .run(dir, "MCSucc.tla", cfg, List.of("-dump", dump.toString()), 1, 120, null, false, true);
            Path file = Files.exists(dump) ? dump : Path.of(dump + ".dump");
            if (Files.exists(file)) {
                for (String block : Files.readString(file).split("(?m)^State \\d+:\\s*$")) {
                    Map<String, String> v = ToolOutput.vars(block);
                    if (!"2".equals(v.get("step"))) continue;
                    Map<String, Object> m = new TreeMap<>();
                    v.forEach((k, x) -> {
                        if (!k.equals("tr") && !k.equals("step")) m.put(k, TlaValue.parse(x));
                    });
                    succ.add(m);
                }
            }
        } finally {
            Scratch.close(dir);
        }
        if (!r.output().success() && succ.isEmpty())
            return "TLC could not enumerate successors: " + r.output().errors();
        if (succ.isEmpty())
            return "the model does not allow " + step.action() + " for UE " + step.ue() + " in this state";
        Map<String, Object> best = succ.get(0);
        int bestN = Integer.MAX_VALUE;
        for (Map<String, Object> m : succ) {
            int n = ModelReplay.diff(m, java).isEmpty()
                    ? 0
                    : ModelReplay.diff(m, java).split("; ").length;
            if (n < bestN) {
                bestN = n;
                best = m;
            }
        }
        return "the model allows " + succ.size() + " successor(s) by " + step.action() + "; the closest differs in "
                + bestN + " variable(s): " + ModelReplay.diff(best, java);
    }

    /** The model constants that correspond to a Java setup. */
    public static String cfg(Setup s) {
        return "SPECIFICATION TraceSpec\n" + Manifest.constantsSection(constants(s), false);
    }

    public static Map<String, Object> constants(Setup s) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("UEs", (long) s.bounds().ues());
        c.put("EmergencyUEs", new ArrayList<>(new TreeSet<>(s.emergencyUes())));
        c.put("UnauthUEs", new ArrayList<>(new TreeSet<>(s.unauthUes())));
        c.put("Profile", s.profile().toString());
        s.options()
                .asMap()
                .forEach((k, v) -> c.put(
                        k,
                        v.equals("true")
                                ? Boolean.TRUE
                                : v.equals("false")
                                        ? Boolean.FALSE
                                        : k.equals("countLsbBits") ? (Object) Long.parseLong(v) : v));
        c.put("Compromised", new ArrayList<>(new TreeSet<>(s.compromised())));
        c.put("MaxAttempts", (long) s.bounds().maxAttempts());
        c.put("MaxCount", (long) s.bounds().maxCount());
        c.put("MaxKamf", (long) s.bounds().maxKamf());
        c.put("MaxFaults", (long) s.bounds().maxFaults());
        c.put("MaxReorders", (long) s.bounds().maxReorders());
        c.put("MaxReplays", (long) s.bounds().maxReplays());
        c.put("NasRunsReceived", s.bounds().nasRunsReceived());
        c.put("NasRunsMissed", s.bounds().nasRunsMissed());
        c.put("EpsMobility", s.bounds().epsMobility());
        c.put("WeakUEs", new ArrayList<>(new TreeSet<>(s.caps().weakUes())));
        c.put("SrvccIncapableUEs", new ArrayList<>(new TreeSet<>(s.caps().srvccIncapableUes())));
        c.put("TamperedLinks", new ArrayList<>(new TreeSet<>(s.caps().tamperedLinks())));
        c.put("MaxTampers", (long) s.caps().maxTampers());
        c.put("NoContextUEs", new ArrayList<>(new TreeSet<>(s.caps().noContextUes())));
        return c;
    }
}

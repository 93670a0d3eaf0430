package org.srvcc.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.srvcc.files.Scratch;
import org.srvcc.model.Manifest;
import org.srvcc.model.Mapping;
import org.srvcc.procedure.Action;
import org.srvcc.procedure.Invariants;
import org.srvcc.procedure.Srvcc;
import org.srvcc.procedure.Step;
import org.srvcc.simulation.Setup;
import org.srvcc.tlc.TlaValue;
import org.srvcc.tlc.TlcRunner;
import org.srvcc.tlc.ToolOutput;

/**
 * Test generation from the model: TLC dumps the whole state graph of a small model, and every
 * transition (edge) is replayed against the Java implementation, breadth first: from a copy of the
 * Java system that reached the edge's source along a shortest path, comparing the abstract state
 * after every step.
 */
public final class ModelReplay {
    public record Edge(String from, String to, String action) {}

    public record Divergence(List<Edge> path, int at, String detail) {}

    public record Result(
            int states,
            int transitions,
            int behaviours,
            long stepsApplied,
            Set<String> actionsCovered,
            List<Divergence> divergences,
            double tlcSeconds,
            double seconds,
            long keysChecked,
            int verdictsCompared,
            int violatingStates) {}

    /**
     * The state invariants' parts, each evaluated by TLC into every dumped state (an annotation variable that is a
     * function of the state).
     */
    static final List<String> STATE_PARTS = Invariants.ALL.keySet().stream()
            .filter(p -> !Invariants.ACTION_PROPERTIES.contains(p))
            .toList();

    /**
     * Every action of the Java list ({@link org.srvcc.procedure.Action}), each as Srvcc's action (the cfg
     * substitutes MC.tla's bounded and switched ones) with verdict' = Verdict' added under its own name
     * (Replay + the action), so that the dump labels every edge with the action that took it.
     */
    static String replayModule() {
        StringBuilder b = new StringBuilder("---- MODULE MCReplay ----\nEXTENDS MC\n"
                + "\\* verdict is a function of the state, so it adds no states; TLC writes it into every node of "
                + "the dump\n"
                + "VARIABLE verdict\n"
                + "\\* the names of the parts violated: short in the dump, where most states violate none\n"
                + "Verdict == "
                + String.join(
                        " \\cup ",
                        STATE_PARTS.stream()
                                .map(p -> "(IF " + p + " THEN {} ELSE {\"" + p + "\"})")
                                .toList())
                + "\n");
        List<String> perUe = new ArrayList<>();
        List<String> perNode = new ArrayList<>();
        for (Action a : Action.values()) {
            b.append("Replay").append(a.call("u")).append(" == ").append(a.call("u"));
            b.append(" /\\ verdict' = Verdict'\n");
            (a.scope == Action.Scope.UE ? perUe : perNode).add("Replay" + a.call("u"));
        }
        b.append("ReplayNext == (\\E u \\in UEs : ")
                .append(String.join(" \\/ ", perUe))
                .append(")");
        for (String a : perNode) b.append(" \\/ ").append(a);
        b.append("\nReplaySpec == (Init /\\ verdict = Verdict) /\\ [][ReplayNext]_<<vars, verdict>>\n====\n");
        return b.toString();
    }

    /** The parts TLC found violated in a state, in {@link #STATE_PARTS}' order (the dump prints a set). */
    static List<String> tlaViolated(Object verdict) {
        if (!(verdict instanceof Set<?> names) || !STATE_PARTS.containsAll(names))
            throw new IllegalStateException("TLC's verdict is not a set of invariant parts: " + verdict);
        List<String> v = new ArrayList<>();
        for (String p : STATE_PARTS) if (names.contains(p)) v.add(p);
        return v;
    }

    static List<String> javaViolated(Srvcc j) {
        List<String> v = new ArrayList<>(Invariants.violatedParts(j));
        v.retainAll(STATE_PARTS);
        return v;
    }

    private static int violatingStates(Map<String, List<String>> verdicts) {
        return (int) verdicts.values().stream().filter(x -> !x.isEmpty()).count();
    }

    private static final Pattern NODE = Pattern.compile("^(-?\\d+) \\[label=\"(.*)\"(?:,style = filled)?\\];?\\s*$");
    private static final Pattern EDGE = Pattern.compile("^(-?\\d+) -> (-?\\d+) \\[label=\"(\\w+)\"");

    private final Path home;

    public ModelReplay(Path home) {
        this.home = home;
    }

    public Result replay(Setup setup) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Graph g = dump(setup);
        Map<String, Object> init = Mapping.state(setup.start());
        String root = null;
        for (Map.Entry<String, Map<String, Object>> e : g.nodes().entrySet())
            if (e.getValue().equals(init)) root = e.getKey();
        Walk w = new Walk(setup, g);
        if (root == null)
            w.div.add(new Divergence(List.of(), 0, "the Java initial state is not the model's initial state"));
        else w.from(root);
        return new Result(
                g.nodes().size(),
                g.edges().size(),
                w.behaviours,
                w.applied,
                w.covered,
                w.div,
                g.tlcSecs(),
                secondsSince(t0),
                w.keysChecked,
                w.verdictsCompared,
                root == null ? 0 : violatingStates(g.verdicts()));
    }

    /**
     * A breadth-first walk of the model's graph. Each state reached keeps the Java system that reached it (and the
     * KAMFs learnt on the way) until its edges are walked; each edge is realised by a Java step taken on a copy of it.
     */
    private static final class Walk {
        final Setup setup;
        final Graph g;
        final Map<String, List<Edge>> out = new HashMap<>();
        final List<Divergence> div = new ArrayList<>();
        final Set<String> covered = new LinkedHashSet<>();
        int behaviours, verdictsCompared;
        long applied, keysChecked;
        /** The states reached whose edges are still to walk, and each reached state's model path. */
        final Map<String, Reached> reached = new HashMap<>();

        final Map<String, List<Edge>> modelPath = new HashMap<>();
        final ArrayDeque<String> queue = new ArrayDeque<>();

        Walk(Setup setup, Graph g) {
            this.setup = setup;
            this.g = g;
            for (Edge e : g.edges())
                out.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e);
        }

        /** A state the walk reached in Java: the system and the KAMFs learnt on its path. */
        private record Reached(Srvcc system, TermCoherence keys) implements AutoCloseable {
            @Override
            public void close() {
                system.destroyKeys();
                keys.close();
            }
        }

        void from(String root) {
            verdictsCompared = 1;
            Srvcc start = setup.start();
            TermCoherence learnt = new TermCoherence();
            learnt.learn(start);
            List<String> atRoot = javaViolated(start);
            if (!atRoot.equals(g.verdicts().get(root)))
                div.add(new Divergence(
                        List.of(),
                        0,
                        "invariant verdicts differ in the initial state: TLA+ "
                                + g.verdicts().get(root) + ", Java " + atRoot));
            reached.put(root, new Reached(start, learnt));
            modelPath.put(root, List.of());
            queue.add(root);
            try {
                while (!queue.isEmpty()) {
                    String s = queue.poll();
                    try (Reached at = reached.remove(s)) {
                        for (Edge e : out.getOrDefault(s, List.of())) step(at, e);
                    }
                }
            } finally {
                reached.values().forEach(Reached::close);
            }
        }

        /** Edge e from a reached state: matched in Java, its verdict compared, and its target queued if new. */
        private void step(Reached at, Edge e) {
            behaviours++;
            List<Edge> mp = new ArrayList<>(modelPath.get(e.from()));
            mp.add(e);
            Match m = match(at, e);
            if (m.step() == null) {
                div.add(new Divergence(mp, mp.size(), m.detail()));
                return;
            }
            covered.add(e.action());
            if (modelPath.containsKey(e.to())) {
                m.reached().close();
                return;
            }
            verdictsCompared++;
            if (!m.verdict().equals(g.verdicts().get(e.to()))) {
                m.reached().close();
                div.add(new Divergence(
                        mp,
                        mp.size(),
                        "invariant verdicts differ: TLA+ violates "
                                + g.verdicts().get(e.to()) + ", Java " + m.verdict()));
                return;
            }
            modelPath.put(e.to(), mp);
            reached.put(e.to(), m.reached());
            queue.add(e.to());
        }

        /**
         * The first candidate step from a reached state whose result is the model's state, with coherent key terms.
         * Each candidate is taken on a copy of the reached system; the match's copy is kept, the others destroyed.
         */
        Match match(Reached at, Edge e) {
            Map<String, Object> target = g.nodes().get(e.to());
            String detail = "no enabled Java step named " + e.action();
            List<Step> candidates = at.system().enabled().stream()
                    .filter(st -> st.action() == Action.valueOf(e.action()))
                    .toList();
            for (Step cand : candidates) {
                Reached next = new Reached(at.system().copy(), at.keys().copy());
                boolean keep = false;
                try {
                    next.system().apply(cand);
                    applied++;
                    Map<String, Object> got = Mapping.state(next.system());
                    if (got.equals(target)) {
                        List<String> bad = next.keys().check(next.system());
                        keysChecked += next.keys().checked();
                        if (bad.isEmpty()) {
                            keep = true;
                            return new Match(cand, javaViolated(next.system()), null, next);
                        }
                        detail = "after " + cand + ": the model's state, but " + bad.get(0);
                    } else detail = "after " + cand + ": " + diff(target, got);
                } finally {
                    if (!keep) next.close();
                }
            }
            return new Match(null, null, detail, null);
        }
    }

    private static double secondsSince(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** TLC's state graph of the replay module: each state's variables and violated parts, and the labelled edges. */
    private record Graph(
            Map<String, Map<String, Object>> nodes,
            Map<String, List<String>> verdicts,
            List<Edge> edges,
            double tlcSecs) {}

    private Graph dump(Setup setup) throws IOException, InterruptedException {
        Path dir = Scratch.dir(home.resolve("target/model-replay"));
        Map<String, Map<String, Object>> nodes = new HashMap<>();
        Map<String, List<String>> verdicts = new HashMap<>();
        List<Edge> edges = new ArrayList<>();
        TlcRunner.Run run;
        try {
            Path dot = dir.resolve("graph.dot");
            String cfg =
                    "SPECIFICATION ReplaySpec\n" + Manifest.constantsSection(TraceValidation.constants(setup), false);
            Files.writeString(dir.resolve("MCReplay.tla"), replayModule());
            run = new TlcRunner(home)
                    .run(
                            dir,
                            "MCReplay.tla",
                            cfg,
                            List.of("-dump", "dot,actionlabels", dot.toString()),
                            1,
                            600,
                            null,
                            false,
                            true);
            if (!run.output().success())
                throw new IllegalStateException(
                        "TLC could not dump the graph: " + run.output().errors());
            Path dumped = Files.exists(dot) ? dot : Path.of(dot + ".dot");
            for (String line : Files.readAllLines(dumped)) {
                Matcher n = NODE.matcher(line);
                if (n.matches()) {
                    String label = n.group(2)
                            .replace("\\n", "\n")
                            .replace("\\\"", "\"")
                            .replace("\\\\", "\\");
                    Map<String, Object> st = new HashMap<>();
                    ToolOutput.vars(label).forEach((k, v) -> st.put(k, TlaValue.parse(v)));
                    verdicts.put(n.group(1), tlaViolated(st.remove("verdict")));
                    nodes.put(n.group(1), st);
                    continue;
                }
                Matcher e = EDGE.matcher(line);
                if (e.find() && !e.group(1).equals(e.group(2)))
                    edges.add(new Edge(
                            e.group(1),
                            e.group(2),
                            ToolOutput.actionName(e.group(3).replaceFirst("^Replay", ""))));
            }
        } finally {
            Scratch.close(dir);
        }
        return new Graph(nodes, verdicts, edges, run.seconds());
    }

    /** The Java step that realises an edge of the model and the state it reached, or why none does. */
    private record Match(Step step, List<String> verdict, String detail, Walk.Reached reached) {}

    static String diff(Map<String, Object> model, Map<String, Object> java) {
        List<String> d = new ArrayList<>();
        for (String k : model.keySet())
            if (!model.get(k).equals(java.get(k)))
                d.add(k + " model " + TlaValue.write(model.get(k)) + " java " + TlaValue.write(java.get(k)));
        return String.join("; ", d);
    }
}

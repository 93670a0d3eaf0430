package org.srvcc.simulation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.srvcc.procedure.Action;
import org.srvcc.procedure.Invariants;
import org.srvcc.procedure.Srvcc;
import org.srvcc.procedure.Step;

/**
 * The action-sequence runner: seeded weighted random walks over the enabled steps, every
 * invariant checked after every step, failing sequences shrunk by delta debugging.
 */
public final class Runner {
    /** Outcome of one sequence: the steps taken, the first violation (or null) and where. */
    public record Run(Setup setup, List<Step> steps, String violated, int atStep, Srvcc end) {
        public boolean failed() {
            return violated != null;
        }
    }

    /** Counts per action across runs: how often enabled, how often taken. */
    public static final class Stats {
        public final Map<Action, Long> taken = new EnumMap<>(Action.class);
        public long runs, steps;

        void add(Run r) {
            runs++;
            steps += r.steps().size();
            for (Step s : r.steps()) taken.merge(s.action(), 1L, Long::sum);
        }
    }

    private final Map<Action.Kind, Integer> weights;
    /** null: a run stops at the first invariant violated; else only at a violation of this invariant. */
    private final String target;

    public Runner(Map<Action.Kind, Integer> weights) {
        this(weights, null);
    }

    private Runner(Map<Action.Kind, Integer> weights, String target) {
        this.weights = weights;
        this.target = target;
    }

    /**
     * The same runner searching for a violation of one invariant, walking on past others: for a design
     * option that breaks an earlier-listed invariant first (no COUNT increment breaks CountMonotonic
     * at the first derivation, long before two attempts map the same keys).
     */
    public Runner targeting(String invariant) {
        if (!Invariants.PARTS.containsKey(invariant))
            throw new IllegalArgumentException("unknown invariant " + invariant);
        return new Runner(weights, invariant);
    }

    /** The invariant this state violates, as the runner counts it (null: none that counts). */
    static String violation(Srvcc s, String target) {
        List<String> v = Invariants.violated(s);
        if (target == null) return v.isEmpty() ? null : v.get(0);
        return v.contains(target) ? target : null;
    }

    public static Runner defaultWeights() {
        Map<Action.Kind, Integer> w = new EnumMap<>(Action.Kind.class);
        w.put(Action.Kind.PROGRESS, 12);
        w.put(Action.Kind.ENVIRONMENT, 3);
        w.put(Action.Kind.FAILURE, 2);
        w.put(Action.Kind.FAULT, 2);
        w.put(Action.Kind.MUTANT, 3);
        return new Runner(w);
    }

    /** One random sequence of at most maxSteps steps; stops early at a violation or when nothing is enabled. */
    public Run random(Setup setup, long seed, int maxSteps) {
        Random rnd = new Random(seed);
        Srvcc s = setup.start();
        List<Step> taken = new ArrayList<>();
        for (int i = 0; i < maxSteps; i++) {
            List<Step> en = s.enabled();
            if (en.isEmpty()) break;
            Step st = pick(en, rnd);
            s.apply(st);
            taken.add(st);
            String v = violation(s, target);
            if (v != null) return new Run(setup, taken, v, taken.size(), s);
        }
        return new Run(setup, taken, null, -1, s);
    }

    private Step pick(List<Step> en, Random rnd) {
        int total = 0;
        for (Step s : en) total += weights.getOrDefault(s.action().kind, 1);
        int r = rnd.nextInt(total);
        for (Step s : en) {
            r -= weights.getOrDefault(s.action().kind, 1);
            if (r < 0) return s;
        }
        return en.get(en.size() - 1);
    }

    /**
     * Replays steps from the start; a step that is not enabled any more (after shrinking removed
     * what enabled it) is skipped. Returns the run up to the first violation.
     */
    public static Run replay(Setup setup, List<Step> steps) {
        return replay(setup, steps, null);
    }

    /** As above; with a target, only a violation of that invariant ends the run. */
    public static Run replay(Setup setup, List<Step> steps, String target) {
        Srvcc s = setup.start();
        List<Step> taken = new ArrayList<>();
        for (Step st : steps) {
            if (!s.enabled().contains(st)) continue;
            s.apply(st);
            taken.add(st);
            String v = violation(s, target);
            if (v != null) return new Run(setup, taken, v, taken.size(), s);
        }
        return new Run(setup, taken, null, -1, s);
    }

    /** Delta debugging (ddmin): the smallest sequence found that still violates the same invariant. */
    public static Run shrink(Run failing) {
        return shrink(failing, null);
    }

    private static Run shrink(Run failing, String only) {
        String target = failing.violated();
        List<Step> cur = new ArrayList<>(failing.steps());
        int n = 2;
        while (cur.size() >= 2) {
            int chunk = (int) Math.ceil(cur.size() / (double) n);
            boolean reduced = false;
            for (int i = 0; i < n && !reduced; i++) {
                List<Step> without = new ArrayList<>(cur.subList(0, Math.min(i * chunk, cur.size())));
                without.addAll(cur.subList(Math.min((i + 1) * chunk, cur.size()), cur.size()));
                Run r = replay(failing.setup(), without, only);
                if (target.equals(r.violated())) {
                    cur = new ArrayList<>(r.steps());
                    n = Math.max(n - 1, 2);
                    reduced = true;
                }
            }
            if (!reduced) {
                if (n >= cur.size()) break;
                n = Math.min(cur.size(), n * 2);
            }
        }
        return replay(failing.setup(), cur, only);
    }

    /** Many random runs; returns the first failing run shrunk, or null. */
    public Run explore(Setup setup, long seed, int runs, int maxSteps, Stats stats) {
        Random seeds = new Random(seed);
        for (int i = 0; i < runs; i++) {
            Run r = random(setup, seeds.nextLong(), maxSteps);
            if (stats != null) stats.add(r);
            if (r.failed()) return shrink(r, target);
        }
        return null;
    }
}

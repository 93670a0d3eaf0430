package org.srvcc.simulation;

import java.util.ArrayList;
import java.util.List;
import org.srvcc.procedure.Profile;
import org.srvcc.procedure.Step;

/**
 * Saved counterexamples (src/test/resources/regressions). The replayable scenario format: comment
 * lines, a setup line, an expect line (or a target line: violations of other invariants on the way
 * do not end the replay), one step per line.
 */
public final class Regressions {
    private Regressions() {}

    /** {@code targeted}: the run went on past violations of other invariants (Runner.targeting). */
    public record Scenario(Setup setup, String expect, boolean targeted, List<Step> steps) {}

    public static String fileName(String invariant, Profile p, String option) {
        return invariant + "-" + p + "-" + option.replaceAll("[^A-Za-z0-9]+", "_") + ".scenario";
    }

    public static String write(Setup s, List<Step> steps, String invariant, String flow) {
        return write(s, steps, invariant, false, flow);
    }

    public static String write(Setup s, List<Step> steps, String invariant, boolean targeted, String flow) {
        StringBuilder b =
                new StringBuilder("# Shrunk counterexample found by MutantsTest; replayed by RegressionsTest.\n");
        for (String l : flow.split("\n")) b.append("# ").append(l).append('\n');
        b.append("setup ").append(s.text()).append('\n');
        b.append(targeted ? "target " : "expect ").append(invariant).append('\n');
        for (Step st : steps) b.append(st).append('\n');
        return b.toString();
    }

    public static Scenario parse(String text) {
        Setup setup = null;
        String expect = null;
        boolean targeted = false;
        List<Step> steps = new ArrayList<>();
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            if (l.startsWith("setup ")) setup = Setup.parse(l.substring(6));
            else if (l.startsWith("expect ")) expect = l.substring(7).strip();
            else if (l.startsWith("target ")) {
                expect = l.substring(7).strip();
                targeted = true;
            } else steps.add(Step.parse(l));
        }
        if (setup == null || expect == null)
            throw new IllegalArgumentException("scenario needs setup and expect lines");
        return new Scenario(setup, expect, targeted, steps);
    }
}

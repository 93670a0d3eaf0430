package org.srvcc.model;

import java.io.IOException;
import java.util.List;

/**
 * How fast TLC runs on this machine, from a short run of spec/PlainBench.tla, so that the
 * manifest's time budgets (set on the project's 2-core machines) scale with the machine: a slower
 * CI runner gets proportionally more time instead of failing a model that is merely slow.
 */
public final class Calibration {
    /** PlainBench with K = 19 (128,000 states) on the reference machine: generated states per second. */
    public static final double REFERENCE_RATE = 400_000;

    public record Result(double rate, double scale) {}

    private Calibration() {}

    /** Budgets are multiplied by reference/measured, never below 1 (a faster machine keeps the budget). */
    public static double scale(double measuredRate) {
        if (!(measuredRate > 0)) return 1;
        return Math.max(1.0, REFERENCE_RATE / measuredRate);
    }

    public static Result measure(java.nio.file.Path home) throws IOException, InterruptedException {
        TlcRunner.Run r = new TlcRunner(home).run(home.resolve("spec"), "PlainBench.tla",
            "SPECIFICATION Spec\nCONSTANTS\n  K = 19\nINVARIANTS\n  TypeOK\n", List.of(), 1, 120, null);
        if (!r.output().success()) return new Result(-1, 1);
        double rate = r.output().stats()[1] / r.seconds();
        return new Result(rate, scale(rate));
    }
}

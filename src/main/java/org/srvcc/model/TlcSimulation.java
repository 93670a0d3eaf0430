package org.srvcc.model;

import java.io.IOException;
import java.util.List;
import org.srvcc.tlc.TlcRunner;
import org.srvcc.tlc.ToolOutput;

/**
 * TLC's random simulation of a manifest model, for configurations too large to exhaust: batches
 * of behaviours of bounded depth, each batch with its own seed, until the time is up or a part
 * of an invariant fails. A violation names the seed whose first batch reproduces it.
 */
public final class TlcSimulation {
    public record Result(long behaviours, long states, double seconds, String violated, Flow flow, long seed) {}

    private TlcSimulation() {}

    public static Result run(Manifest manifest, Manifest.Model m, int depth, double seconds, long seed, int batch)
            throws IOException, InterruptedException {
        if (!m.mode().equals("safety"))
            throw new IllegalArgumentException(
                    "--simulate checks invariants: " + m.name() + " is a " + m.mode() + " model");
        TlcRunner tlc = new TlcRunner(manifest.home);
        long t0 = System.nanoTime(), behaviours = 0, states = 0, s = seed;
        do {
            TlcRunner.Run run = tlc.run(
                    manifest.home.resolve("model-checks"),
                    manifest.module + ".tla",
                    m.cfg(m.invariants()),
                    List.of("-simulate", "num=" + batch, "-depth", String.valueOf(depth), "-seed", String.valueOf(s)),
                    1,
                    Math.max(60, (long) seconds * 4),
                    null);
            ToolOutput out = run.output();
            String inv = out.violatedInvariant() != null ? out.violatedInvariant() : out.violatedActionProperty();
            if (inv != null) {
                Flow f = Flow.ofTlc(
                        "Simulation of " + m.name() + " (seed " + s + "): " + inv, out.trace(), m.profile(), inv);
                return new Result(behaviours, states, (System.nanoTime() - t0) / 1e9, inv, f, s);
            }
            long generated = out.simulatedStates();
            if (generated < 0 || !out.errors().isEmpty())
                throw new IllegalStateException("TLC's simulation of " + m.name() + " did not finish: " + out.errors());
            behaviours += batch;
            states += generated;
            s++;
        } while ((System.nanoTime() - t0) / 1e9 < seconds);
        return new Result(behaviours, states, (System.nanoTime() - t0) / 1e9, null, null, seed);
    }
}

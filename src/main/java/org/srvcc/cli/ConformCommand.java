package org.srvcc.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.srvcc.model.Conformance;
import org.srvcc.model.Home;
import org.srvcc.model.ModelReplay;
import org.srvcc.model.TraceValidation;
import org.srvcc.procedure.Profile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "conform", mixinStandardHelpOptions = true,
    description = {"Checks the Java implementation against the TLA+ model with TLC.",
        "Validates random fault-injected Java traces as behaviours of spec/Srvcc.tla, and replays every transition of "
            + "small models in Java. Exit status 1 if any trace is rejected or any replay diverges."})
final class ConformCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--traces", defaultValue = "240", paramLabel = "N", description = "random Java runs to validate (default 240)")
    int traces;

    @Option(names = "--seed", defaultValue = "20261128", paramLabel = "S", description = "seed of the random runs")
    long seed;

    @Option(names = "--profile", paramLabel = "P", description = "only this profile (repeatable); default all three")
    List<String> profiles = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (traces < 0 || traces > 100_000) throw new Main.UserError("--traces: " + traces + " is outside 0..100000");
        List<Profile> ps = new ArrayList<>();
        for (String p : profiles) ps.add(Profile.parse(p));
        if (ps.isEmpty()) ps = List.of(Profile.values());
        PrintWriter out = spec.commandLine().getOut();
        Conformance.Summary s = Conformance.run(Home.find(), ps, traces, seed);
        out.print(render(s));
        boolean ok = s.traces().rejections().isEmpty() && s.traces().errors().isEmpty()
            && s.replays().stream().allMatch(r -> r.divergences().isEmpty());
        out.println(ok ? "conformance: the implementation follows the model" : "conformance: DIFFERENCES found");
        return ok ? 0 : 1;
    }

    static String render(Conformance.Summary s) {
        StringBuilder b = new StringBuilder();
        TraceValidation.Result t = s.traces();
        b.append(String.format("trace validation: %d Java runs, %d steps, %d TLC runs, %.1f s: %d rejected%n",
            t.runs(), t.steps(), t.tlcRuns(), t.seconds(), t.rejections().size()));
        for (TraceValidation.Rejection r : t.rejections())
            b.append("  rejected ").append(r.run().setup().text()).append(" at step ").append(r.step() + 1).append(' ')
                .append(r.javaStep()).append(": Java changed ").append(String.join("; ", r.changedByJava())).append("\n    ")
                .append(r.modelAllows()).append('\n');
        for (String e : t.errors()) b.append("  error: ").append(e).append('\n');
        int beh = 0, tr = 0;
        for (int i = 0; i < s.replays().size(); i++) {
            ModelReplay.Result r = s.replays().get(i);
            beh += r.behaviours();
            tr += r.transitions();
            b.append(String.format("model replay %-60s %5d states %5d transitions replayed, %2d actions, %d diverged, %.1f s%n",
                s.replaySetups().get(i).withSeed(0).text(), r.states(), r.transitions(), r.actionsCovered().size(),
                r.divergences().size(), r.seconds()));
            for (ModelReplay.Divergence d : r.divergences().subList(0, Math.min(5, r.divergences().size())))
                b.append("  diverged at step ").append(d.at()).append(" (").append(d.path().get(d.path().size() - 1).action())
                    .append("): ").append(d.detail()).append('\n');
        }
        b.append(String.format("total: %d traces validated, %d model transitions replayed in %d behaviours, %.1f s%n",
            t.runs() - t.rejections().size(), tr, beh, s.seconds()));
        return b.toString();
    }
}

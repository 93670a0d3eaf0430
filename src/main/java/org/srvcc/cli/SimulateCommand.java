package org.srvcc.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.srvcc.kdf.Hex;
import org.srvcc.kdf.InsecureKeyAccess;
import org.srvcc.model.Flow;
import org.srvcc.model.TraceRecorder;
import org.srvcc.network.Setup;
import org.srvcc.network.Simulation;
import org.srvcc.procedure.Invariants;
import org.srvcc.procedure.MscServer;
import org.srvcc.procedure.Srvcc;
import org.srvcc.procedure.Ue;
import org.srvcc.procedure.Bounds;
import org.srvcc.procedure.Options;
import org.srvcc.procedure.Profile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = {"Runs one SRVCC handover of UE 1 through all nodes in-process and prints the numbered message",
        "flow, each node's final state and the invariants. Faults are injected where they bite."})
final class SimulateCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--profile", defaultValue = "ts33501", paramLabel = "P", description = "ts33501 (default), draft-via-mme, draft-direct")
    String profile;

    @Option(names = "--option", paramLabel = "NAME=VALUE", description = "a design option or mutant switch (repeatable)")
    List<String> options = new ArrayList<>();

    @Option(names = "--faults", split = ",", paramLabel = "F", description = "comma-separated: ${COMPLETION-CANDIDATES}")
    List<String> faults = new ArrayList<>();

    @Option(names = "--session", defaultValue = "normal", paramLabel = "S", description = "normal, emergency or emergency-unauth")
    String session;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the KAMF bytes (default 1)")
    long seed;

    @Option(names = "--trace", paramLabel = "FILE", description = "write the run as NDJSON")
    Path trace;

    @Option(names = "--show-keys", description = "print CK_SRVCC and IK_SRVCC of the UE and the MSC server (secret!)")
    boolean showKeys;

    @Override
    public Integer call() throws Exception {
        Profile p = Profile.parse(profile);
        Options o = Options.STANDARD.with(options);
        EnumSet<Simulation.Fault> fs = EnumSet.noneOf(Simulation.Fault.class);
        for (String f : faults) fs.add(Simulation.Fault.parse(f.trim()));
        Set<Integer> emergency = Set.of(), unauth = Set.of();
        switch (session) {
            case "normal" -> { }
            case "emergency" -> emergency = Set.of(1);
            case "emergency-unauth" -> unauth = Set.of(1);
            default -> throw new Main.UserError("--session: '" + session + "' is not normal, emergency or emergency-unauth");
        }
        Bounds b = new Bounds(1, 4, 0xFFFFFF, 4, 4, 0, 0);
        Setup setup = new Setup(p, o, b, emergency, unauth, Set.of(), seed);
        TraceRecorder recorder = trace == null ? null : new TraceRecorder(setup);
        Simulation.Result r = Simulation.run(setup, fs, recorder == null ? x -> { } : recorder);
        String title = "SRVCC 5G -> UTRAN, profile " + p + (o.diffText().isEmpty() ? "" : " with " + o.diffText())
            + (fs.isEmpty() ? "" : ", faults " + String.join(",", faults)) + ", session " + session;
        Flow flow = Flow.ofJava(title, p, r.steps(), r.sent(), null);
        if (!r.notInjected().isEmpty())
            throw new Main.UserError("fault(s) " + r.notInjected() + " found no place to bite in this flow");
        PrintWriter out = spec.commandLine().getOut();
        out.println(flow.title());
        out.print(flow.render());
        out.println("final states:");
        for (Map.Entry<String, String> e : Simulation.finalStates(r.end()).entrySet())
            out.printf("  %-10s %s%n", e.getKey(), e.getValue());
        out.println("UE and MSC: " + agreement(r.end()));
        if (showKeys) for (Map.Entry<String, byte[]> e : r.end().revealCsKeys(1, InsecureKeyAccess.get()).entrySet())
            out.printf("  %-14s %s%n", e.getKey(), e.getValue() == null ? "(none)" : Hex.encode(e.getValue()));
        out.println(r.violated().isEmpty() ? "invariants: all hold after every step"
            : "invariants VIOLATED: " + String.join(", ", r.violated()));
        if (trace != null) {
            Files.write(trace, recorder.lines(r.steps(), flow));
            out.println("trace: " + trace + " (" + r.steps().size() + " steps)");
        }
        return r.violated().isEmpty() ? 0 : 1;
    }

    /** What UE 1 and the MSC hold, by key terms and KSI (no key bytes), and whether the keys agree. */
    static String agreement(Srvcc s) {
        Ue.View x = s.ue(1);
        MscServer.View c = s.msc(1);
        String ue = "UE " + x.state() + (x.key() == null ? ", no CS keys" : ", keys " + x.key() + ", KSI " + x.ksi());
        String msc = "MSC " + c.state() + (c.key() == null ? ", no mapped context" : ", keys " + c.key() + ", KSI " + c.ksi() + ", " + c.alg().model);
        String both = x.key() != null && c.key() != null
            ? (Invariants.csKeysAgree(s, 1) ? "; same CK, IK and KSI" : "; DIFFERENT keys or KSI") : "";
        return ue + "; " + msc + both;
    }
}

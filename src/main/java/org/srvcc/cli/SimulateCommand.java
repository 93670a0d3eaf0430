package org.srvcc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.srvcc.conformance.TraceRecorder;
import org.srvcc.files.AtomicFiles;
import org.srvcc.kdf.Hex;
import org.srvcc.kdf.InsecureKeyAccess;
import org.srvcc.kdf.Kamf;
import org.srvcc.model.Flow;
import org.srvcc.procedure.Algorithm;
import org.srvcc.procedure.Bounds;
import org.srvcc.procedure.Capabilities;
import org.srvcc.procedure.Invariants;
import org.srvcc.procedure.MscServer;
import org.srvcc.procedure.Options;
import org.srvcc.procedure.Profile;
import org.srvcc.procedure.Selection;
import org.srvcc.procedure.Srvcc;
import org.srvcc.procedure.Ue;
import org.srvcc.simulation.Capture;
import org.srvcc.simulation.Setup;
import org.srvcc.simulation.Simulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = {
            "Runs one SRVCC handover of UE 1 through all nodes in-process and prints its message flow.",
            "Prints each node's final state and the invariants after every step; faults are injected where they bite. "
                    + "Simulation KAMFs are derived from --seed: they are reproducible and NOT secret."
        })
final class SimulateCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--profile",
            defaultValue = "ts33501",
            paramLabel = "P",
            description = "ts33501 (default), draft-via-mme, draft-direct")
    String profile;

    @Option(
            names = "--option",
            paramLabel = "NAME=VALUE",
            description = "a design option or mutant switch (repeatable, each name once)")
    List<String> options = new ArrayList<>();

    @Option(names = "--faults", paramLabel = "F,F,...", description = "comma-separated fault classes (listed below)")
    List<String> faults = new ArrayList<>();

    @Option(
            names = "--session",
            defaultValue = "normal",
            paramLabel = "S",
            description =
                    "normal, emergency, emergency-unauth, or emergency-no-context (no SIM: no 5G security context, "
                            + "ngKSI 7)")
    String session;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the simulation KAMF bytes (default 1)")
    long seed;

    @Option(
            names = "--trace",
            paramLabel = "FILE",
            description = "write the run as NDJSON (schema: src/main/resources/schema/trace.schema.json)")
    String trace;

    @Option(names = "--force", description = "replace an existing --trace or --pcap file")
    boolean force;

    @Option(
            names = "--pcap",
            paramLabel = "FILE",
            description = "write every GTPv2-C message of the run as IPv4/UDP port 2123 packets (libpcap); "
                    + "the file holds KASME_SRVCC, CK_SRVCC and IK_SRVCC as the wire carries them")
    String pcap;

    @Option(
            names = "--kamf-file",
            paramLabel = "PATH|-",
            description = "UE 1's first KAMF in hex from a file (or - for standard input) instead of the seed's")
    String kamfFile;

    @Option(
            names = "--kamf-env",
            paramLabel = "NAME",
            description = "UE 1's first KAMF in hex from this environment variable")
    String kamfEnv;

    @Option(
            names = "--show-keys",
            description = "print CK_SRVCC and IK_SRVCC of the UE and the MSC server (simulation keys)")
    boolean showKeys;

    @Override
    public Integer call() throws Exception {
        Profile p = Profile.parse(profile);
        EnumSet<Simulation.Fault> fs = parseFaults();
        List<String> opts = new ArrayList<>(options);
        // the fault needs the AMF to be allowed to send DL NAS during a handover
        if (fs.contains(Simulation.Fault.NAS_DURING_PREPARATION)
                && opts.stream().noneMatch(x -> x.startsWith("nasDuringHandover"))) opts.add("nasDuringHandover=true");
        Options o = Options.STANDARD.with(opts);
        Set<Integer> emergency = Set.of(), unauth = Set.of();
        switch (session) {
            case "normal" -> {}
            case "emergency" -> emergency = Set.of(1);
            case "emergency-unauth", "emergency-no-context" -> unauth = Set.of(1);
            default ->
                throw new Main.UserError("--session: '" + Main.printable(session)
                        + "' is not normal, emergency, emergency-unauth or emergency-no-context");
        }
        Path traceFile = trace == null ? null : AtomicFiles.outputFile("--trace", trace, force); // before any work
        Path pcapFile = pcap == null ? null : AtomicFiles.outputFile("--pcap", pcap, force);
        if (traceFile != null && traceFile.equals(pcapFile))
            throw new Main.UserError("--trace and --pcap name the same file");
        Kamf kamf = givenKamf();
        Capture capture = new Capture();
        Bounds b = Bounds.of(1).attempts(4).count(0xFFFFFF).kamf(4).faults(4);
        Capabilities caps = Simulation.capabilitiesFor(fs);
        if (session.equals("emergency-no-context") && kamf != null) {
            kamf.destroy();
            throw new Main.UserError("--session emergency-no-context has no KAMF to give: drop --kamf-file/--kamf-env");
        }
        if (session.equals("emergency-no-context"))
            caps = new Capabilities(
                    caps.weakUes(), caps.srvccIncapableUes(), caps.tamperedLinks(), caps.maxTampers(), Set.of(1));
        Setup setup = new Setup(p, o, b, emergency, unauth, Set.of(), seed, caps);
        TraceRecorder recorder = traceFile == null ? null : new TraceRecorder(setup);
        Simulation.Result r;
        try {
            r = Simulation.run(
                    setup, fs, recorder == null ? x -> {} : recorder, kamf, pcapFile == null ? w -> {} : capture);
        } finally {
            if (kamf != null) kamf.destroy();
        }
        try {
            if (!r.notInjected().isEmpty())
                throw new Main.UserError("fault(s) " + r.notInjected() + " found no place to bite in this flow");
            Flow flow = Flow.ofJava(title(p, o, fs), p, r.steps(), r.sent(), null);
            if (traceFile != null) AtomicFiles.writeLines(traceFile, recorder.lines(r.steps(), flow));
            if (pcapFile != null) {
                byte[] file = capture.pcap();
                try {
                    AtomicFiles.write(pcapFile, file);
                } finally {
                    Arrays.fill(file, (byte) 0);
                }
            }
            print(spec.commandLine().getOut(), flow, r, setup, capture);
            return r.violated().isEmpty() ? 0 : 1;
        } finally {
            r.end().destroyKeys();
            capture.wipe();
        }
    }

    private String title(Profile p, Options o, EnumSet<Simulation.Fault> fs) {
        return "SRVCC 5G -> UTRAN, profile " + p + (o.diffText().isEmpty() ? "" : " with " + o.diffText())
                + (fs.isEmpty()
                        ? ""
                        : ", faults "
                                + String.join(",", fs.stream().map(f -> f.cli).toList()))
                + ", session " + session;
    }

    /** UE 1's KAMF from --kamf-file or --kamf-env, or null: the seed's. */
    private Kamf givenKamf() throws Exception {
        if (kamfFile == null && kamfEnv == null) return null;
        byte[] raw = Args.key256("--kamf-file", Args.secret("kamf", kamfFile, kamfEnv, null, System.in));
        try {
            return Kamf.of(raw, 1, InsecureKeyAccess.get());
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** The flow, the final states, the verdicts, the keys when asked for, and where the trace and capture went. */
    private void print(PrintWriter out, Flow flow, Simulation.Result r, Setup setup, Capture capture) {
        out.println(flow.title());
        out.print(flow.render());
        out.println("final states:");
        for (Map.Entry<String, String> e : Simulation.finalStates(r.end()).entrySet())
            out.printf("  %-10s %s%n", e.getKey(), e.getValue());
        out.println("UE and MSC: " + agreement(r.end()));
        if (!setup.caps().isNone()) out.println("capabilities: " + capabilities(r.end(), setup));
        if (showKeys) {
            out.println(
                    kamfFile != null || kamfEnv != null
                            ? "keys (derived from the KAMF given for UE 1: secret if that KAMF is):"
                            : "keys (simulation keys derived from --seed " + seed + ": not secret):");
            for (Map.Entry<String, byte[]> e :
                    r.end().revealCsKeys(1, InsecureKeyAccess.get()).entrySet()) {
                out.printf("  %-14s %s%n", e.getKey(), e.getValue() == null ? "(none)" : Hex.encode(e.getValue()));
                if (e.getValue() != null) Arrays.fill(e.getValue(), (byte) 0);
            }
        }
        out.println(
                r.violated().isEmpty()
                        ? "invariants: all hold after every step"
                        : "invariants VIOLATED: " + String.join(", ", r.violated()));
        if (trace != null) out.println("trace: " + trace + " (" + r.steps().size() + " steps)");
        if (pcap != null)
            out.println("pcap: " + pcap + " (" + capture.size()
                    + " GTPv2-C packets; holds the run's KASME_SRVCC, CK_SRVCC and IK_SRVCC)");
    }

    /** Each fault once, no empty names. */
    private EnumSet<Simulation.Fault> parseFaults() {
        EnumSet<Simulation.Fault> fs = EnumSet.noneOf(Simulation.Fault.class);
        for (String group : faults)
            for (String f : group.split(",", -1)) {
                if (f.isBlank()) throw new Main.UserError("--faults: an empty fault name (e.g. a stray comma)");
                Simulation.Fault x = Simulation.Fault.parse(f.trim());
                if (!fs.add(x)) throw new Main.UserError("--faults: " + x.cli + " is given twice");
            }
        return fs;
    }

    /** UE 1's capabilities against what the MSC selected, and what the attacker did. */
    static String capabilities(Srvcc s, Setup setup) {
        var have = setup.caps().capabilityOf(1);
        var alg = s.msc(1).alg();
        String sel = alg.equals(Selection.NONE) ? "nothing selected" : "MSC selected " + alg;
        return "UE 1 has " + String.join(",", Algorithm.names(have))
                + (setup.caps().srvccCapable(1) ? "" : ", no 5G-SRVCC capability") + "; " + sel
                + "; attacker rewrites: " + s.network().tampers();
    }

    /** What UE 1 and the MSC hold, by key terms and KSI (no key bytes), and whether the keys agree. */
    static String agreement(Srvcc s) {
        Ue.View x = s.ue(1);
        MscServer.View c = s.msc(1);
        String ue = "UE " + x.state() + (x.key() == null ? ", no CS keys" : ", keys " + x.key() + ", KSI " + x.ksi());
        String msc = "MSC " + c.state()
                + (c.key() == null ? ", no mapped context" : ", keys " + c.key() + ", KSI " + c.ksi() + ", " + c.alg());
        String both = x.key() != null && c.key() != null
                ? (Invariants.csKeysAgree(s, 1) ? "; same CK, IK and KSI" : "; DIFFERENT keys or KSI")
                : "";
        return ue + "; " + msc + both;
    }
}

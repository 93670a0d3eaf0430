package org.srvcc.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.srvcc.conformance.Conformance;
import org.srvcc.conformance.ModelReplay;
import org.srvcc.conformance.PcapConformance;
import org.srvcc.conformance.TraceValidation;
import org.srvcc.files.Home;
import org.srvcc.procedure.Profile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "conform",
        mixinStandardHelpOptions = true,
        description = {
            "Checks the Java implementation against the TLA+ model with TLC, or a capture against Annex J.",
            "Without --pcap: validates random fault-injected Java traces as behaviours of spec/Srvcc.tla, and "
                    + "replays every "
                    + "transition of small models in Java. Exit status 1 if any trace is rejected or any replay "
                    + "diverges.",
            "With --pcap FILE: checks the GTPv2-C messages of a capture (pcap or pcapng) from any implementation "
                    + "against "
                    + "TS 33.501 Annex J as far as the wire shows it: the rules apply to 5G-SRVCC (a Forward "
                    + "Relocation Request with "
                    + "5SRHOI, the Sv messages), other traffic is skipped and counted. Without the KAMF the wire "
                    + "alone decides the "
                    + "A.12 chain, the KSI mapping, freshness and order; --kamf-file adds KASME_SRVCC and the KAMF "
                    + "scan. One line "
                    + "per rule: PASS, FAIL (with packet numbers) or N/A (with the reason). Exit status 1 on any "
                    + "break, "
                    + "3 when the capture holds no 5G-SRVCC procedure."
        })
final class ConformCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--traces",
            defaultValue = "240",
            paramLabel = "N",
            description = "random Java runs to validate (default 240)")
    int traces;

    @Option(names = "--seed", defaultValue = "20261128", paramLabel = "S", description = "seed of the random runs")
    long seed;

    @Option(names = "--profile", paramLabel = "P", description = "only this profile (repeatable); default all three")
    List<String> profiles = new ArrayList<>();

    @Option(names = "--pcap", paramLabel = "FILE", description = "a pcap or pcapng capture to check")
    String pcap;

    @Option(
            names = "--port",
            defaultValue = "2123",
            paramLabel = "N",
            description = "with --pcap: the UDP port of GTP-C (default 2123)")
    int port;

    @Option(
            names = "--kamf-file",
            paramLabel = "PATH|-",
            description = "with --pcap: a KAMF in hex, from a file or standard input (-); "
                    + "repeatable, one per authentication the capture spans")
    List<String> kamfFiles = new ArrayList<>();

    @Option(
            names = "--kamf-env",
            paramLabel = "NAME",
            description = "with --pcap: a KAMF in hex from this environment variable; repeatable")
    List<String> kamfEnvs = new ArrayList<>();

    @Option(
            names = "--count-search",
            defaultValue = "65536",
            paramLabel = "N",
            description = "with --pcap: DL NAS COUNTs tried when the MM Context's COUNT does not give the key (default "
                    + "65536)")
    int countSearch;

    @Override
    public Integer call() throws Exception {
        if (pcap != null) return checkPcap();
        if (!kamfFiles.isEmpty() || !kamfEnvs.isEmpty())
            throw new Main.UserError("--kamf-file and --kamf-env go with --pcap");
        for (String opt : List.of("--port", "--count-search"))
            if (spec.commandLine().getParseResult().hasMatchedOption(opt))
                throw new Main.UserError(opt + " goes with --pcap");
        if (traces < 0 || traces > 100_000) throw new Main.UserError("--traces: " + traces + " is outside 0..100000");
        List<Profile> ps = new ArrayList<>();
        for (String p : profiles) ps.add(Profile.parse(p));
        if (ps.isEmpty()) ps = List.of(Profile.values());
        PrintWriter out = spec.commandLine().getOut();
        Conformance.Summary s = Conformance.run(Home.find(), ps, traces, seed);
        out.print(render(s));
        boolean ok = s.traces().rejections().isEmpty()
                && s.traces().errors().isEmpty()
                && s.replays().stream().allMatch(r -> r.divergences().isEmpty());
        out.println(ok ? "conformance: the implementation follows the model" : "conformance: DIFFERENCES found");
        return ok ? 0 : 1;
    }

    /** The options --pcap refuses, each with a one-line reason, before anything is read. */
    private void refusePcapOptions() {
        for (String opt : List.of("--traces", "--seed"))
            if (spec.commandLine().getParseResult().hasMatchedOption(opt))
                throw new Main.UserError(opt + " goes with the model conformance run, not with --pcap");
        if (profiles.size() > 1)
            throw new Main.UserError(
                    "--pcap checks one profile at a time; --profile was given " + profiles.size() + " times");
        if (countSearch < 1 || countSearch > 0x1000000)
            throw new Main.UserError("--count-search: " + countSearch + " is outside 1..16777216");
        if (port < 1 || port > 65535) throw new Main.UserError("--port: " + port + " is outside 1..65535");
        if (kamfFiles.isEmpty()
                && kamfEnvs.isEmpty()
                && spec.commandLine().getParseResult().hasMatchedOption("--count-search"))
            throw new Main.UserError(
                    "--count-search goes with the KAMF (--kamf-file or --kamf-env): without it no COUNT is searched");
        if (kamfFiles.stream().filter("-"::equals).count() > 1)
            throw new Main.UserError("--kamf-file -: standard input can give one KAMF only");
    }

    private int checkPcap() {
        refusePcapOptions();
        Profile p = profiles.isEmpty() ? Profile.TS33501 : Profile.parse(profiles.get(0));
        List<byte[]> kamfs = new ArrayList<>();
        byte[] file = null; // a capture holds key material too
        PcapConformance.Report r;
        try {
            for (String f : kamfFiles)
                kamfs.add(Args.key256("--kamf-file", Args.secret("kamf", f, null, null, System.in)));
            for (String e : kamfEnvs)
                kamfs.add(Args.key256("--kamf-env", Args.secret("kamf", null, e, null, System.in)));
            file = Args.capture("--pcap", pcap);
            r = PcapConformance.check(file, kamfs, p, countSearch, port);
        } finally {
            for (byte[] k : kamfs) Arrays.fill(k, (byte) 0);
            if (file != null) Arrays.fill(file, (byte) 0);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                "capture %s: %d packets, %d GTP-C, %d messages of 5G-SRVCC; profile %s%n",
                Main.printable(pcap), r.packets(), r.gtp(), r.inScope(), p);
        if (!r.skippedBy().isEmpty())
            out.println("skipped: "
                    + String.join(
                            ", ",
                            r.skippedBy().entrySet().stream()
                                    .map(e -> e.getValue() + " " + e.getKey())
                                    .toList()));
        for (PcapConformance.Rule rule : PcapConformance.Rule.values()) {
            var bs = r.breaks().get(rule);
            int n = r.checked().get(rule);
            if (r.notApplicable(rule) != null) out.printf("N/A   %-12s %s%n", rule.id, r.notApplicable(rule));
            else if (bs.isEmpty()) out.printf("PASS  %-12s %s (%d checked)%n", rule.id, rule.statement, n);
            else
                for (var b : bs.subList(0, Math.min(20, bs.size())))
                    out.printf("FAIL  %-12s packet %d: %s%n", rule.id, b.packet(), b.what());
            if (bs.size() > 20) out.printf("FAIL  %-12s ... and %d more%n", rule.id, bs.size() - 20);
        }
        if (r.searchCapped())
            out.printf(
                    "count search: capped at %d derivations for this capture; attempts past the cap were tried only "
                            + "at the COUNT their MM Context names%n",
                    PcapConformance.SEARCH_BUDGET);
        if (r.inScope() == 0) {
            out.println("capture: no 5G-SRVCC procedure in it: nothing was checked");
            return 3;
        }
        out.println(r.holds() ? "capture: every rule that applies holds" : "capture: rules BROKEN");
        return r.holds() ? 0 : 1;
    }

    static String render(Conformance.Summary s) {
        StringBuilder b = new StringBuilder();
        TraceValidation.Result t = s.traces();
        b.append(String.format(
                "trace validation: %d Java runs, %d steps, %d TLC runs, %.1f s: %d rejected%n",
                t.runs(), t.steps(), t.tlcRuns(), t.seconds(), t.rejections().size()));
        for (TraceValidation.Rejection r : t.rejections())
            b.append("  rejected ")
                    .append(r.run().setup().text())
                    .append(" at step ")
                    .append(r.step() + 1)
                    .append(' ')
                    .append(r.javaStep())
                    .append(": Java changed ")
                    .append(String.join("; ", r.changedByJava()))
                    .append("\n    ")
                    .append(r.modelAllows())
                    .append('\n');
        for (String e : t.errors()) b.append("  error: ").append(e).append('\n');
        int beh = 0, tr = 0;
        for (int i = 0; i < s.replays().size(); i++) {
            ModelReplay.Result r = s.replays().get(i);
            beh += r.behaviours();
            tr += r.transitions();
            b.append(String.format(
                    "model replay %-70s %6d states %6d transitions replayed, %2d actions; verdicts compared in %6d "
                            + "states "
                            + "(%d violating); %8d key handles term-checked; %d diverged, %.1f s (TLC %.1f s)%n",
                    s.replaySetups().get(i).withSeed(0).text(),
                    r.states(),
                    r.transitions(),
                    r.actionsCovered().size(),
                    r.verdictsCompared(),
                    r.violatingStates(),
                    r.keysChecked(),
                    r.divergences().size(),
                    r.seconds(),
                    r.tlcSeconds()));
            for (ModelReplay.Divergence d :
                    r.divergences().subList(0, Math.min(5, r.divergences().size())))
                b.append("  diverged at step ")
                        .append(d.at())
                        .append(" (")
                        .append(d.path().get(d.path().size() - 1).action())
                        .append("): ")
                        .append(d.detail())
                        .append('\n');
        }
        b.append(String.format(
                "total: %d traces validated, %d model transitions replayed in %d behaviours, %.1f s%n",
                t.runs() - t.rejections().size(), tr, beh, s.seconds()));
        return b.toString();
    }
}

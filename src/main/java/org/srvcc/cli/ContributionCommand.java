package org.srvcc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.srvcc.files.AtomicFiles;
import org.srvcc.files.Home;
import org.srvcc.model.Findings;
import org.srvcc.model.Flow;
import org.srvcc.model.Manifest;
import org.srvcc.model.ModelCheck;
import org.srvcc.report.Tdoc;
import org.srvcc.report.VectorAnnex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "contribution",
        mixinStandardHelpOptions = true,
        description = {
            "Writes findings of the ledger as an SA3 contribution (DOCX).",
            "The cover lines and the Source / Title / Document for / Agenda Item table; a discussion paper "
                    + "(Introduction,",
            "Discussion, Proposal) or a pCR (Reason for change, the proposed text between change markers, Evidence);",
            "an annex of test vectors.",
            "TLC checks each finding's first violated model again to draw its counterexample.",
            "The same inputs give a byte-identical file."
        })
final class ContributionCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--finding",
            paramLabel = "ID",
            description = "a finding of model-checks/findings.json (repeatable; default: all)")
    List<String> findingIds = new ArrayList<>();

    @Option(
            names = "--kind",
            defaultValue = "discussion",
            paramLabel = "discussion|pcr",
            description = "discussion (default) or pcr")
    String kind;

    @Option(names = "--out", required = true, paramLabel = "FILE.docx", description = "the document to write")
    String out;

    @Option(names = "--force", description = "replace an existing --out file")
    boolean force;

    @Option(names = "--meeting", description = "meeting, as in \"3GPP TSG-SA WG3 Meeting #126\" (default #N)")
    String meeting;

    @Option(names = "--location", description = "meeting location")
    String location;

    @Option(names = "--dates", description = "meeting dates, e.g. \"9 - 13 February 2026\"")
    String dates;

    @Option(names = "--agenda-item", description = "agenda item")
    String agendaItem;

    @Option(names = "--source", description = "the contributing companies")
    String source;

    @Option(names = "--title", description = "the title (default: from the findings)")
    String title;

    @Option(names = "--tdoc", description = "the Tdoc number (default S3-xxxxxx)")
    String tdoc;

    @picocli.CommandLine.Mixin
    CacheOptions cacheOptions = new CacheOptions();

    @Override
    public Integer call() throws Exception {
        Tdoc.Kind k = switch (kind) {
            case "discussion" -> Tdoc.Kind.DISCUSSION;
            case "pcr" -> Tdoc.Kind.PCR;
            default -> throw new Main.UserError("--kind: " + kind + " is not discussion or pcr");
        };
        if (!out.endsWith(".docx")) throw new Main.UserError("--out: the file name must end in .docx");
        Path file = AtomicFiles.outputFile("--out", out, force); // checked before any work
        Path home = Home.find();
        Findings ledger = Findings.load(home);
        List<Findings.Finding> chosen = new ArrayList<>();
        for (String id : new LinkedHashSet<>(findingIds)) chosen.add(ledger.finding(id));
        if (chosen.isEmpty()) chosen.addAll(ledger.findings);
        if (k == Tdoc.Kind.PCR)
            for (Findings.Finding f : chosen)
                if (f.proposal() == null)
                    throw new Main.UserError(
                            "finding " + f.id() + " has no proposed text in the ledger: use --kind discussion");
        Tdoc.Cover d = defaultCover(k, chosen);
        Tdoc.Cover cover = new Tdoc.Cover(
                line("--meeting", meeting, d.meeting()),
                line("--location", location, d.location()),
                line("--dates", dates, d.dates()),
                line("--agenda-item", agendaItem, d.agendaItem()),
                line("--source", source, d.source()),
                line("--title", title, d.title()),
                line("--tdoc", tdoc, d.number()));
        if (meeting == null
                || location == null
                || dates == null
                || agendaItem == null
                || source == null
                || tdoc == null)
            err().println("contribution: the cover keeps placeholders for what --meeting, --location, --dates, "
                    + "--agenda-item, --source, --tdoc did not give");
        PrintWriter err = err();
        Manifest manifest = new Manifest(home);
        List<Manifest.Model> models = new ArrayList<>();
        for (Findings.Finding f : chosen)
            if (f.firstViolated() != null
                    && models.stream()
                            .noneMatch(m -> m.name().equals(f.firstViolated().name())))
                models.add(manifest.model(f.firstViolated().name()));
        err.println("checking " + models.size() + " models with TLC for the counterexample figures ...");
        err.flush();
        List<ModelCheck.Result> checks = CheckCommand.run(manifest, models, 1, 2, err, cacheOptions.cache(home));
        byte[] docx = Tdoc.write(ledger, k, cover, chosen, counterexamples(chosen, checks), VectorAnnex.vectors());
        AtomicFiles.write(file, docx);
        spec.commandLine()
                .getOut()
                .println("wrote " + file + " (" + chosen.size() + " findings, " + docx.length + " bytes)");
        return 0;
    }

    /**
     * Per finding, the counterexample of its first violated model for the first part it names, from these TLC results.
     */
    static Map<String, Flow> counterexamples(List<Findings.Finding> findings, List<ModelCheck.Result> checks) {
        Map<String, Flow> flows = new LinkedHashMap<>();
        for (Findings.Finding f : findings) {
            Findings.ModelRef m = f.firstViolated();
            if (m == null) continue;
            for (ModelCheck.Result r : checks)
                if (r.model().name().equals(m.name()))
                    for (ModelCheck.Violation v : r.violations())
                        if (v.invariant().equals(m.parts().get(0)) && !flows.containsKey(f.id()))
                            flows.put(f.id(), v.flow());
        }
        return flows;
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The cover with this command's default placeholders. */
    static Tdoc.Cover defaultCover(Tdoc.Kind k, List<Findings.Finding> chosen) {
        return new Tdoc.Cover("#N", "Location", "dates", "x.y", "Source company", defaultTitle(k, chosen), "S3-xxxxxx");
    }

    static String defaultTitle(Tdoc.Kind k, List<Findings.Finding> chosen) {
        String what = chosen.size() == 1
                ? chosen.get(0).title()
                : "Security of 5G-SRVCC from NG-RAN to UTRAN: findings of a checked model";
        return k == Tdoc.Kind.PCR ? "pCR: " + what : (chosen.size() == 1 ? "Discussion: " + what : what);
    }

    /** A cover field: one printable line of at most 200 characters, or the placeholder when not given. */
    private static String line(String option, String v, String placeholder) {
        if (v == null) return placeholder;
        if (v.isBlank()
                || v.length() > 200
                || v.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029))
            throw new Main.UserError(option + ": give one printable line of 1 to 200 characters");
        return v;
    }
}

package org.srvcc.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.srvcc.Tlc;
import org.srvcc.conformance.Conformance;
import org.srvcc.model.Manifest;
import org.srvcc.model.ModelCheck;
import org.srvcc.procedure.Profile;

/** A small report (two models, one profile) written end to end: sections, figures, no key bytes. */
@Tlc
class ReportTest {
    static final Path HOME = Path.of("").toAbsolutePath();

    @Test
    void writesHtmlAndMarkdownWithFiguresFromTheRun() throws Exception {
        Manifest m = new Manifest(HOME);
        ModelCheck mc = new ModelCheck(m);
        List<ModelCheck.Result> checks = new ArrayList<>();
        for (String n : List.of("DraftDirect", "MutantDirectAmfSendsKamf")) checks.add(mc.check(m.model(n), 1, null));
        Conformance.Summary conf = Conformance.run(HOME, List.of(Profile.DRAFT_DIRECT), 6, 1);
        Path out = HOME.resolve("target/report-test");
        Report r = new Report();
        r.write(out, Report.environment("test"), checks, conf, List.of(), List.of("./srvcc report"));
        String html = Files.readString(out.resolve("report.html"));
        String md = Files.readString(out.resolve("report.md"));
        for (String s : List.of("Evaluation matrix", "Minimal assumptions", "Conformance", "Test vectors", "Reproduce"))
            assertTrue(html.contains(s) && md.contains(s), s);
        // the findings open the report, each with its figure, before any table
        assertTrue(md.indexOf("## Findings") < md.indexOf("## Environment"), md);
        String findings = md.substring(md.indexOf("## Findings"), md.indexOf("## Environment"));
        assertTrue(findings.contains("`DraftDirect`") && !findings.contains("MutantDirectAmfSendsKamf"), findings);
        // every figure numbers its steps 1, 2, 3, ... with no number twice
        for (String block : md.split("```")) {
            Matcher num = Pattern.compile("(?m)^\\s*(\\d+)\\. ").matcher(block);
            int expect = 1;
            while (num.find()) assertEquals(expect++, Integer.parseInt(num.group(1)), block);
        }
        // 3 success flows + 5 failure flows + 3 counterexamples of MutantDirectAmfSendsKamf (one per violated part)
        assertEquals(11, r.figureCount());
        assertEquals(11, html.split("data:image/svg\\+xml;base64,", -1).length - 1);
        assertTrue(Files.readString(out.resolve("figures/cex-MutantDirectAmfSendsKamf-KamfNotInMessages.svg"))
                .contains("<svg"));
        assertTrue(
                md.contains("| DraftDirect | draft-direct, FC 0xFF01, AMF increments | success | success | 833 |"), md);
        // the only long hex strings are the published test vectors' KAMFs and keys, in the vector table
        String beforeVectors = html.substring(0, html.indexOf("Test vectors"));
        assertFalse(beforeVectors
                .replaceAll("data:image/svg\\+xml;base64,[A-Za-z0-9+/=]+", "")
                .matches("(?s).*[0-9a-f]{32}.*"));
    }
}

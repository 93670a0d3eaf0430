package org.srvcc.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.srvcc.cli.Main;
import org.srvcc.conformance.Conformance;
import org.srvcc.conformance.TraceValidation;
import org.srvcc.report.Report;

/**
 * The findings ledger is the one source of every finding: it agrees with the manifest's pins (which
 * ModelChecksTest holds to TLC), with the tagged lines of the spec and the code, and the README and
 * the report render it. Each check is also shown to fail on a ledger that is wrong in one place.
 */
class FindingsTest {
    static final Path HOME = Path.of("").toAbsolutePath();

    static String ledgerText() throws Exception {
        return Files.readString(HOME.resolve(Findings.FILE));
    }

    @Test
    void theLedgerAgreesWithTheManifestsPins() throws Exception {
        Findings f = Findings.load(HOME);
        assertEquals(List.of(), f.problems(new Manifest(HOME)));
        // every violated verdict in the ledger carries a counterexample length
        for (Findings.Finding x : f.findings)
            for (Findings.ModelRef r : x.models())
                if (r.verdict().equals("violated"))
                    assertEquals(r.parts().size(), r.steps().size(), x.id() + " " + r.name());
    }

    @Test
    void aWrongLengthVerdictOrModelIsReported() throws Exception {
        Manifest m = new Manifest(HOME);
        String text = ledgerText();
        // Ts33501NasDuringHandover breaks CallKeysAgree in 12 steps (pinned in the manifest)
        assertTrue(text.contains("\"CallKeysAgree\": 12"));
        List<String> p = new Findings(text.replaceFirst("\"CallKeysAgree\": 12", "\"CallKeysAgree\": 13")).problems(m);
        assertTrue(
                p.stream().anyMatch(s -> s.contains("CallKeysAgree in 13 steps, the manifest pins 12")), p.toString());
        p = new Findings(text.replaceFirst(
                        "\"name\": \"Ts33501TamperN2\",\n     \"verdict\": \"violated\"",
                        "\"name\": \"Ts33501TamperN2\",\n     \"verdict\": \"holds\""))
                .problems(m);
        assertTrue(
                p.stream()
                        .anyMatch(s -> s.contains(
                                "Ts33501TamperN2: holds, but the manifest expects SrvccOnlyForCapableUe violated")),
                p.toString());
        p = new Findings(text.replaceFirst("\"name\": \"Ts33501Faults\"", "\"name\": \"Ts33501Nowhere\"")).problems(m);
        assertTrue(p.stream().anyMatch(s -> s.contains("Ts33501Nowhere: not in the manifest")), p.toString());
    }

    @Test
    void everyTagHasAnAssumptionAndEveryAssumptionBeyondTheTextATag() throws Exception {
        Findings f = Findings.load(HOME);
        Map<String, List<String>> tags = Findings.codeTags(HOME);
        assertEquals(List.of(), f.tagProblems(tags));
        assertTrue(tags.containsKey("reading: no-sim-ksi7")
                && tags.get("reading: no-sim-ksi7").stream().anyMatch(s -> s.startsWith("spec/Srvcc.tla:")));
        assertTrue(
                tags.get("reading: no-sim-ksi7").stream()
                        .anyMatch(s -> s.endsWith(".java:" + s.substring(s.lastIndexOf(':') + 1))),
                "Java carries it too");
        // a tag without an assumption, a tag of the wrong kind, an assumption without a tag
        Map<String, List<String>> more = new TreeMap<>(tags);
        more.put("reading: invented-reading", List.of("spec/Srvcc.tla:1"));
        more.put("policy: no-sim-ksi7", List.of("spec/Srvcc.tla:2"));
        more.remove("policy: msc-prefers");
        List<String> p = f.tagProblems(more);
        assertTrue(
                p.contains("spec/Srvcc.tla:1: tag reading: invented-reading has no assumption in "
                        + "model-checks/findings.json"),
                p.toString());
        assertTrue(
                p.contains("spec/Srvcc.tla:2: tag policy: no-sim-ksi7, but the ledger tags no-sim-ksi7 reading"),
                p.toString());
        assertTrue(
                p.contains("model-checks/findings.json: assumption msc-prefers (policy) tags no line of the spec or "
                        + "the code"),
                p.toString());
    }

    @Test
    void theSchemaAndTheReferencesAreChecked() throws Exception {
        String text = ledgerText();
        assertThrows(
                Schemas.Invalid.class,
                () -> new Findings(text.replaceFirst("\"tag\": \"reading\"", "\"tag\": \"guess\"")));
        assertThrows(
                Schemas.Invalid.class,
                () -> new Findings(text.replaceFirst("\"status\": \"holds\"", "\"status\": \"probably\"")));
        Schemas.Invalid e = assertThrows(
                Schemas.Invalid.class,
                () -> new Findings(text.replaceFirst(
                        "\"bounds-small\",\n    \"nas-run-abstraction\"",
                        "\"bounds-smal\",\n    \"nas-run-abstraction\"")));
        assertTrue(
                e.problems.stream().anyMatch(s -> s.contains("names unknown assumption bounds-smal")),
                e.problems.toString());
        // a standard assumption must cite its clause
        e = assertThrows(
                Schemas.Invalid.class,
                () -> new Findings(text.replaceFirst(
                        "\"why\": \"Stated by the step itself; it is what keeps a retry from reusing a COUNT.\",\n  "
                                + " \"clauses\": \\[\n    \\{\n     \"doc\": \"TS 33.501\",\n     \"clause\": "
                                + "\"J.1.2\",\n     \"step\": \"2\"\n    \\}\n   \\]",
                        "\"why\": \"Stated by the step itself; it is what keeps a retry from reusing a COUNT.\"")));
        assertTrue(
                e.problems.stream().anyMatch(s -> s.contains("increment-j12 is tagged standard but cites no clause")),
                e.problems.toString());
    }

    @Test
    void theReadmeAndTheFindingsPageShowExactlyTheLedgersRendering() throws Exception {
        String readme = Files.readString(HOME.resolve("README.md"));
        String page = Files.readString(HOME.resolve(Findings.DOCS));
        Findings f = Findings.load(HOME);
        assertEquals(
                readme, f.intoReadme(readme), "README.md's findings region is stale: ./srvcc findings --write-docs");
        assertEquals(page, f.docsPage(), Findings.DOCS + " is stale: ./srvcc findings --write-docs");
        for (Findings.Finding x : f.findings) {
            assertTrue(page.contains("**Claim.** " + x.claim()), x.id());
            assertTrue(readme.contains("[" + x.title() + "](" + Findings.DOCS + "#" + x.id() + ")"), x.id());
        }
    }

    @Test
    void theCommandChecksRendersAndRefusesConflictingOptions() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int rc = Main.run(new String[] {"findings", "--check"}, new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, rc, out + "\n" + err);
        assertTrue(
                out.toString().contains("consistent with the manifest, the code tags, the README and docs/findings.md"),
                out.toString());
        out = new StringWriter();
        assertEquals(0, Main.run(new String[] {"findings"}, new PrintWriter(out), new PrintWriter(err)));
        assertTrue(out.toString().startsWith("| finding | status | rests on |"), out.toString());
        err = new StringWriter();
        rc = Main.run(
                new String[] {"findings", "--check", "--write-readme"}, new PrintWriter(out), new PrintWriter(err));
        assertEquals(2, rc);
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }

    /** Only the ledger changes: the README's table, docs/findings.md and the report's findings all say the new text. */
    @Test
    void aClaimChangedInTheLedgerChangesTheReadmeAndTheReport(@TempDir Path out) throws Exception {
        String text = ledgerText();
        Findings before = new Findings(text);
        String old = before.findings.get(0).claim(),
                oldTitle = before.findings.get(0).title();
        String changed = "A reworded claim for this test only: Annex J keeps every property in these bounds.";
        Findings after =
                new Findings(text.replace(old, changed).replace("\"" + oldTitle + "\"", "\"A reworded title\""));
        String readme = Files.readString(HOME.resolve("README.md"));
        String newReadme = after.intoReadme(readme);
        assertTrue(newReadme.contains("[A reworded title](" + Findings.DOCS + "#") && !newReadme.contains(oldTitle));
        assertTrue(after.docsPage().contains(changed) && !after.docsPage().contains(old));
        Conformance.Summary conf = new Conformance.Summary(
                new TraceValidation.Result(0, 0, 0, 0, List.of(), List.of()), List.of(), List.of(), 0);
        new Report(after).write(out, Report.environment("test"), List.of(), conf, List.of(), List.of());
        String md = Files.readString(out.resolve("report.md")), html = Files.readString(out.resolve("report.html"));
        String findings = md.substring(md.indexOf("## Findings"), md.indexOf("## Environment"));
        assertTrue(findings.contains(changed) && !findings.contains(old), findings);
        assertTrue(html.contains(changed) && !html.contains(old));
        assertFalse(findings.contains("MISMATCH"), "no model was run, none disagrees");
        assertTrue(findings.contains("not run"));
    }
}

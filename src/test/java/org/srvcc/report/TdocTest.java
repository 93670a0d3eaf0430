package org.srvcc.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.srvcc.cli.Main;
import org.srvcc.model.Findings;
import org.srvcc.model.Flow;
import org.srvcc.procedure.Bounds;
import org.srvcc.procedure.Options;
import org.srvcc.procedure.Profile;
import org.srvcc.simulation.Setup;

/**
 * The contribution read back with POI, as Word would see it: heading styles, the cover table, one models
 * table per finding, one picture per counterexample, the annex's values against {@code ./srvcc vectors},
 * and the same bytes for the same inputs. The flows are Java runs, so no TLC is needed here.
 */
class TdocTest {
    static final Path HOME = Path.of("").toAbsolutePath();
    static final Tdoc.Cover COVER = new Tdoc.Cover(
            "#126",
            "Sophia Antipolis",
            "9 - 13 February 2026",
            "5.4",
            "Example Ltd",
            "Discussion on 5G-SRVCC",
            "S3-260001");

    private static Flow someFlow() {
        Bounds b = Bounds.of(1).attempts(4).count(0xFFFFFF).kamf(4).faults(4);
        return Report.javaFigure(
                        "f", "Success flow for this test", Setup.of(Profile.TS33501, Options.STANDARD, b), Set.of())
                .flow();
    }

    private static byte[] discussion(Findings ledger, List<String> ids, Map<String, Flow> flows) throws Exception {
        List<Findings.Finding> chosen = ids.stream().map(ledger::finding).toList();
        return Tdoc.write(ledger, Tdoc.Kind.DISCUSSION, COVER, chosen, flows, VectorAnnex.vectors());
    }

    private static List<String> styled(XWPFDocument d, String style) {
        return d.getParagraphs().stream()
                .filter(p -> style.equals(p.getStyle()))
                .map(XWPFParagraph::getText)
                .toList();
    }

    @Test
    void aDiscussionPaperHasTheSa3LayoutAFigurePerCounterexampleAndTheVectorsOfTheVectorsCommand() throws Exception {
        Findings ledger = Findings.load(HOME);
        byte[] bytes = discussion(
                ledger, List.of("count-increment", "ts33501-baseline"), Map.of("count-increment", someFlow()));
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            assertEquals(
                    "3GPP TSG-SA WG3 Meeting #126\tS3-260001",
                    d.getParagraphs().get(0).getText());
            assertEquals(
                    "Sophia Antipolis, 9 - 13 February 2026",
                    d.getParagraphs().get(1).getText());
            assertEquals(
                    List.of("1\tIntroduction", "2\tDiscussion", "3\tProposal", "Annex A:\tTest vectors"),
                    styled(d, "Heading1"));
            assertEquals(
                    List.of(
                            "2.1\t" + ledger.finding("count-increment").title(),
                            "2.2\t" + ledger.finding("ts33501-baseline").title()),
                    styled(d, "Heading2"));
            // Word finds the headings by their built-in names and outline levels
            assertEquals("heading 1", d.getStyles().getStyle("Heading1").getName());
            XWPFTable cover = d.getTables().get(0);
            List<String> labels = new ArrayList<>(), values = new ArrayList<>();
            cover.getRows().forEach(r -> {
                labels.add(r.getCell(0).getText());
                values.add(r.getCell(1).getText());
            });
            assertEquals(List.of("Source:", "Title:", "Document for:", "Agenda Item:"), labels);
            assertEquals(List.of("Example Ltd", "Discussion on 5G-SRVCC", "Discussion and decision", "5.4"), values);
            // one models table per finding, row for row the ledger's models
            List<XWPFTable> models = d.getTables().stream()
                    .filter(t -> t.getRow(0).getCell(0).getText().equals("model"))
                    .toList();
            assertEquals(2, models.size());
            Findings.Finding inc = ledger.finding("count-increment");
            assertEquals(inc.models().size() + 1, models.get(0).getNumberOfRows());
            for (int i = 0; i < inc.models().size(); i++) {
                assertEquals(
                        inc.models().get(i).name(),
                        models.get(0).getRow(i + 1).getCell(0).getText());
                assertEquals(
                        inc.models().get(i).verdict(),
                        models.get(0).getRow(i + 1).getCell(1).getText());
            }
            assertEquals(1, d.getAllPictures().size(), "one counterexample given, one figure");
            assertEquals(1, styled(d, "Caption").size());
            assertTrue(
                    styled(d, "FlowStep").get(0).strip().startsWith("1. "),
                    styled(d, "FlowStep").toString());
            // the annex against the vectors command's rows of the same number
            StringWriter out = new StringWriter();
            assertEquals(
                    0,
                    Main.run(
                            new String[] {"vectors", "--json"},
                            new PrintWriter(out),
                            new PrintWriter(new StringWriter())));
            ObjectMapper json = new ObjectMapper();
            List<JsonNode> rows = new ArrayList<>();
            for (String line : out.toString().split("\n")) rows.add(json.readTree(line));
            XWPFTable annex = d.getTables().get(d.getTables().size() - 1);
            int compared = 0;
            for (int r = 1; r < annex.getNumberOfRows(); r++) {
                int no = Integer.parseInt(annex.getRow(r).getCell(0).getText());
                JsonNode row = rows.stream()
                        .filter(x -> x.get("no").asInt() == no)
                        .findFirst()
                        .orElseThrow();
                assertEquals("ts33501", row.get("profile").asText());
                String field = switch (annex.getRow(r).getCell(1).getText()) {
                    case "KASME_SRVCC" -> "kasme";
                    case "CK_SRVCC" -> "ckSrvcc";
                    case "IK_SRVCC" -> "ikSrvcc";
                    case "KAMF" -> "kamf";
                    default -> null;
                };
                if (field == null) continue;
                assertEquals(
                        row.get(field).asText(), annex.getRow(r).getCell(4).getText(), "vector " + no + " " + field);
                compared++;
            }
            assertEquals(7 * 4, compared, "KAMF, KASME_SRVCC, CK and IK of the seven ts33501 vectors");
        }
        assertArrayEquals(
                bytes,
                discussion(
                        ledger, List.of("count-increment", "ts33501-baseline"), Map.of("count-increment", someFlow())),
                "the same inputs give the same bytes");
    }

    @Test
    void aPcrCarriesTheLedgersProposedTextBetweenChangeMarkersAndRefusesAFindingWithout() throws Exception {
        Findings ledger = Findings.load(HOME);
        Findings.Finding f = ledger.finding("abandoned-keys");
        byte[] bytes = Tdoc.write(ledger, Tdoc.Kind.PCR, COVER, List.of(f), Map.of(), VectorAnnex.vectors());
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            List<String> text =
                    d.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            int begin = text.indexOf("* * * * First change * * * *"),
                    end = text.indexOf("* * * * End of changes * * * *");
            assertTrue(begin >= 0 && end > begin, text.toString());
            assertTrue(text.subList(begin, end).contains(f.proposal().text()));
            assertEquals(
                    List.of("1\tReason for change", "2\tProposed change", "3\tEvidence", "Annex A:\tTest vectors"),
                    styled(d, "Heading1"));
            assertEquals("Approval", d.getTables().get(0).getRow(2).getCell(1).getText());
            assertEquals(0, d.getAllPictures().size());
        }
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Tdoc.write(
                        ledger,
                        Tdoc.Kind.PCR,
                        COVER,
                        List.of(ledger.finding("count-increment")),
                        Map.of(),
                        VectorAnnex.vectors()));
        assertTrue(e.getMessage().contains("count-increment has no proposed text"), e.getMessage());
    }

    @Test
    void theCommandRefusesBadInputInOneLineBeforeAnyWorkAndLeavesNoFile(@TempDir Path dir) {
        String[][] bad = {
            {
                "contribution",
                "--finding",
                "count-increment",
                "--kind",
                "pcr",
                "--out",
                dir.resolve("a.docx").toString()
            },
            {
                "contribution",
                "--finding",
                "no-such-finding",
                "--out",
                dir.resolve("b.docx").toString()
            },
            {"contribution", "--kind", "paper", "--out", dir.resolve("c.docx").toString()},
            {"contribution", "--out", dir.resolve("d.txt").toString()},
            {
                "contribution",
                "--title",
                "two\nlines",
                "--out",
                dir.resolve("e.docx").toString()
            },
        };
        for (String[] args : bad) {
            StringWriter err = new StringWriter();
            assertEquals(
                    2,
                    Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err)),
                    String.join(" ", args));
            assertEquals(1, err.toString().strip().lines().count(), err.toString());
            assertFalse(err.toString().contains("Exception"), err.toString());
        }
        assertEquals(0, dir.toFile().list().length, "no file left behind");
    }

    @Test
    void aFindingChangedInTheLedgerChangesTheDocument() throws Exception {
        String text = Files.readString(HOME.resolve(Findings.FILE));
        Findings before = new Findings(text);
        String old = before.finding("count-increment").claim();
        Findings after = new Findings(text.replace(old, "A reworded claim for this test only."));
        String docBefore = allText(discussion(before, List.of("count-increment"), Map.of()));
        String docAfter = allText(discussion(after, List.of("count-increment"), Map.of()));
        assertTrue(docBefore.contains(old) && !docBefore.contains("A reworded claim"));
        assertTrue(docAfter.contains("A reworded claim for this test only.") && !docAfter.contains(old));
    }

    static String allText(byte[] docx) throws Exception {
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(docx))) {
            StringBuilder b = new StringBuilder();
            d.getParagraphs().forEach(p -> b.append(p.getText()).append('\n'));
            return b.toString();
        }
    }
}

package org.srvcc.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.srvcc.model.Findings;
import org.srvcc.model.Flow;

/**
 * A contribution to 3GPP SA3 as a Word document: the cover lines and the Source / Title / Document
 * for / Agenda Item table, then a discussion paper (Introduction, Discussion, Proposal) or a pCR
 * (Reason for change, the proposed text between change markers, Evidence), and an annex of test
 * vectors. Headings use Word's built-in heading styles, tables are Word tables, counterexamples are
 * PNG figures. The same inputs give the same bytes ({@link DocxFiles#stable}).
 */
public final class Tdoc {
    static {
        // POI logs through the Log4j API; without a provider the API prints a warning to stderr on first use.
        // Its simple provider, silenced, keeps the CLI's stderr to the one-line messages it promises.
        if (System.getProperty("log4j2.loggerContextFactory") == null)
            System.setProperty(
                    "log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        if (System.getProperty("org.apache.logging.log4j.simplelog.level") == null)
            System.setProperty("org.apache.logging.log4j.simplelog.level", "OFF");
    }

    public enum Kind {
        DISCUSSION,
        PCR
    }

    /** The cover: meeting (e.g. "SA3#126"), location, dates, agenda item, source, title, Tdoc number. */
    public record Cover(
            String meeting,
            String location,
            String dates,
            String agendaItem,
            String source,
            String title,
            String number) {}

    private final XWPFDocument doc = new XWPFDocument();
    private final Findings ledger;
    private int figureNo;

    private Tdoc(Findings ledger) {
        this.ledger = ledger;
        DocxFiles.styles(doc);
    }

    /**
     * The document for these findings. {@code counterexamples} maps a finding id to the flow of its first
     * violated model's counterexample (a finding without one gets none); {@code vectors} are the annex rows.
     */
    public static byte[] write(
            Findings ledger,
            Kind kind,
            Cover cover,
            List<Findings.Finding> findings,
            Map<String, Flow> counterexamples,
            List<VectorAnnex.Vector> vectors)
            throws IOException {
        if (kind == Kind.PCR)
            for (Findings.Finding f : findings)
                if (f.proposal() == null)
                    throw new IllegalArgumentException(
                            "finding " + f.id() + " has no proposed text in the ledger; write it as --kind discussion");
        Tdoc t = new Tdoc(ledger);
        t.cover(cover, kind, findings);
        if (kind == Kind.DISCUSSION) t.discussion(findings, counterexamples);
        else t.pcr(findings, counterexamples);
        t.annex(vectors);
        ByteArrayOutputStream os = new ByteArrayOutputStream();
        t.doc.write(os);
        t.doc.close();
        return DocxFiles.stable(os.toByteArray());
    }

    private void cover(Cover c, Kind kind, List<Findings.Finding> findings) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle("Header3GPP");
        XWPFRun r = p.createRun();
        r.setText("3GPP TSG-SA WG3 Meeting " + c.meeting());
        r.addTab();
        r.setText(c.number());
        DocxFiles.rightTab(p);
        text(c.location() + ", " + c.dates(), "Header3GPP");
        doc.createParagraph();
        String docFor = kind == Kind.DISCUSSION ? "Discussion and decision" : "Approval";
        XWPFTable t = doc.createTable(4, 2);
        String[][] rows = {
            {"Source:", c.source()}, {"Title:", c.title()}, {"Document for:", docFor}, {"Agenda Item:", c.agendaItem()}
        };
        for (int i = 0; i < rows.length; i++) {
            XWPFTableRow row = t.getRow(i);
            DocxFiles.cell(row.getCell(0), rows[i][0], true);
            DocxFiles.cell(row.getCell(1), rows[i][1], false);
        }
        DocxFiles.noBorders(t);
        doc.createParagraph();
    }

    private void discussion(List<Findings.Finding> findings, Map<String, Flow> cex) throws IOException {
        heading(1, "1\tIntroduction");
        para("This contribution reports " + (findings.size() == 1 ? "a finding" : findings.size() + " findings")
                + " on the security of 5G-SRVCC from NG-RAN to UTRAN (TS 33.501 Annex J), obtained with a TLA+ "
                + "model of UE, gNB, AMF,"
                + " MME_SRVCC and MSC server checked by the TLC model checker, and with a Java reference "
                + "implementation checked"
                + " against that model. Each finding lists the clauses it rests on and every assumption it needs, "
                + "tagged as stated"
                + " by the text (standard, draft) or as the model's own choice (reading, policy, simplification, "
                + "bound), so that"
                + " the verdict can be checked against the specification.");
        heading(1, "2\tDiscussion");
        int n = 1;
        for (Findings.Finding f : findings) evidence("2." + n++, f, cex.get(f.id()), true);
        heading(1, "3\tProposal");
        para("SA3 is asked to discuss the findings in clause 2 and:");
        for (Findings.Finding f : findings) {
            String named = "\u201c" + f.title() + "\u201d (" + Findings.clausesText(f.clauses()) + ")";
            bullet(
                    switch (f.status()) {
                        case "holds" -> "to note the finding " + named + ";";
                        case "violated" ->
                            "to note the finding " + named + " and to consider whether the clauses need a change"
                                    + (f.proposal() == null
                                            ? ";"
                                            : ", along the lines of the text proposed above for "
                                                    + f.proposal().clause() + ";");
                        default -> "to decide the open question " + named + ";";
                    });
        }
    }

    private void pcr(List<Findings.Finding> findings, Map<String, Flow> cex) throws IOException {
        heading(1, "1\tReason for change");
        for (Findings.Finding f : findings) para(f.claim() + " Rests on: " + Findings.clausesText(f.clauses()) + ".");
        heading(1, "2\tProposed change");
        para("The text below is proposed in the contributor's own words; the existing text of each clause is "
                + "unchanged except where shown.");
        text("* * * * First change * * * *", "ChangeMarker");
        for (Findings.Finding f : findings) {
            heading(3, f.proposal().clause().toString());
            para(f.proposal().text());
        }
        text("* * * * End of changes * * * *", "ChangeMarker");
        heading(1, "3\tEvidence");
        int n = 1;
        for (Findings.Finding f : findings) evidence("3." + n++, f, cex.get(f.id()), false);
    }

    /**
     * One finding: claim, status and clauses, assumptions (a table), models (a table), counterexample figure, command.
     */
    private void evidence(String number, Findings.Finding f, Flow flow, boolean withProposal) throws IOException {
        heading(2, number + "\t" + f.title());
        para("Claim. " + f.claim());
        para("Status: " + Findings.statusText(f.status()) + ". Rests on: " + Findings.clausesText(f.clauses()) + ".");
        para("Holds under: " + f.holdsUnder());
        if (f.detail() != null) para(f.detail());
        if (!f.assumptions().isEmpty()) {
            para("Assumptions:");
            List<List<String>> rows = new ArrayList<>();
            for (String id : f.assumptions()) {
                Findings.Assumption a = ledger.assumption(id);
                rows.add(List.of(
                        a.tag(),
                        a.id(),
                        a.text() + (a.clauses().isEmpty() ? "" : " (" + Findings.clausesText(a.clauses()) + ")")));
            }
            DocxFiles.table(doc, List.of("tag", "assumption", "text"), rows);
        }
        para("Models checked by TLC (breadth-first, so each counterexample is a shortest one):");
        DocxFiles.table(
                doc,
                List.of("model", "verdict", "parts", "counterexample steps"),
                f.models().stream()
                        .map(m -> List.of(m.name(), m.verdict(), m.partsText(), m.stepsText()))
                        .toList());
        if (flow != null) figure(flow);
        para("Reproduce: " + f.reproduce());
        if (withProposal && f.proposal() != null)
            para("Proposed text for " + f.proposal().clause() + " (the contributor's wording, not the standard's): "
                    + f.proposal().text());
    }

    private void figure(Flow flow) throws IOException {
        byte[] png = new SequenceDiagram(flow, true).png();
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        double w = img.getWidth(),
                h = img.getHeight(),
                scale = Math.min(450 / w, 620 / h); // points: the text width, a page
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        try {
            p.createRun()
                    .addPicture(
                            new ByteArrayInputStream(png),
                            Document.PICTURE_TYPE_PNG,
                            "figure" + (figureNo + 1) + ".png",
                            Units.toEMU(w * scale),
                            Units.toEMU(h * scale));
        } catch (InvalidFormatException e) {
            throw new IOException(e);
        }
        text("Figure " + ++figureNo + ": " + flow.title(), "Caption");
        for (String line : flow.render().split("\n")) if (!line.isBlank()) text(line, "FlowStep");
    }

    private void annex(List<VectorAnnex.Vector> vectors) {
        heading(1, "Annex A:\tTest vectors");
        para(VectorAnnex.INTRO);
        List<List<String>> rows = new ArrayList<>();
        for (VectorAnnex.Vector v : vectors)
            for (VectorAnnex.Value x : v.values())
                rows.add(List.of(String.valueOf(v.no()), x.name(), x.from(), x.s(), x.value()));
        DocxFiles.table(doc, List.of("vector", "value", "derived as", "S (hex)", "value (hex)"), rows);
    }

    private void heading(int level, String s) {
        text(s, "Heading" + level);
    }

    private void para(String s) {
        text(s, null);
    }

    private void bullet(String s) {
        text("-\t" + s, "B1");
    }

    private void text(String s, String style) {
        XWPFParagraph p = doc.createParagraph();
        if (style != null) p.setStyle(style);
        p.createRun().setText(s);
    }
}

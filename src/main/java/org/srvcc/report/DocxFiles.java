package org.srvcc.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTable.XWPFBorderType;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTabStop;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc;

/** The Word plumbing of {@link Tdoc}: styles in the manner of 3GPP's template, tables, and byte-stable files. */
final class DocxFiles {
    private DocxFiles() {}

    /**
     * Every zip entry gets this time, so two runs on the same inputs write the same bytes (1980-01-01, DOS time's first
     * day).
     */
    private static final long ENTRY_TIME = 315532800000L;

    /**
     * Paragraph styles: Normal (Arial 10 pt), Heading1..3 with Word's built-in names and outline levels (so the
     * navigation pane lists them), the cover lines, captions, numbered flow steps, bullets, change markers, table text.
     */
    static void styles(XWPFDocument doc) {
        XWPFStyles styles = doc.createStyles();
        style(styles, "Normal", "Normal", null, "Arial", 20, false, -1, 180);
        style(styles, "Heading1", "heading 1", "Normal", "Arial", 36, false, 0, 180);
        style(styles, "Heading2", "heading 2", "Normal", "Arial", 32, false, 1, 180);
        style(styles, "Heading3", "heading 3", "Normal", "Arial", 28, false, 2, 120);
        style(styles, "Header3GPP", "3GPP header", "Normal", "Arial", 24, true, -1, 0);
        style(styles, "Caption", "caption", "Normal", "Arial", 20, true, -1, 240);
        style(styles, "FlowStep", "flow step", "Normal", "Courier New", 16, false, -1, 0);
        style(styles, "B1", "B1", "Normal", "Arial", 20, false, -1, 120);
        style(styles, "ChangeMarker", "change marker", "Normal", "Arial", 24, true, -1, 240);
        style(styles, "TableText", "table text", "Normal", "Arial", 16, false, -1, 0);
        styles.getStyle("Caption").getCTStyle().getPPr().addNewJc().setVal(STJc.CENTER);
        styles.getStyle("ChangeMarker").getCTStyle().getPPr().addNewJc().setVal(STJc.CENTER);
        CTPPrGeneral b1 = styles.getStyle("B1").getCTStyle().getPPr();
        b1.addNewInd().setLeft(BigInteger.valueOf(568));
        b1.getInd().setHanging(BigInteger.valueOf(284));
        doc.getProperties().getCoreProperties().setCreator("srvcc contribution");
        doc.getProperties().getCoreProperties().setCreated(Optional.empty());
    }

    private static void style(
            XWPFStyles styles,
            String id,
            String name,
            String basedOn,
            String font,
            int halfPoints,
            boolean bold,
            int outline,
            int spaceAfterTwips) {
        CTStyle ct = CTStyle.Factory.newInstance();
        ct.setStyleId(id);
        ct.setType(STStyleType.PARAGRAPH);
        ct.addNewName().setVal(name);
        if (basedOn != null) ct.addNewBasedOn().setVal(basedOn);
        ct.addNewQFormat();
        CTPPrGeneral ppr = ct.addNewPPr();
        ppr.addNewSpacing().setAfter(BigInteger.valueOf(spaceAfterTwips));
        if (outline >= 0) {
            ppr.addNewOutlineLvl().setVal(BigInteger.valueOf(outline));
            ppr.addNewKeepNext();
        }
        CTRPr rpr = ct.addNewRPr();
        rpr.addNewRFonts().setAscii(font);
        rpr.getRFontsArray(0).setHAnsi(font);
        rpr.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        if (bold) rpr.addNewB();
        styles.addStyle(new XWPFStyle(ct, styles));
    }

    /** A right-aligned tab stop at the text's right edge (the Tdoc number on the first cover line). */
    static void rightTab(XWPFParagraph p) {
        CTTabStop tab = p.getCTP().isSetPPr() && p.getCTP().getPPr().isSetTabs()
                ? p.getCTP().getPPr().getTabs().addNewTab()
                : p.getCTP().addNewPPr().addNewTabs().addNewTab();
        tab.setVal(STTabJc.RIGHT);
        tab.setPos(BigInteger.valueOf(9638));
    }

    static void cell(XWPFTableCell cell, String text, boolean bold) {
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setStyle(bold ? "Header3GPP" : "Normal");
        p.createRun().setText(text);
    }

    static void noBorders(XWPFTable t) {
        borders(t, XWPFBorderType.NONE, 0, "auto");
    }

    private static void borders(XWPFTable t, XWPFBorderType type, int size, String colour) {
        t.setTopBorder(type, size, 0, colour);
        t.setBottomBorder(type, size, 0, colour);
        t.setLeftBorder(type, size, 0, colour);
        t.setRightBorder(type, size, 0, colour);
        t.setInsideHBorder(type, size, 0, colour);
        t.setInsideVBorder(type, size, 0, colour);
    }

    /**
     * A Word table with a bold header row that repeats on every page, single borders, the full text width;
     * the last column, where the prose or the long hex values go, gets what the others leave.
     */
    static XWPFTable table(XWPFDocument doc, List<String> head, List<List<String>> rows) {
        XWPFTable t = doc.createTable(rows.size() + 1, head.size());
        t.setWidthType(TableWidthType.PCT);
        t.setWidth("100%");
        borders(t, XWPFBorderType.SINGLE, 4, "000000");
        XWPFTableRow header = t.getRow(0);
        header.setRepeatHeader(true);
        for (int c = 0; c < head.size(); c++) tableCell(header.getCell(c), head.get(c), true);
        for (int r = 0; r < rows.size(); r++)
            for (int c = 0; c < head.size(); c++)
                tableCell(t.getRow(r + 1).getCell(c), rows.get(r).get(c), false);
        int narrow = head.size() <= 3 ? 20 : 16, last = 100 - narrow * (head.size() - 1);
        for (XWPFTableRow row : t.getRows())
            for (int c = 0; c < head.size(); c++) row.getCell(c).setWidth((c == head.size() - 1 ? last : narrow) + "%");
        doc.createParagraph();
        return t;
    }

    private static void tableCell(XWPFTableCell cell, String text, boolean bold) {
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setStyle("TableText");
        var run = p.createRun();
        run.setBold(bold);
        run.setText(text);
    }

    /** The same document with every zip entry's time fixed, in the same order: equal inputs, equal bytes. */
    static byte[] stable(byte[] docx) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx));
                ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(ENTRY_TIME);
                z.putNextEntry(copy);
                in.transferTo(z);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}

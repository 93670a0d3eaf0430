package org.srvcc.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import org.srvcc.model.Flow;

/** A message sequence chart with the 3GPP entities, rendered in-process by PlantUML to SVG. */
public final class SequenceDiagram {
    private final Flow flow;
    private final boolean brief;

    public SequenceDiagram(Flow flow) {
        this(flow, false);
    }

    /**
     * {@code brief}: arrows carry the message name only (a page-wide figure whose steps are listed beside it in full).
     */
    public SequenceDiagram(Flow flow, boolean brief) {
        this.flow = flow;
        this.brief = brief;
    }

    private String label(String s) {
        int paren = s.indexOf('(');
        return clean(brief && paren > 0 ? s.substring(0, paren) : s);
    }

    public String plantUml() {
        StringBuilder b = new StringBuilder("@startuml\n");
        b.append("skinparam monochrome false\nskinparam shadowing false\nskinparam defaultFontName Helvetica\n");
        b.append("skinparam sequenceMessageAlign left\n");
        b.append("title ").append(clean(flow.title())).append('\n');
        for (String p : List.of("UE", "gNB", "AMF", "MME_SRVCC", "MSC"))
            b.append("participant \"")
                    .append(p.equals("MSC") ? "MSC server" : p)
                    .append("\" as ")
                    .append(p)
                    .append('\n');
        for (Flow.Step r : flow.steps()) {
            if (r.arrows().isEmpty()) {
                String where = r.node().equals("network")
                                || r.node().equals("attacker")
                                || r.node().equals("-")
                        ? "UE, MSC"
                        : r.node();
                b.append("note over ")
                        .append(where)
                        .append(" : ")
                        .append(r.number())
                        .append(". ")
                        .append(label(r.action()))
                        .append('\n');
            }
            for (Flow.Arrow m : r.arrows())
                b.append(m.from())
                        .append(" -> ")
                        .append(m.to())
                        .append(" : ")
                        .append(r.number())
                        .append(". ")
                        .append(label(m.label()))
                        .append('\n');
        }
        if (flow.violated() != null)
            b.append("note over UE, MSC #FFB0B0 : ")
                    .append(clean(flow.violated()))
                    .append(" violated after step ")
                    .append(
                            flow.steps().isEmpty()
                                    ? 0
                                    : flow.steps().get(flow.steps().size() - 1).number())
                    .append('\n');
        return b.append("@enduml\n").toString();
    }

    /**
     * Text that stays plain text on its PlantUML line: every line break PlantUML knows (CR, LF, NEL, LS, PS)
     * and every other control character becomes a space, so text from a manifest can never start a line of its
     * own (no "!include", no "@startuml"); and the characters that open PlantUML's preprocessor functions
     * ({@code %load_json(...)}, {@code %date()}), creole images ({@code <img:...>}) and links ({@code [[...]]})
     * become look-alikes, so no such text reads a file, embeds an image or is evaluated.
     */
    static String clean(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c < 0x20 || c == 0x7f || c == '\u0085' || c == '\u2028' || c == '\u2029') b.append(' ');
            else if (c == '%') b.append('\uFF05'); // fullwidth percent sign
            else if (c == '<') b.append('\u2039'); // single left-pointing angle quotation mark
            else if (c == '>') b.append('\u203A');
            else if (c == '[') b.append('\uFF3B'); // fullwidth square brackets
            else if (c == ']') b.append('\uFF3D');
            else b.append(c);
        }
        return b.toString();
    }

    public String svg() throws IOException {
        ByteArrayOutputStream os = new ByteArrayOutputStream();
        new SourceStringReader(plantUml()).outputImage(os, new FileFormatOption(FileFormat.SVG));
        return os.toString(StandardCharsets.UTF_8);
    }

    /** The same diagram as PNG, for documents that take bitmaps (the DOCX). */
    public byte[] png() throws IOException {
        ByteArrayOutputStream os = new ByteArrayOutputStream();
        new SourceStringReader(plantUml()).outputImage(os, new FileFormatOption(FileFormat.PNG, false));
        return os.toByteArray();
    }
}

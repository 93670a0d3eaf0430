package org.srvcc.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;

/** A message sequence chart with the 3GPP entities, rendered in-process by PlantUML to SVG. */
public final class SequenceDiagram {
    /** One numbered step: the action, and the messages it sent as (from, to, label). */
    public record Row(int number, String action, String node, List<String[]> messages) {}

    private final String title;
    private final List<Row> rows = new ArrayList<>();
    private String violation;

    public SequenceDiagram(String title) {
        this.title = title;
    }

    public SequenceDiagram add(Row r) {
        rows.add(r);
        return this;
    }

    public SequenceDiagram violated(String invariant) {
        this.violation = invariant;
        return this;
    }

    public String plantUml() {
        StringBuilder b = new StringBuilder("@startuml\n");
        b.append("skinparam monochrome false\nskinparam shadowing false\nskinparam defaultFontName Helvetica\n");
        b.append("skinparam sequenceMessageAlign left\n");
        b.append("title ").append(clean(title)).append('\n');
        for (String p : List.of("UE", "gNB", "AMF", "MME_SRVCC", "MSC"))
            b.append("participant \"").append(p.equals("MSC") ? "MSC server" : p).append("\" as ").append(p).append('\n');
        for (Row r : rows) {
            if (r.messages().isEmpty()) {
                String where = r.node().equals("network") || r.node().equals("attacker") || r.node().equals("-") ? "UE, MSC" : r.node();
                b.append("note over ").append(where).append(" : ").append(r.number()).append(". ").append(r.action()).append('\n');
            }
            for (String[] m : r.messages())
                b.append(m[0]).append(" -> ").append(m[1]).append(" : ").append(r.number()).append(". ").append(clean(m[2])).append('\n');
        }
        if (violation != null)
            b.append("note over UE, MSC #FFB0B0 : ").append(clean(violation)).append(" violated after step ")
                .append(rows.isEmpty() ? 0 : rows.get(rows.size() - 1).number()).append('\n');
        return b.append("@enduml\n").toString();
    }

    private static String clean(String s) {
        return s.replace("\n", " ");
    }

    public String svg() throws IOException {
        ByteArrayOutputStream os = new ByteArrayOutputStream();
        new SourceStringReader(plantUml()).outputImage(os, new FileFormatOption(FileFormat.SVG));
        return os.toString(StandardCharsets.UTF_8);
    }
}

package org.srvcc.model;

import java.util.ArrayList;
import java.util.List;
import org.srvcc.procedure.Invariants;

/** The evaluation matrix: each design row against each property, from the model-check results. */
public final class Matrix {
    private Matrix() {}

    /** The invariants (named once, in org.srvcc.procedure.Invariants), then the temporal properties. */
    public static final List<String> PROPERTIES = properties();

    private static List<String> properties() {
        List<String> p = new ArrayList<>(Invariants.PARTS.keySet());
        p.addAll(Manifest.TEMPORAL);
        return List.copyOf(p);
    }

    /** The names TLC checks for a matrix column: an invariant's parts, or the property itself. */
    static List<String> parts(String property) {
        return Invariants.PARTS.getOrDefault(property, List.of(property));
    }

    /** Markdown table of the results whose model belongs to one of the groups; "–": not checked by that model. */
    public static String markdown(List<ModelCheck.Result> results, List<String> groups) {
        StringBuilder b = new StringBuilder("| design (model) |");
        for (String p : PROPERTIES) b.append(' ').append(p).append(" |");
        b.append("\n|---|").append("---|".repeat(PROPERTIES.size())).append('\n');
        for (ModelCheck.Result r : results) {
            if (!groups.contains(r.model().group())) continue;
            b.append("| ")
                    .append(Schemas.plainText(r.model().row()).replace("|", "\\|"))
                    .append(" (`")
                    .append(r.model().name())
                    .append("`) |");
            for (String p : PROPERTIES) {
                String cell;
                List<String> broken =
                        parts(p).stream().filter(r.violated()::contains).toList();
                if (!broken.isEmpty())
                    cell = "[**violated**](#cex-" + r.model().name() + "-" + broken.get(0) + ")"
                            + (parts(p).size() > 1 ? ": " + String.join(", ", broken) : "");
                else if (checks(r.model(), p) && r.problems().stream().noneMatch(x -> x.startsWith("TLC")))
                    cell = "holds";
                else cell = "–";
                b.append(' ').append(cell).append(" |");
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static boolean checks(Manifest.Model m, String p) {
        return m.mode().equals("safety")
                ? parts(p).stream().anyMatch(m.invariants()::contains)
                : m.property().equals(p) || p.equals("TypeOK");
    }

    public static List<String> groups(List<ModelCheck.Result> results) {
        List<String> g = new ArrayList<>();
        for (ModelCheck.Result r : results)
            if (!g.contains(r.model().group())) g.add(r.model().group());
        return g;
    }
}

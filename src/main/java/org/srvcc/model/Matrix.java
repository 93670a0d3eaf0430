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

    /** Markdown table of the results whose model belongs to one of the groups. */
    public static String markdown(List<ModelCheck.Result> results, List<String> groups) {
        return table(results, groups).markdown();
    }

    /**
     * The results whose model belongs to one of the groups, a row per model and a column per property: violated
     * (linked to its counterexample, naming the parts), holds, or "–" (not checked by that model).
     */
    public static Table table(List<ModelCheck.Result> results, List<String> groups) {
        List<String> head = new ArrayList<>(List.of("design (model)"));
        head.addAll(PROPERTIES);
        List<List<Table.Cell>> rows = new ArrayList<>();
        for (ModelCheck.Result r : results) {
            if (!groups.contains(r.model().group())) continue;
            List<Table.Cell> row = new ArrayList<>();
            row.add(Table.Cell.of(
                    Table.Span.text(Schemas.plainText(r.model().row()) + " ("),
                    Table.Span.code(r.model().name()),
                    Table.Span.text(")")));
            for (String p : PROPERTIES) row.add(cell(r, p));
            rows.add(row);
        }
        return new Table(head, rows);
    }

    private static Table.Cell cell(ModelCheck.Result r, String p) {
        List<String> broken = parts(p).stream().filter(r.violated()::contains).toList();
        if (!broken.isEmpty())
            return Table.Cell.of(
                    Table.Span.bad("violated").linkedTo("#cex-" + r.model().name() + "-" + broken.get(0)),
                    Table.Span.text(parts(p).size() > 1 ? ": " + String.join(", ", broken) : ""));
        if (checks(r.model(), p) && r.problems().stream().noneMatch(x -> x.startsWith("TLC")))
            return Table.Cell.text("holds");
        return Table.Cell.text("–");
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

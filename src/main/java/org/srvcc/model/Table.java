package org.srvcc.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A table the tool prints: a head and rows of typed cells. The Markdown here and the report's HTML each render it
 * from the cells; neither parses the other.
 */
public record Table(List<String> head, List<List<Cell>> rows) {
    public Table {
        head = List.copyOf(head);
        rows = rows.stream().map(List::copyOf).toList();
    }

    /** How a span is shown: as text, as code, or marked as a failure. */
    public enum Style {
        PLAIN,
        CODE,
        BAD
    }

    /** A run of text in one style, linked to {@code href} unless that is null. */
    public record Span(String text, Style style, String href) {
        public static Span text(String s) {
            return new Span(s, Style.PLAIN, null);
        }

        public static Span code(String s) {
            return new Span(s, Style.CODE, null);
        }

        public static Span bad(String s) {
            return new Span(s, Style.BAD, null);
        }

        public Span linkedTo(String target) {
            return new Span(text, style, target);
        }
    }

    /** One cell: its spans side by side. */
    public record Cell(List<Span> spans) {
        public Cell {
            spans = List.copyOf(spans);
        }

        public static Cell of(Span... spans) {
            return new Cell(List.of(spans));
        }

        public static Cell text(String s) {
            return of(Span.text(s));
        }

        public static Cell code(String s) {
            return of(Span.code(s));
        }
    }

    /** A table of plain text cells. */
    public static Table ofText(List<String> head, List<List<String>> rows) {
        List<List<Cell>> cells = new ArrayList<>();
        for (List<String> r : rows) cells.add(r.stream().map(Cell::text).toList());
        return new Table(head, cells);
    }

    /** GitHub-flavoured Markdown; no raw HTML survives (a row's text may come from a manifest). */
    public String markdown() {
        StringBuilder b = new StringBuilder("| ");
        b.append(String.join(" | ", head.stream().map(Table::mdEscape).toList()))
                .append(" |\n|")
                .append("---|".repeat(head.size()))
                .append('\n');
        for (List<Cell> r : rows) {
            b.append('|');
            for (Cell c : r) b.append(' ').append(markdown(c)).append(" |");
            b.append('\n');
        }
        return b.toString();
    }

    static String markdown(Cell c) {
        StringBuilder b = new StringBuilder();
        for (Span s : c.spans()) {
            String t = mdEscape(s.text());
            t = switch (s.style()) {
                case PLAIN -> t;
                case CODE -> "`" + t + "`";
                case BAD -> "**" + t + "**";
            };
            b.append(s.href() == null ? t : "[" + t + "](" + s.href() + ")");
        }
        return b.toString();
    }

    private static String mdEscape(String s) {
        return s.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }
}

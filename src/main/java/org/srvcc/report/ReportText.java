package org.srvcc.report;

import java.util.List;
import org.srvcc.model.Schemas;
import org.srvcc.model.Table;

/** The report's text, written as Markdown and HTML side by side: headings, paragraphs, code, tables, anchors. */
final class ReportText {
    final StringBuilder md = new StringBuilder();
    final StringBuilder html = new StringBuilder();

    /**
     * A heading of level n (1 to 3); a level-3 heading may come from the ledger and is cleaned like other ledger text.
     */
    void heading(int n, String s) {
        md.append("#".repeat(n)).append(' ').append(n == 3 ? mdText(s) : s).append("\n\n");
        html.append("<h")
                .append(n)
                .append('>')
                .append(esc(s))
                .append("</h")
                .append(n)
                .append(">\n");
    }

    void para(String s) {
        md.append(mdSafe(s)).append("\n\n");
        html.append("<p>")
                .append(esc(s).replaceAll("`([^`]*)`", "<code>$1</code>"))
                .append("</p>\n");
    }

    void code(String s) {
        md.append("```\n").append(s).append("```\n\n");
        html.append("<pre>").append(esc(s)).append("</pre>\n");
    }

    /** A table of plain text cells. */
    void table(List<String> head, List<List<String>> rows) {
        table(Table.ofText(head, rows));
    }

    /** A typed table: Markdown and HTML, each written from the cells. */
    void table(Table t) {
        md.append(t.markdown()).append('\n');
        html.append("<table>\n<tr>");
        for (String h : t.head()) html.append("<th>").append(esc(h)).append("</th>");
        html.append("</tr>\n");
        for (List<Table.Cell> r : t.rows()) {
            html.append("<tr>");
            for (Table.Cell c : r) html.append("<td>").append(html(c)).append("</td>");
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    static String html(Table.Cell c) {
        StringBuilder b = new StringBuilder();
        for (Table.Span s : c.spans()) {
            String t = esc(s.text());
            t = switch (s.style()) {
                case PLAIN -> t;
                case CODE -> "<code>" + t + "</code>";
                case BAD -> "<b class=\"bad\">" + t + "</b>";
            };
            b.append(s.href() == null ? t : "<a href=\"" + esc(s.href()) + "\">" + t + "</a>");
        }
        return b.toString();
    }

    void anchor(String id) {
        html.append("<a id=\"").append(esc(id)).append("\"></a>\n");
        md.append("<a id=\"").append(id.replaceAll("[^a-z0-9-]", "")).append("\"></a>\n\n");
    }

    /** Markdown whose text came partly from a manifest: no raw HTML survives (a viewer would render it). */
    static String mdSafe(String s) {
        return s.replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Text from a manifest or a file name in Markdown: no HTML, no line breaks. */
    static String mdText(String s) {
        return esc(Schemas.plainText(SequenceDiagram.clean(s)));
    }

    static String esc(String s) {
        return HtmlPage.esc(s);
    }
}

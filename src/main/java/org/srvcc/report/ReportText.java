package org.srvcc.report;

import java.util.List;
import org.srvcc.model.Schemas;

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

    void table(List<String> head, List<List<String>> rows) {
        StringBuilder t = new StringBuilder("| ")
                .append(String.join(" | ", head))
                .append(" |\n|")
                .append("---|".repeat(head.size()))
                .append('\n');
        for (List<String> r : rows)
            t.append("| ")
                    .append(String.join(
                            " | ", r.stream().map(x -> x.replace("|", "\\|")).toList()))
                    .append(" |\n");
        markdownTable(t.toString());
    }

    /** A Markdown table, also rendered as an HTML table. */
    void markdownTable(String t) {
        md.append(mdSafe(t)).append('\n');
        html.append("<table>\n");
        boolean head = true;
        for (String line : t.split("\n")) {
            if (line.isBlank() || line.matches("\\|(-+\\|)+")) continue;
            String inner = line.strip();
            inner = inner.substring(1, inner.length() - 1);
            html.append("<tr>");
            for (String cell : inner.split("(?<!\\\\)\\|")) {
                String c = esc(cell.strip().replace("\\|", "|"))
                        .replaceAll("\\[([^\\]]*)\\]\\(((?:#|\\.\\./)[^)\\s]*)\\)", "<a href=\"$2\">$1</a>")
                        .replaceAll("\\*\\*(.*?)\\*\\*", "<b class=\"bad\">$1</b>")
                        .replaceAll("`([^`]*)`", "<code>$1</code>");
                html.append(head ? "<th>" : "<td>").append(c).append(head ? "</th>" : "</td>");
            }
            html.append("</tr>\n");
            head = false;
        }
        html.append("</table>\n");
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

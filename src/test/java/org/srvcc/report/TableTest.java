package org.srvcc.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.srvcc.model.Table;

/** A typed table renders to Markdown and to HTML, each from the cells: links, code, failure marks, escapes. */
class TableTest {
    static final Table T = new Table(
            List.of("design (model)", "a|b"),
            List.of(List.of(
                    Table.Cell.of(Table.Span.text("row <x> | y ("), Table.Span.code("M"), Table.Span.text(")")),
                    Table.Cell.of(Table.Span.bad("violated").linkedTo("#cex-M-P"), Table.Span.text(": P, Q")))));

    @Test
    void markdown() {
        assertEquals(
                "| design (model) | a\\|b |\n|---|---|\n"
                        + "| row &lt;x&gt; \\| y (`M`) | [**violated**](#cex-M-P): P, Q |\n",
                T.markdown());
    }

    @Test
    void html() {
        ReportText w = new ReportText();
        w.table(T);
        assertEquals(
                "<table>\n<tr><th>design (model)</th><th>a|b</th></tr>\n"
                        + "<tr><td>row &lt;x&gt; | y (<code>M</code>)</td>"
                        + "<td><a href=\"#cex-M-P\"><b class=\"bad\">violated</b></a>: P, Q</td></tr>\n</table>\n",
                w.html.toString());
    }
}

package org.srvcc.model;

import java.util.List;
import java.util.Locale;

/**
 * Model-check results as JUnit XML, so that a CI system shows each TLC model as a test: a
 * testcase per model (class = its manifest group), a failure when the result differs from the
 * manifest (the problems, and the counterexample flows as text), and the counts in system-out.
 */
public final class JUnitXml {
    private JUnitXml() {}

    public static String write(List<ModelCheck.Result> results) {
        long failures = results.stream().filter(r -> !r.ok()).count();
        double total = results.stream().mapToDouble(ModelCheck.Result::seconds).sum();
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append(String.format(
                Locale.ROOT,
                "<testsuite name=\"srvcc-model-checks\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"0\" "
                        + "time=\"%.1f\">%n",
                results.size(),
                failures,
                total));
        for (ModelCheck.Result r : results) {
            b.append(String.format(
                    Locale.ROOT,
                    "  <testcase classname=\"srvcc.models.%s\" name=\"%s\" time=\"%.1f\">%n",
                    attr(r.model().group()),
                    attr(r.model().name()),
                    r.cached() ? 0.0 : r.seconds()));
            if (r.cached()) // the verdict is TLC's, read from the cache: time 0 here, TLC's own time in the property
            b.append(String.format(
                    Locale.ROOT,
                    "    <properties><property name=\"cached\" value=\"true\"/>"
                            + "<property name=\"tlcSeconds\" value=\"%.1f\"/></properties>%n",
                    r.seconds()));
            if (r.overBudget()) // slowness is reported, not failed: the benchmark judges speed
            b.append(String.format(
                    Locale.ROOT,
                    "    <properties><property name=\"overBudget\" value=\"true\"/>"
                            + "<property name=\"budgetSeconds\" value=\"%d\"/></properties>%n",
                    r.model().budgetSeconds()));
            StringBuilder flows = new StringBuilder();
            for (ModelCheck.Violation v : r.violations())
                flows.append(v.flow().title())
                        .append('\n')
                        .append(v.flow().render())
                        .append('\n');
            if (!r.ok())
                b.append("    <failure type=\"mismatch\" message=\"")
                        .append(attr(String.join("; ", r.problems())))
                        .append("\">")
                        .append(text(flows.toString()))
                        .append("</failure>\n");
            b.append("    <system-out>")
                    .append(text(String.format(
                            Locale.ROOT,
                            "expected %s, got %s; distinct %d, generated %d, depth %d%n%s",
                            r.model().expectViolated().isEmpty()
                                    ? "success"
                                    : r.model().expectViolated(),
                            r.violated().isEmpty() ? "success" : r.violated(),
                            r.distinct(),
                            r.generated(),
                            r.depth(),
                            r.ok() ? flows : "")))
                    .append("</system-out>\n");
            b.append("  </testcase>\n");
        }
        return b.append("</testsuite>\n").toString();
    }

    private static String text(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                default -> b.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return b.toString();
    }

    private static String attr(String s) {
        return text(s).replace("\"", "&quot;").replace("\n", " ");
    }
}

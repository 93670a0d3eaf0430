package org.srvcc.model;

/** The ledger as Markdown: the README's summary table and docs/findings.md, one section per finding. */
final class FindingsMarkdown {
    private FindingsMarkdown() {}

    /** One row per finding: title (a link to its section in {@code page}), status, the clauses it rests on. */
    static String summary(Findings ledger, String page) {
        StringBuilder b = new StringBuilder("| finding | status | rests on |\n|---|---|---|\n");
        for (Findings.Finding f : ledger.findings)
            b.append("| [")
                    .append(f.title())
                    .append("](")
                    .append(page)
                    .append('#')
                    .append(f.id())
                    .append(") | ")
                    .append(Findings.statusText(f.status()))
                    .append(" | ")
                    .append(Findings.clausesText(f.clauses()))
                    .append(" |\n");
        return b.toString();
    }

    static String page(Findings ledger) {
        return "# Findings\n\n"
                + "<!-- generated from " + Findings.FILE + " by ./srvcc findings --write-docs; do not edit -->\n\n"
                + "Each finding below states one claim, the clauses it rests on, every assumption it needs, the "
                + "options under\n"
                + "which it holds, and the TLC models that show it, with the verdict and the length of TLC's shortest\n"
                + "counterexample (in transitions). Assumptions carry a tag: `standard` or `draft` when the cited "
                + "clause states\n"
                + "it; `reading` when the text is silent or ambiguous and this is the tool's interpretation; "
                + "`policy` for an\n"
                + "implementation's or operator's choice; `simplification` for what the model abstracts; `bound` "
                + "for a finite\n"
                + "bound. A verdict never rests on an untagged choice: every `reading`, `policy`, `simplification` "
                + "and `bound`\n"
                + "is marked on the lines of `spec/` and `src/main/java` that implement it, and `FindingsTest` "
                + "fails when a\n"
                + "model, verdict or length here disagrees with the pins of `model-checks/manifest.json` that "
                + "`ModelChecksTest`\n"
                + "holds to TLC. The invariants and their parts are listed in "
                + "[spec/README.md](../spec/README.md#invariants).\n\n"
                + "`./srvcc contribution --finding ID --out F.docx` writes a finding as an SA3 discussion paper "
                + "(or, with\n"
                + "`--kind pcr`, as a pCR when the finding carries proposed text).\n\n"
                + sections(ledger);
    }

    static String sections(Findings ledger) {
        StringBuilder b = new StringBuilder(summary(ledger, "")).append('\n');
        for (Findings.Finding f : ledger.findings) {
            b.append("<a id=\"")
                    .append(f.id())
                    .append("\"></a>\n### ")
                    .append(f.title())
                    .append("\n\n");
            b.append("**Claim.** ").append(f.claim()).append("\n\n");
            b.append("**Status:** ")
                    .append(Findings.statusText(f.status()))
                    .append(". **Rests on:** ")
                    .append(Findings.clausesText(f.clauses()))
                    .append(".\n\n");
            b.append("**Holds under:** ").append(f.holdsUnder()).append("\n\n");
            if (f.detail() != null) b.append(f.detail()).append("\n\n");
            if (!f.assumptions().isEmpty()) {
                b.append("Assumptions:\n\n");
                for (String id : f.assumptions()) {
                    Findings.Assumption a = ledger.assumption(id);
                    b.append("- *")
                            .append(a.tag())
                            .append("* `")
                            .append(a.id())
                            .append("`: ")
                            .append(a.text());
                    if (!a.clauses().isEmpty())
                        b.append(" (").append(Findings.clausesText(a.clauses())).append(")");
                    b.append(" Why: ").append(a.why()).append('\n');
                }
                b.append('\n');
            }
            b.append("| model | verdict | parts | counterexample steps |\n|---|---|---|---|\n");
            for (Findings.ModelRef r : f.models())
                b.append("| `")
                        .append(r.name())
                        .append("` | ")
                        .append(r.verdict().equals("violated") ? "**violated**" : "holds")
                        .append(" | ")
                        .append(r.partsText())
                        .append(" | ")
                        .append(r.stepsText())
                        .append(" |\n");
            if (f.proposal() != null)
                b.append("\n**Proposed text** for ")
                        .append(f.proposal().clause())
                        .append(" (the tool's proposal, not the standard's text): ")
                        .append(f.proposal().text())
                        .append('\n');
            b.append("\nReproduce: `").append(f.reproduce()).append("`\n\n");
        }
        return b.toString();
    }
}

package org.srvcc.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.srvcc.files.AtomicFiles;
import org.srvcc.files.Home;
import org.srvcc.model.Findings;
import org.srvcc.model.Manifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "findings",
        mixinStandardHelpOptions = true,
        description = {
            "Renders the findings ledger (model-checks/findings.json) as Markdown, as docs/findings.md shows it.",
            "--check compares it with the manifest's pinned verdicts and counterexample lengths",
            "and with the tagged lines of the spec and code;",
            "--write-docs writes docs/findings.md and the summary table in README.md's findings region."
        })
final class FindingsCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--check",
            description = "print every disagreement with the manifest and the code tags; exit 1 on any")
    boolean check;

    @Option(
            names = {"--write-docs", "--write-readme"},
            description = "write docs/findings.md and README.md's findings table from the ledger")
    boolean writeReadme;

    @Override
    public Integer call() throws Exception {
        if (check && writeReadme)
            throw new Main.UserError("--check and --write-docs exclude each other: run them one after the other");
        Path home = Home.find();
        Findings ledger = Findings.load(home);
        PrintWriter out = spec.commandLine().getOut();
        if (check) {
            List<String> problems = new ArrayList<>(ledger.problems(new Manifest(home)));
            problems.addAll(ledger.tagProblems(Findings.codeTags(home)));
            String readme = Files.readString(home.resolve("README.md"));
            if (!ledger.intoReadme(readme).equals(readme))
                problems.add("README.md: the findings region differs from the ledger (./srvcc findings --write-docs)");
            Path docs = home.resolve(Findings.DOCS);
            if (!Files.isRegularFile(docs) || !Files.readString(docs).equals(ledger.docsPage()))
                problems.add(Findings.DOCS + ": differs from the ledger (./srvcc findings --write-docs)");
            for (String p : problems) out.println(p);
            out.println(
                    problems.isEmpty()
                            ? "findings: " + ledger.findings.size() + " findings, " + ledger.assumptions.size()
                                    + " assumptions, consistent with the manifest, the code tags, the README and "
                                    + Findings.DOCS
                            : "findings: " + problems.size() + " problems");
            return problems.isEmpty() ? 0 : 1;
        }
        if (writeReadme) {
            Path readme = home.resolve("README.md");
            AtomicFiles.write(readme, ledger.intoReadme(Files.readString(readme)));
            Files.createDirectories(home.resolve("docs"));
            AtomicFiles.write(home.resolve(Findings.DOCS), ledger.docsPage());
            out.println("wrote " + home.resolve(Findings.DOCS) + " and the findings region of " + readme);
            return 0;
        }
        out.print(ledger.markdown());
        return 0;
    }
}

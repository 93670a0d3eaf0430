package org.srvcc.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.srvcc.model.AtomicFiles;
import org.srvcc.model.Findings;
import org.srvcc.model.Home;
import org.srvcc.model.Manifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "findings", mixinStandardHelpOptions = true,
    description = {"Renders the findings ledger (model-checks/findings.json) as Markdown, the text the README and the report show.",
        "--check compares it with the manifest's pinned verdicts and counterexample lengths",
        "and with the tagged lines of the spec and code;",
        "--write-readme puts the rendering into README.md's findings region."})
final class FindingsCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--check", description = "print every disagreement with the manifest and the code tags; exit 1 on any")
    boolean check;

    @Option(names = "--write-readme", description = "replace README.md's findings region with the rendering")
    boolean writeReadme;

    @Override
    public Integer call() throws Exception {
        if (check && writeReadme) throw new Main.UserError("--check and --write-readme exclude each other: run them one after the other");
        Path home = Home.find();
        Findings ledger = Findings.load(home);
        PrintWriter out = spec.commandLine().getOut();
        if (check) {
            List<String> problems = new ArrayList<>(ledger.problems(new Manifest(home)));
            problems.addAll(ledger.tagProblems(Findings.codeTags(home)));
            String readme = Files.readString(home.resolve("README.md"));
            if (!ledger.intoReadme(readme).equals(readme))
                problems.add("README.md: the findings region differs from the ledger (./srvcc findings --write-readme)");
            for (String p : problems) out.println(p);
            out.println(problems.isEmpty()
                ? "findings: " + ledger.findings.size() + " findings, " + ledger.assumptions.size()
                    + " assumptions, consistent with the manifest, the code tags and the README"
                : "findings: " + problems.size() + " problems");
            return problems.isEmpty() ? 0 : 1;
        }
        if (writeReadme) {
            Path readme = home.resolve("README.md");
            AtomicFiles.write(readme, ledger.intoReadme(Files.readString(readme)));
            out.println("wrote the findings region of " + readme);
            return 0;
        }
        out.print(ledger.markdown());
        return 0;
    }
}

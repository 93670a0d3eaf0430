package org.srvcc.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.srvcc.files.Json;
import org.srvcc.procedure.TestVectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "vectors",
        mixinStandardHelpOptions = true,
        description = "Writes the test-vector table of all three profiles over the documented input set (COUNT edges, "
                + "every ngKSI 0..6).")
final class VectorsCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", defaultValue = "md", paramLabel = "md|tsv", description = "md (default) or tsv")
    String format;

    @Option(names = "--json", description = "print the rows as JSON objects, one per line")
    boolean json;

    @Override
    public Integer call() {
        if (!format.equals("md") && !format.equals("tsv"))
            throw new Main.UserError("--format: '" + Main.printable(format) + "' is not md or tsv");
        if (json && spec.commandLine().getParseResult().hasMatchedOption("--format"))
            throw new Main.UserError("--json and --format exclude each other: choose one output form");
        List<TestVectors.Row> rows = TestVectors.rows();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            for (TestVectors.Row r : rows) out.println(Json.write(r.asMap()));
        } else if (format.equals("tsv")) {
            out.print(TestVectors.tsv(rows));
        } else {
            out.print(TestVectors.markdown(rows));
        }
        return 0;
    }
}

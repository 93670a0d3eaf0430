package org.srvcc.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.srvcc.files.AtomicFiles;
import picocli.CommandLine;

/**
 * docs/cli.md, generated from the picocli model of the commands: each command's help exactly as
 * {@code ./srvcc <command> --help} prints it. Regenerate with
 * {@code java -cp target/srvcc.jar org.srvcc.cli.CliDocs docs/cli.md}; CliDocsTest fails when it is stale.
 */
public final class CliDocs {
    private CliDocs() {}

    public static String markdown() {
        CommandLine cl = Main.commandLine();
        StringBuilder b = new StringBuilder("# CLI reference\n\n");
        b.append("<!-- generated from the commands' picocli model by org.srvcc.cli.CliDocs; do not edit -->\n\n");
        b.append("Every command prints this text with `--help`. Exit status: 0 success, 1 a check failed (a model, a "
                + "rule, an\n");
        b.append("invariant) or input/output failed, 2 bad input (one line on stderr, never a stack trace), 3 "
                + "`conform --pcap`\n");
        b.append("found no procedure to check, 130 and 143 stopped by SIGINT and SIGTERM.\n\n");
        b.append("```\n").append(cl.getUsageMessage(CommandLine.Help.Ansi.OFF)).append("```\n\n");
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) continue;
            b.append("## ")
                    .append(e.getKey())
                    .append("\n\n```\n")
                    .append(e.getValue().getUsageMessage(CommandLine.Help.Ansi.OFF))
                    .append("```\n\n");
        }
        return b.toString();
    }

    public static void main(String[] args) throws IOException {
        AtomicFiles.write(Path.of(args.length > 0 ? args[0] : "docs/cli.md"), markdown());
    }
}

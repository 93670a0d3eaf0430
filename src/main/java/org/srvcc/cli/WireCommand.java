package org.srvcc.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.srvcc.wire.FieldView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "wire", mixinStandardHelpOptions = true,
    description = {"Prints this project's decoding of the GTPv2-C packets of a capture, one tab-separated line per packet.",
        "The columns are those of tshark -T fields -E aggregator=, with the fields listed in the README (Wire), "
            + "so the two decoders can be compared line by line (tools/wire-check.sh). Key IEs are printed in hex."})
final class WireCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "a libpcap capture")
    String file;

    @Option(names = "--header", description = "first print the tshark field names")
    boolean header;

    @Override
    public Integer call() throws Exception {
        Path f = Path.of(file);
        if (!Files.isRegularFile(f)) throw new Main.UserError("no such file: " + Main.printable(file));
        if (Files.size(f) > 64L << 20) throw new Main.UserError(Main.printable(file) + ": larger than 64 MiB");
        PrintWriter out = spec.commandLine().getOut();
        if (header) out.println(String.join("\t", FieldView.TSHARK_FIELDS));
        for (String l : FieldView.lines(Files.readAllBytes(f))) out.println(l);
        return 0;
    }
}

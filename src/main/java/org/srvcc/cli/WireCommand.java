package org.srvcc.cli;

import java.io.PrintWriter;
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
        byte[] capture = Args.capture("FILE", file);
        PrintWriter out = spec.commandLine().getOut();
        if (header) out.println(String.join("\t", FieldView.TSHARK_FIELDS));
        for (String l : FieldView.lines(capture)) out.println(l);
        return 0;
    }
}

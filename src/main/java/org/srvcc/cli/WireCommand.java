package org.srvcc.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.srvcc.wire.FieldView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "wire",
        mixinStandardHelpOptions = true,
        description = {
            "Prints this project's decoding of the GTPv2-C packets of a capture, one tab-separated line per packet.",
            "Reads pcap and pcapng (Ethernet with VLAN tags, Linux cooked v1/v2, raw IP, IPv4, IPv6, loopback). "
                    + "Each message of the procedure gets a line in the columns of tshark -T fields -E aggregator=, "
                    + "with the fields "
                    + "listed in docs/implementers.md (Wire), so the two decoders can be compared line by line "
                    + "(tools/wire-check.sh); "
                    + "key IEs are printed in hex. Other packets and GTP messages are skipped and counted; a "
                    + "summary goes to stderr. "
                    + "Exit status 1 if a message of the procedure does not decode (each named by its packet number "
                    + "on stderr)."
        })
final class WireCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "a libpcap capture")
    String file;

    @Option(names = "--header", description = "first print the tshark field names")
    boolean header;

    @Option(
            names = "--port",
            defaultValue = "2123",
            paramLabel = "N",
            description = "the UDP port of GTP-C (default 2123)")
    int port;

    @Override
    public Integer call() throws Exception {
        if (port < 1 || port > 65535) throw new Main.UserError("--port: " + port + " is outside 1..65535");
        byte[] capture = Args.capture("FILE", file);
        FieldView.View v = FieldView.view(capture, port);
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        if (header) out.println(String.join("\t", FieldView.TSHARK_FIELDS));
        for (String l : v.lines()) out.println(l);
        for (String e : v.errors()) err.println("srvcc: " + Main.printable(e));
        err.println("wire: " + v.summary());
        return v.errors().isEmpty() ? 0 : 1;
    }
}

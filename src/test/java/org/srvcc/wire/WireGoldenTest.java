package org.srvcc.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.srvcc.cli.Main;

/**
 * The committed golden captures (src/test/resources/wire, written by tools/wire-check.sh --golden):
 * Wireshark's view of each (its tshark fields, committed) equals this decoder's; each capture is
 * still what `simulate --pcap` writes today; and `conform --pcap` accepts each, except the three
 * call-end captures, whose second attempt runs under a re-authenticated KAMF that is not given.
 */
class WireGoldenTest {
    static final Path DIR = Path.of("src/test/resources/wire");

    record Golden(String name, List<String> args) {}

    static List<Golden> goldens() throws Exception {
        List<Golden> g = new ArrayList<>();
        for (String l : Files.readAllLines(DIR.resolve("golden.tsv"))) {
            if (l.startsWith("#") || l.isBlank()) continue;
            String[] f = l.split("\t");
            g.add(new Golden(f[0], List.of(f[1].split(" "))));
        }
        return g;
    }

    @Test
    void wiresharksFieldsEqualThisDecodersForEveryGoldenCapture() throws Exception {
        List<Golden> gs = goldens();
        assertTrue(gs.size() >= 40, "golden captures: " + gs.size());
        int packets = 0;
        for (Golden g : gs) {
            List<String> tshark = Files.readAllLines(DIR.resolve(g.name() + ".tshark.tsv"));
            assertEquals(tshark, FieldView.lines(Files.readAllBytes(DIR.resolve(g.name() + ".pcap"))), g.name());
            packets += tshark.size();
        }
        assertTrue(packets > 250, "packets compared: " + packets);
    }

    /**
     * A lab-style capture (tools/mixed-capture.py: pcapng, Ethernet with an 802.1Q tag, Echo, Create Session, DNS
     * and an IPv6 Echo around the ts33501-normal exchange): tshark's fields for the procedure's frames, committed,
     * equal this decoder's, and the rest is skipped and counted.
     */
    @Test
    void aLabCaptureWithVlanTagsAndOtherTrafficReadsAsWiresharkReadsIt() throws Exception {
        FieldView.View v = FieldView.view(Files.readAllBytes(DIR.resolve("mixed-vlan.pcapng")), Pcap.GTP_C_PORT);
        assertEquals(Files.readAllLines(DIR.resolve("mixed-vlan.tshark.tsv")), v.lines());
        assertEquals(8, v.lines().size());
        assertEquals(List.of(), v.errors());
        assertEquals(Map.of("GTPv2 messages outside the procedure", 4, "UDP not on port 2123", 1), v.skipped());
        assertEquals(13, v.frames());
    }

    private static int run(StringWriter out, String... args) {
        return Main.run(args, new PrintWriter(out), new PrintWriter(new StringWriter()));
    }

    @Test
    void simulateStillWritesEachGoldenCaptureOctetForOctet(@TempDir Path tmp) throws Exception {
        for (Golden g : goldens()) {
            Path f = tmp.resolve(g.name() + ".pcap");
            List<String> a = new ArrayList<>(
                    List.of("simulate", "--kamf-file", DIR.resolve("kamf.hex").toString(), "--pcap", f.toString()));
            a.addAll(g.args());
            run(new StringWriter(), a.toArray(String[]::new));
            assertArrayEquals(Files.readAllBytes(DIR.resolve(g.name() + ".pcap")), Files.readAllBytes(f), g.name());
        }
    }

    @Test
    void conformAcceptsTheProjectsOwnCaptures() throws Exception {
        int accepted = 0;
        for (Golden g : goldens()) {
            String profile = g.args().get(g.args().indexOf("--profile") + 1);
            StringWriter out = new StringWriter();
            int rc = run(
                    out,
                    "conform",
                    "--pcap",
                    DIR.resolve(g.name() + ".pcap").toString(),
                    "--kamf-file",
                    DIR.resolve("kamf.hex").toString(),
                    "--profile",
                    profile);
            if (g.name().endsWith("-call-end")) {
                assertEquals(1, rc, g.name());
                assertTrue(out.toString().contains("under the KAMF given"), out.toString());
            } else {
                assertEquals(0, rc, g.name() + "\n" + out);
                accepted++;
            }
        }
        assertTrue(accepted >= 40, "accepted " + accepted);
    }
}

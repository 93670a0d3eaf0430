package org.srvcc.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The message tables against an independent codec's (pycrate's, read into src/test/resources/wire/
 * pycrate-tables.tsv with its source recorded), and every message the tool writes (all golden captures)
 * against both: mandatory IEs present, nothing a table does not list.
 */
class MessageTablesTest {
    static final Path DIR = WireGoldenTest.DIR;

    /**
     * pycrate's tables: message type -> {mandatory, optional} as "type/instance"; its MM Context 103 stands for
     * 103-108.
     */
    static Map<Integer, List<Set<String>>> pycrate() throws Exception {
        Map<Integer, List<Set<String>>> t = new HashMap<>();
        for (String line : Files.readAllLines(DIR.resolve("pycrate-tables.tsv"))) {
            if (line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            t.put(Integer.parseInt(f[0]), List.of(set(f[2]), set(f[3])));
        }
        return t;
    }

    private static Set<String> set(String csv) {
        Set<String> s = new TreeSet<>();
        for (String x : csv.split(",")) if (!x.isBlank()) s.add(x.equals("103/0") ? "107/0" : x);
        return s;
    }

    private static String key(int type, int instance) {
        return type + "/" + instance;
    }

    @Test
    void ourTablesAgreeWithAnIndependentCodecs() throws Exception {
        Map<Integer, List<Set<String>>> other = pycrate();
        assertEquals(12, other.size());
        for (Map.Entry<Integer, List<Set<String>>> e : other.entrySet()) {
            MessageTables.Table ours = MessageTables.of(e.getKey());
            Set<String> mandatory = new TreeSet<>();
            for (MessageTables.Row r : ours.mandatory()) mandatory.add(key(r.type(), r.instance()));
            assertEquals(e.getValue().get(0), mandatory, "mandatory IEs of message " + e.getKey());
            for (MessageTables.Row r : ours.rows())
                assertTrue(
                        e.getValue().get(0).contains(key(r.type(), r.instance()))
                                || e.getValue().get(1).contains(key(r.type(), r.instance())),
                        "message " + e.getKey() + ": IE " + key(r.type(), r.instance())
                                + " is in no row of pycrate's table");
        }
    }

    static List<Path> goldenCaptures() throws Exception {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".pcap")).sorted().toList();
        }
    }

    @Test
    void everyMessageTheToolWritesPassesBothTables() throws Exception {
        Map<Integer, List<Set<String>>> other = pycrate();
        int messages = 0;
        Set<Integer> types = new TreeSet<>();
        for (Path pcap : goldenCaptures()) {
            for (Pcap.Packet p : Pcap.read(Files.readAllBytes(pcap)).packets()) {
                Gtpv2Message g = Gtpv2Message.decode(p.payload());
                MessageTables.Table ours = MessageTables.of(g.type());
                Set<String> sent = new TreeSet<>();
                for (Ie i : g.ies()) {
                    sent.add(key(i.type(), i.instance()));
                    assertTrue(
                            ours.row(i.type(), i.instance()) != null,
                            pcap.getFileName() + " packet " + p.number() + ": IE " + i.type() + " not in "
                                    + ours.clause());
                    assertTrue(
                            other.get(g.type()).get(0).contains(key(i.type(), i.instance()))
                                    || other.get(g.type()).get(1).contains(key(i.type(), i.instance())),
                            pcap.getFileName() + " packet " + p.number() + ": IE " + i.type()
                                    + " not in pycrate's table");
                }
                assertTrue(
                        sent.containsAll(other.get(g.type()).get(0)),
                        pcap.getFileName() + " packet " + p.number() + ": misses "
                                + other.get(g.type()).get(0));
                if (g.type() == Gtpv2.SRVCC_PS_TO_CS_REQUEST) {
                    assertTrue(
                            sent.contains("59/0") && sent.contains("74/0") && !sent.contains("87/0"),
                            "PS to CS Request: " + sent);
                }
                if (g.type() == Gtpv2.FORWARD_RELOCATION_REQUEST)
                    assertFalse(sent.contains("75/0"), "the MEI travels in the MM Context");
                types.add(g.type());
                messages++;
                g.wipe();
            }
        }
        assertTrue(messages > 200, "messages checked: " + messages);
        assertEquals(
                Set.of(25, 26, 27, 28, 29, 30, 133, 134, 135, 136, 139, 140),
                types,
                "every message type the tool writes");
    }

    private static byte[] psToCsRequest(List<Ie> ies) {
        return new Gtpv2Message(Gtpv2.SRVCC_PS_TO_CS_REQUEST, 0, 7, ies).encode();
    }

    @Test
    void aReceiverRefusesAMissingMandatoryIeAcceptsAbsentConditionalOnesAndSkipsUnknownOnes() {
        List<Ie> ies = new ArrayList<>(List.of(
                Ies.teidC(0x14000001L),
                Ies.ipAddress(new byte[] {(byte) 192, 0, 2, 20}),
                Ies.transparentContainer(Gtpv2.SOURCE_TO_TARGET_TRANSPARENT_CONTAINER, new byte[0])));
        Gtpv2Message ok =
                Gtpv2Message.decode(psToCsRequest(ies)); // no IMSI, MM Context or Target RNC ID: all conditional
        assertEquals(0x14000001L, Ies.teidC(ok.required(Gtpv2.TEID_C)));
        byte[] noTeid = psToCsRequest(ies).clone();
        noTeid[12] =
                (byte) 200; // the TEID-C becomes an IE type no table lists: skipped, so the mandatory one is missing
        DecodeException e = assertThrows(DecodeException.class, () -> Gtpv2Message.decode(noTeid));
        assertTrue(
                e.getMessage()
                        .contains("mandatory IE MME/SGSN Sv TEID for Control Plane (type 59, instance 0) missing from "
                                + "SRVCC PS to CS Request"
                                + " (TS 29.280 Table 5.2.2)"),
                e.getMessage());
        List<Ie> withUnknown = new ArrayList<>(ies);
        withUnknown.add(new Ie(201, 0, new byte[] {1, 2, 3}, 0));
        assertEquals(
                4,
                Gtpv2Message.decode(psToCsRequest(withUnknown)).ies().size(),
                "an IE no table lists is kept and skipped");
        IllegalArgumentException sender =
                assertThrows(IllegalArgumentException.class, () -> psToCsRequest(ies.subList(1, 3)));
        assertTrue(
                sender.getMessage().contains("without its mandatory IE MME/SGSN Sv TEID for Control Plane"),
                sender.getMessage());
    }

    @Test
    void aContainerLongerThan255OctetsFollowsTs29280() {
        byte[] big = new byte[300];
        for (int i = 0; i < big.length; i++) big[i] = (byte) i;
        Ie ie = Ies.transparentContainer(Gtpv2.SOURCE_TO_TARGET_TRANSPARENT_CONTAINER, big);
        assertEquals(255, ie.value()[0] & 0xFF, "octet 5 is 255 for a container above 255 octets");
        assertEquals(301, ie.value().length);
        assertArrayEquals(big, Ies.transparentContainer(ie), "the receiver takes the length from the IE's length");
        byte[] small = Ies.transparentContainer(Gtpv2.SOURCE_TO_TARGET_TRANSPARENT_CONTAINER, new byte[] {9, 8, 7})
                .value();
        assertArrayEquals(new byte[] {3, 9, 8, 7}, small);
        byte[] lying = {1, 9, 8, 7}; // octet 5 says 1: a receiver ignores it
        assertArrayEquals(
                new byte[] {9, 8, 7},
                Ies.transparentContainer(new Ie(Gtpv2.SOURCE_TO_TARGET_TRANSPARENT_CONTAINER, 0, lying, 0)));
    }
}

package org.srvcc.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.srvcc.cli.Main;
import org.srvcc.conformance.PcapConformance;
import org.srvcc.conformance.PcapConformance.Rule;
import org.srvcc.procedure.Profile;

/**
 * `conform --pcap` on edited copies of golden captures: each edit breaks one Annex J rule, and the
 * checker must name that rule at that packet. Replacement keys are computed here with the JDK's
 * HmacSHA256 (the TS 33.220 KDF written out: S = FC || P0 || L0), not with the project's KDF.
 */
class PcapConformanceTest {
    static final Path DIR = WireGoldenTest.DIR;

    static byte[] kamf() throws Exception {
        return HexFormat.of().parseHex(Files.readString(DIR.resolve("kamf.hex")).trim());
    }

    static byte[] hmacKdf(byte[] key, int fc, int count) throws Exception {
        Mac m = Mac.getInstance("HmacSHA256");
        m.init(new SecretKeySpec(key, "HmacSHA256"));
        return m.doFinal(new byte[] {
            (byte) fc, (byte) (count >>> 24), (byte) (count >>> 16), (byte) (count >>> 8), (byte) count, 0, 4
        });
    }

    /** The capture with some GTP payloads replaced; IP and UDP lengths and checksums are rewritten. */
    interface Edit {
        byte[] apply(int packet, byte[] gtp) throws Exception;
    }

    static byte[] edited(String golden, Edit e) throws Exception {
        List<Pcap.Frame> frames = new ArrayList<>();
        for (Pcap.Packet p :
                Pcap.read(Files.readAllBytes(DIR.resolve(golden + ".pcap"))).packets())
            frames.add(new Pcap.Frame(
                    p.micros(),
                    p.src(),
                    p.dst(),
                    e.apply(p.number(), p.payload().clone())));
        return Pcap.write(frames);
    }

    static PcapConformance.Report check(byte[] pcap) throws Exception {
        return PcapConformance.check(pcap, kamf(), Profile.TS33501, 4096);
    }

    /** Offset of the value of the first IE of this type in a GTP message. */
    static int valueAt(byte[] gtp, int type) {
        return Gtpv2Message.decode(gtp).ie(type).orElseThrow().offset() + 4;
    }

    static void assertOnlyBreak(PcapConformance.Report r, Rule rule, int packet, String says) {
        for (Rule x : Rule.values())
            if (x != rule)
                assertTrue(
                        r.breaks().get(x).isEmpty(),
                        x + " broke too: " + r.breaks().get(x));
        assertEquals(1, r.breaks().get(rule).size(), r.breaks().get(rule).toString());
        assertEquals(packet, r.breaks().get(rule).get(0).packet());
        assertTrue(
                r.breaks().get(rule).get(0).what().contains(says),
                r.breaks().get(rule).get(0).what());
    }

    /** The golden capture with CK and IK swapped in the PS to CS Request (packet 2): the open-source MME fork's bug. */
    static byte[] swappedCkIk() throws Exception {
        return edited("ts33501-normal", (n, g) -> {
            if (n != 2) return g;
            int v = valueAt(g, Gtpv2.MM_CONTEXT_FOR_EUTRAN_SRVCC) + 1;
            byte[] ck = Arrays.copyOfRange(g, v, v + 16);
            System.arraycopy(g, v + 16, g, v, 16);
            System.arraycopy(ck, 0, g, v + 16, 16);
            return g;
        });
    }

    @Test
    void theUneditedCaptureHoldsEveryRule() throws Exception {
        PcapConformance.Report r = check(Files.readAllBytes(DIR.resolve("ts33501-normal.pcap")));
        assertTrue(r.holds(), r.breaks().toString());
        assertEquals(8, r.gtp());
        assertEquals(1, r.checked().get(Rule.CK_IK));
    }

    @Test
    void swappedCkAndIkBreakCkIkAtThePsToCsRequest() throws Exception { // the open-source MME fork's bug
        assertOnlyBreak(check(swappedCkIk()), Rule.CK_IK, 2, "swapped");
    }

    @Test
    void fc0x74InsteadOf0x7DBreaksKasmeSrvcc() throws Exception {
        byte[] kPrime = hmacKdf(kamf(), 0x74, 0);
        byte[] pcap = edited("ts33501-normal", (n, g) -> {
            if (n == 1) System.arraycopy(kPrime, 0, g, valueAt(g, Gtpv2.MM_CONTEXT_EPS) + 9, 32);
            if (n == 2) { // the MME derives consistently from what it received, so only the AMF's step is wrong
                byte[] ckik = hmacKdf(kPrime, 0x1A, 0);
                System.arraycopy(ckik, 0, g, valueAt(g, Gtpv2.MM_CONTEXT_FOR_EUTRAN_SRVCC) + 1, 32);
            }
            return g;
        });
        assertOnlyBreak(check(pcap), Rule.KASME_SRVCC, 1, "FC 0x74 instead of 0x7D");
    }

    @Test
    void theSameCountOnASecondAttemptBreaksCountFresh() throws Exception {
        // ts33501-retry: attempt 1 (COUNT 0) is rejected, attempt 2 uses COUNT 1; the edit makes attempt 2 reuse COUNT
        // 0
        byte[] kasme0 = hmacKdf(kamf(), 0x7D, 0);
        List<Integer> frr = new ArrayList<>(), sv = new ArrayList<>();
        for (Pcap.Packet p :
                Pcap.read(Files.readAllBytes(DIR.resolve("ts33501-retry.pcap"))).packets()) {
            int t = Gtpv2Message.decode(p.payload()).type();
            if (t == Gtpv2.FORWARD_RELOCATION_REQUEST) frr.add(p.number());
            if (t == Gtpv2.SRVCC_PS_TO_CS_REQUEST) sv.add(p.number());
        }
        assertEquals(2, frr.size(), "two attempts in the golden retry capture");
        int second = frr.get(1);
        byte[] pcap = edited("ts33501-retry", (n, g) -> {
            if (n == second) System.arraycopy(kasme0, 0, g, valueAt(g, Gtpv2.MM_CONTEXT_EPS) + 9, 32);
            if (n > second && sv.contains(n))
                System.arraycopy(hmacKdf(kasme0, 0x1A, 0), 0, g, valueAt(g, Gtpv2.MM_CONTEXT_FOR_EUTRAN_SRVCC) + 1, 32);
            return g;
        });
        assertOnlyBreak(check(pcap), Rule.COUNT_FRESH, second, "COUNT 0 was already used");
    }

    /** The golden capture rewritten as a UE with no 5G security context sends it: eKSI 7, zero octets for every key. */
    static byte[] noContext(boolean zeroKasme, boolean zeroCkIk) throws Exception {
        return edited("ts33501-normal", (n, g) -> {
            if (n == 1) {
                int v = valueAt(g, Gtpv2.MM_CONTEXT_EPS);
                g[v] = (byte) (g[v] & 0xF8 | 7);
                if (zeroKasme) Arrays.fill(g, v + 9, v + 9 + 32, (byte) 0);
            }
            if (n == 2) {
                int v = valueAt(g, Gtpv2.MM_CONTEXT_FOR_EUTRAN_SRVCC);
                g[v] = (byte) (g[v] & 0xF8 | 7);
                if (zeroCkIk) Arrays.fill(g, v + 1, v + 33, (byte) 0);
            }
            return g;
        });
    }

    @Test
    void aNoContextCaptureHoldsAndAKeyUnderKsi7BreaksKsi() throws Exception {
        PcapConformance.Report ok = check(noContext(true, true));
        assertTrue(ok.holds(), ok.breaks().toString());
        assertEquals(0, ok.checked().getOrDefault(Rule.KASME_SRVCC, 0), "nothing to derive without a context");
        assertOnlyBreak(check(noContext(true, false)), Rule.KSI, 2, "KSI 7 (no key available) sent with CK and IK");
        assertOnlyBreak(check(noContext(false, true)), Rule.KSI, 1, "eKSI 7 (no key available) sent with a KASME");
    }

    @Test
    void aKsiOffByOneBreaksKsi() throws Exception {
        byte[] pcap = edited("ts33501-normal", (n, g) -> {
            if (n == 2) g[valueAt(g, Gtpv2.MM_CONTEXT_FOR_EUTRAN_SRVCC)] += 1;
            return g;
        });
        assertOnlyBreak(check(pcap), Rule.KSI, 2, "KSI_SRVCC 2 but the Forward Relocation Request's eKSI is 1");
    }

    @Test
    void aTruncatedIeBreaksDecodesAtItsPacket() throws Exception {
        byte[] pcap = edited("ts33501-normal", (n, g) -> {
            if (n != 2) return g;
            byte[] t = Arrays.copyOf(g, g.length - 10); // the last IE loses 10 octets
            int len = t.length - 4;
            t[2] = (byte) (len >> 8);
            t[3] = (byte) len;
            return t;
        });
        PcapConformance.Report r = check(pcap);
        assertFalse(r.holds());
        assertEquals(2, r.breaks().get(Rule.DECODES).get(0).packet());
        assertTrue(
                r.breaks().get(Rule.DECODES).get(0).what().contains("IE type 54"),
                r.breaks().get(Rule.DECODES).toString());
    }

    @Test
    void kamfOnTheWireBreaksNoKamf() throws Exception {
        byte[] k = kamf();
        byte[] pcap = edited("ts33501-normal", (n, g) -> {
            if (n == 1) System.arraycopy(k, 0, g, valueAt(g, Gtpv2.MM_CONTEXT_EPS) + 9, 32); // KAMF sent as KASME
            return g;
        });
        PcapConformance.Report r = check(pcap);
        assertEquals(1, r.breaks().get(Rule.NO_KAMF).get(0).packet());
        assertEquals(1, r.breaks().get(Rule.KASME_SRVCC).get(0).packet());
    }

    @Test
    void aResponseBeforeItsRequestBreaksOrder() throws Exception {
        List<Pcap.Frame> frames = new ArrayList<>();
        List<Pcap.Packet> ps = Pcap.read(Files.readAllBytes(DIR.resolve("ts33501-normal.pcap")))
                .packets();
        int[] order = {0, 2, 1, 3, 4, 5, 6, 7}; // the MSC's response before the MME's request
        for (int i : order)
            frames.add(new Pcap.Frame(
                    ps.get(i).micros(),
                    ps.get(i).src(),
                    ps.get(i).dst(),
                    ps.get(i).payload()));
        PcapConformance.Report r = check(Pcap.write(frames));
        assertEquals(2, r.breaks().get(Rule.ORDER).get(0).packet());
        assertTrue(r.breaks().get(Rule.ORDER).get(0).what().contains("answers no earlier SRVCC PS to CS Request"));
    }

    @Test
    void withoutTheKamfTheWireAloneCatchesSwappedKeysAndAWrongKsi() throws Exception {
        PcapConformance.Report clean =
                PcapConformance.check(Files.readAllBytes(DIR.resolve("ts33501-normal.pcap")), null, Profile.TS33501, 1);
        assertTrue(clean.holds(), clean.breaks().toString());
        assertTrue(clean.notApplicable(Rule.KASME_SRVCC).contains("needs the KAMF"));
        assertTrue(clean.notApplicable(Rule.NO_KAMF).contains("needs the KAMF"));
        assertEquals(null, clean.notApplicable(Rule.CK_IK));
        assertEquals(1, clean.checked().get(Rule.CK_IK));
        assertOnlyBreak(PcapConformance.check(swappedCkIk(), null, Profile.TS33501, 1), Rule.CK_IK, 2, "swapped");
        byte[] ksi = edited("ts33501-normal", (n, g) -> {
            if (n == 2) g[valueAt(g, Gtpv2.MM_CONTEXT_FOR_EUTRAN_SRVCC)] += 1;
            return g;
        });
        assertOnlyBreak(
                PcapConformance.check(ksi, null, Profile.TS33501, 1),
                Rule.KSI,
                2,
                "KSI_SRVCC 2 but the Forward Relocation Request's eKSI is 1");
    }

    /** The N26 messages of a golden capture with 5SRHOI cleared: a plain 5GS to EPS handover, no 5G-SRVCC in it. */
    static byte[] plainHandover() throws Exception {
        List<Pcap.Frame> frames = new ArrayList<>();
        for (Pcap.Packet p : Pcap.read(Files.readAllBytes(DIR.resolve("ts33501-normal.pcap")))
                .packets()) {
            byte[] g = p.payload().clone();
            int t = g[1] & 0xFF;
            if (t < 133) continue; // the Sv messages go
            if (t == Gtpv2.FORWARD_RELOCATION_REQUEST)
                g[valueAt(g, Gtpv2.INDICATION) + 7] &= ~0x02; // 5SRHOI: octet 12 bit 2
            frames.add(new Pcap.Frame(p.micros(), p.src(), p.dst(), g));
        }
        return Pcap.write(frames);
    }

    @Test
    void aPlainHandoverIsOutOfScopeAndEveryRuleSaysSo() throws Exception {
        PcapConformance.Report r = PcapConformance.check(plainHandover(), kamf(), Profile.TS33501, 16);
        assertEquals(0, r.inScope());
        assertTrue(r.holds());
        for (Rule x : Rule.values()) {
            if (x == Rule.NO_KAMF) {
                assertEquals(null, r.notApplicable(x), "the KAMF scan runs over every packet");
                continue;
            }
            assertEquals("no 5G-SRVCC procedure in the capture", r.notApplicable(x), x.id);
        }
        assertEquals(
                4,
                r.skippedBy().get("S10/N26 messages without 5SRHOI (not 5G-SRVCC)"),
                r.skippedBy().toString());
    }

    @Test
    void theCommandSaysNotApplicableAndExitsThreeWhenNoProcedureIsInTheCapture(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("plain.pcap");
        Files.write(f, plainHandover());
        StringWriter out = new StringWriter(), err = new StringWriter();
        int rc = Main.run(new String[] {"conform", "--pcap", f.toString()}, new PrintWriter(out), new PrintWriter(err));
        assertEquals(3, rc, out + "\n" + err);
        assertTrue(out.toString().contains("N/A   kasme-srvcc  needs the KAMF"), out.toString());
        assertTrue(out.toString().contains("N/A   order        no 5G-SRVCC procedure in the capture"), out.toString());
        assertTrue(out.toString().contains("capture: no 5G-SRVCC procedure in it"), out.toString());
        assertFalse(out.toString().contains("PASS"), out.toString());
        Path normal = DIR.resolve("ts33501-normal.pcap");
        out = new StringWriter();
        rc = Main.run(
                new String[] {"conform", "--pcap", normal.toString()}, new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, rc, out.toString());
        assertTrue(out.toString().contains("PASS  ck-ik") && out.toString().contains("N/A   no-kamf"), out.toString());
    }

    /** 200 Forward Relocation Requests whose KASME matches no COUNT: the search of the whole capture is bounded. */
    @Test
    void aCaptureOfUnmatchedKeysBuysABoundedSearch() throws Exception {
        Pcap.Packet first = Pcap.read(Files.readAllBytes(DIR.resolve("ts33501-normal.pcap")))
                .packets()
                .get(0);
        List<Pcap.Frame> frames = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            byte[] g = first.payload().clone();
            g[10] = (byte) (i >> 8); // sequence number: each its own attempt
            g[11] = (byte) i;
            int v = valueAt(g, Gtpv2.MM_CONTEXT_EPS) + 9;
            for (int k = 0; k < 32; k++) g[v + k] = (byte) (i * 31 + k); // a KASME no COUNT gives
            frames.add(new Pcap.Frame(i * 1000L, first.src(), first.dst(), g));
        }
        PcapConformance.Report r = PcapConformance.check(Pcap.write(frames), kamf(), Profile.TS33501, 65536);
        assertTrue(r.searchCapped(), "200 x 65,536 derivations exceed the capture's budget");
        assertEquals(200, r.breaks().get(Rule.KASME_SRVCC).size());
        assertTrue(
                r.breaks()
                        .get(Rule.KASME_SRVCC)
                        .get(199)
                        .what()
                        .contains("search budget of " + PcapConformance.SEARCH_BUDGET + " derivations"),
                r.breaks().get(Rule.KASME_SRVCC).get(199).what());
    }

    /**
     * A capture spanning a re-authentication: the second attempt runs under a new KAMF, whose COUNTs
     * start at 0 again. Its KAMF is the simulation's seeded one, SHA-256("srvcc-kamf/1/2/0") (seed 1,
     * KAMF 2), computed here with the JDK.
     */
    @Test
    void eachKamfOfTheCaptureCanBeGivenAndANewOneStartsItsCountsAfresh(@TempDir Path dir) throws Exception {
        byte[] second =
                MessageDigest.getInstance("SHA-256").digest("srvcc-kamf/1/2/0".getBytes(StandardCharsets.UTF_8));
        byte[] pcap = Files.readAllBytes(DIR.resolve("ts33501-call-end.pcap"));
        PcapConformance.Report one = PcapConformance.check(pcap, kamf(), Profile.TS33501, 16);
        assertEquals(1, one.breaks().get(Rule.KASME_SRVCC).size(), "the second attempt is not under the first KAMF");
        PcapConformance.Report both =
                PcapConformance.check(pcap, List.of(kamf(), second), Profile.TS33501, 16, Pcap.GTP_C_PORT);
        assertTrue(both.holds(), both.breaks().toString());
        assertEquals(2, both.checked().get(Rule.KASME_SRVCC));
        assertEquals(2, both.checked().get(Rule.COUNT_FRESH), "COUNT 0 twice, each under its own KAMF");
        Path k2 = dir.resolve("kamf2.hex");
        Files.writeString(k2, HexFormat.of().formatHex(second) + "\n");
        StringWriter out = new StringWriter();
        int rc = Main.run(
                new String[] {
                    "conform",
                    "--pcap",
                    DIR.resolve("ts33501-call-end.pcap").toString(),
                    "--kamf-file",
                    DIR.resolve("kamf.hex").toString(),
                    "--kamf-file",
                    k2.toString()
                },
                new PrintWriter(out),
                new PrintWriter(new StringWriter()));
        assertEquals(0, rc, out.toString());
    }
}

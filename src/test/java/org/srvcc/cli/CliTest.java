package org.srvcc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.srvcc.kdf.Hex;

class CliTest {
    static final String K1 = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

    record Result(int rc, String out, String err) {}

    static Result run(String... args) {
        StringWriter o = new StringWriter(), e = new StringWriter();
        int rc = Main.run(args, new PrintWriter(o), new PrintWriter(e));
        return new Result(rc, o.toString(), e.toString());
    }

    static List<Arguments> badInputs() {
        return badInputArrays().stream().map(a -> Arguments.of((Object) a)).toList();
    }

    static List<String[]> badInputArrays() {
        String d = "derive";
        return List.of(
                new String[] {"kdf", "--key", "abc", "--fc", "7d"}, // odd hex digits
                new String[] {"kdf", "--key", "zz", "--fc", "7d"}, // non-hex
                new String[] {"kdf", "--key", "00", "--fc", "7d", "--param", "0g"}, // non-hex param
                new String[] {"kdf", "--key", "00", "--fc", "FF"}, // FC 0xFF alone
                new String[] {"kdf", "--key", "00", "--fc", "100"}, // FC out of range
                new String[] {"kdf", "--key", "00", "--fc", "7D00"}, // two octets not FFxx
                new String[] {"kdf", "--key", "00", "--fc", "7d", "--param", "00".repeat(65536)}, // param > 65535
                new String[] {d, "--kamf", "00", "--dl-count", "1", "--ngksi", "1"}, // KAMF not 32 octets
                new String[] {d, "--kamf", K1 + "00", "--dl-count", "1", "--ngksi", "1"}, // KAMF 33 octets
                new String[] {d, "--kamf", K1, "--dl-count", "16777216", "--ngksi", "1"}, // COUNT too large
                new String[] {d, "--kamf", K1, "--dl-count", "-1", "--ngksi", "1"}, // COUNT negative
                new String[] {d, "--kamf", K1, "--dl-count", "ten", "--ngksi", "1"}, // COUNT not a number
                new String[] {d, "--kamf", K1, "--dl-count", "1", "--ngksi", "7"}, // ngKSI 7
                new String[] {d, "--kamf", K1, "--dl-count", "1", "--ngksi", "9"}, // ngKSI out of range
                new String[] {d, "--kamf", K1, "--dl-count", "1", "--ngksi", "x"}, // ngKSI not a number
                new String[] {d, "--profile", "ts33401", "--kamf", K1, "--dl-count", "1", "--ngksi", "1"
                }, // unknown profile
                new String[] {d, "--option", "fooBar=1", "--kamf", K1, "--dl-count", "1", "--ngksi", "1"
                }, // unknown option
                new String[] {d, "--option", "amfFc=0x99", "--kamf", K1, "--dl-count", "1", "--ngksi", "1"
                }, // bad option value
                new String[] {d, "--option", "countLsbBits", "--kamf", K1, "--dl-count", "1", "--ngksi", "1"
                }, // not name=value
                new String[] {d, "--kamf", K1, "--ngksi", "1"}, // missing option
                new String[] {"vectors", "--format", "pdf"}, // unknown format
                new String[] {"nosuchcommand"});
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputGivesOneLineAndExitTwo(String[] args) {
        Result r = run(args);
        assertEquals(2, r.rc(), () -> Arrays.toString(args) + " -> " + r.err());
        String err = r.err().strip();
        assertFalse(err.contains("\n"), () -> "more than one line: " + err);
        assertTrue(err.startsWith("srvcc: "), err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), err);
        assertEquals("", r.out());
    }

    @Test
    void kdfAgreesWithJdkHmac() throws Exception {
        Result r = run("kdf", "--key", "0badc0de", "--fc", "ff42", "--param", "00112233", "--param", "");
        assertEquals(0, r.rc());
        Mac m = Mac.getInstance("HmacSHA256");
        m.init(new SecretKeySpec(Hex.decode("0badc0de"), "HmacSHA256"));
        String expected = Hex.encode(m.doFinal(Hex.decode("ff42" + "00112233" + "0004" + "" + "0000")));
        assertEquals(expected, r.out().strip());
    }

    @Test
    void deriveTs33501PrintsTheAnnexJChain() {
        Result r =
                run("derive", "--profile", "ts33501", "--kamf", K1, "--dl-count", "5", "--ngksi", "3", "--show-keys");
        assertEquals(0, r.rc(), r.err());
        assertTrue(r.err().contains("warning: --kamf puts the key on the command line"), r.err());
        // Values from tools/kat-openssl.sh (OpenSSL).
        assertTrue(
                r.out()
                        .contains("KASME_SRVCC              "
                                + "7bc7153c2c3a7774a8026825ba4519cd0ae139dca00604c5de8fd9395bb84d36"),
                r.out());
        assertTrue(r.out().contains("S = 7d000000050004"));
        assertTrue(r.out().contains("S = 1a000000000004"));
        assertTrue(r.out().contains("CK_SRVCC                 a0cb6be8e8244b4d92a3149a04ad5622"));
        assertTrue(r.out().contains("IK_SRVCC                 b84fe001c222f65d8691b8df25776aff"));
        assertTrue(r.out().contains("COUNT LSBs to UE         5"));
    }

    @Test
    void deriveHidesDerivedKeysUnlessAsked() {
        Result r = run("derive", "--kamf", K1, "--dl-count", "5", "--ngksi", "3");
        assertEquals(0, r.rc(), r.err());
        assertFalse(r.out().contains("7bc7153c2c3a7774a8026825ba4519cd0ae139dca00604c5de8fd9395bb84d36"), r.out());
        assertFalse(r.out().matches("(?s).*[0-9a-f]{32}.*"), r.out());
        assertTrue(r.out().contains("KASME_SRVCC              (hidden; --show-keys prints it)"), r.out());
        assertTrue(r.out().contains("KSI_SRVCC                3"), r.out());
    }

    @Test
    void reuse0x74MakesTheSrvccKeyTheEpsHandoverKey() {
        Result r = run(
                "derive",
                "--option",
                "amfFc=reuse-0x74",
                "--kamf",
                K1,
                "--dl-count",
                "5",
                "--ngksi",
                "0",
                "--show-keys");
        assertEquals(0, r.rc(), r.err());
        // A.14.2 K'ASME for the same KAMF and COUNT (OpenSSL, tools/kat-openssl.sh).
        assertTrue(r.out().contains("932ff8f8388efafb3968052065c44344c1617d59f49f3d55d731eb0cb648a237"), r.out());
    }

    @Test
    void vectorsCoverEveryProfileCountAndKsi() throws Exception {
        Result r = run("vectors", "--format", "tsv");
        assertEquals(0, r.rc(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(1 + 3 * 2 * 7, lines.size());
        Set<String> seen = new HashSet<>();
        Mac m = Mac.getInstance("HmacSHA256");
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split("\t", -1);
            seen.add(c[1] + "/ksi" + c[4]);
            seen.add(c[1] + "/count" + c[3]);
            assertEquals(c[4], c[8], "KSI_SRVCC = ngKSI");
            assertEquals(Integer.parseInt(c[3]) & 15, Integer.parseInt(c[9]));
            if (c[1].equals("ts33501")) { // recompute the Annex J chain with the JDK's HMAC
                m.init(new SecretKeySpec(Hex.decode(c[2]), "HmacSHA256"));
                int n = Integer.parseInt(c[3]);
                byte[] kasme = m.doFinal(new byte[] {0x7d, 0, (byte) (n >> 16), (byte) (n >> 8), (byte) n, 0, 4});
                assertEquals(Hex.encode(kasme), c[5]);
                m.init(new SecretKeySpec(kasme, "HmacSHA256"));
                assertEquals(Hex.encode(m.doFinal(Hex.decode("1a000000000004"))), c[6] + c[7]);
            }
        }
        for (String p : List.of("ts33501", "draft-via-mme", "draft-direct")) {
            for (int k = 0; k <= 6; k++) assertTrue(seen.contains(p + "/ksi" + k), p + " ksi " + k);
            for (int n : List.of(0, 1, 15, 16, 255, 256, 0xFFFFFF)) assertTrue(seen.contains(p + "/count" + n));
        }
    }

    @Test
    void helpWorksForEveryCommand() {
        for (String c : List.of("kdf", "derive", "vectors")) {
            Result r = run(c, "--help");
            assertEquals(0, r.rc());
            assertTrue(r.out().contains("Usage: srvcc " + c), r.out());
        }
    }

    /** Keys from the user's KAMF are not labelled as seed-derived test keys. */
    @Test
    void showKeysSaysWhereTheKeysComeFrom(@TempDir Path dir) throws Exception {
        Path k = dir.resolve("kamf.hex");
        Files.writeString(k, "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\n");
        Result mine = run("simulate", "--kamf-file", k.toString(), "--show-keys");
        assertEquals(0, mine.rc(), mine.err());
        assertTrue(mine.out().contains("derived from the KAMF given for UE 1: secret if that KAMF is"), mine.out());
        assertFalse(mine.out().contains("not secret"), mine.out());
        Result seeded = run("simulate", "--show-keys");
        assertTrue(seeded.out().contains("simulation keys derived from --seed"), seeded.out());
    }
}

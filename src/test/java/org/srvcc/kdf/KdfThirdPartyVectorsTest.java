package org.srvcc.kdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The KDF against vectors that other projects' tests assert (srsRAN 4G, OpenAirInterface, Open5GS,
 * free5GC): src/test/resources/kdf/third-party-vectors.tsv names the repository, commit, file and
 * line of each expected value. They exercise the generic S layout with one to two parameters of 1
 * to 32 octets, 32-bit COUNTs with the high bits set (0xFE56A1D3), and 13 FC values. None of these
 * projects implements A.12 (0x1A) or A.14 (0x73/0x74) for SRVCC: those rows come from OpenSSL
 * (KdfKnownAnswerTest, tools/kat-openssl.sh).
 */
class KdfThirdPartyVectorsTest {
    @Test
    void everyThirdPartyVectorIsReproduced() throws Exception {
        List<String> failures = new ArrayList<>();
        Set<String> projects = new HashSet<>(), fcs = new HashSet<>();
        int n = 0;
        for (String line : Files.readAllLines(Path.of("src/test/resources/kdf/third-party-vectors.tsv"))) {
            if (line.startsWith("#")) continue;
            String[] c = line.split("\t");
            byte[] key = Hex.decode(c[2]), expected = Hex.decode(c[5]);
            byte[][] params = c[4].equals("-")
                    ? new byte[0][]
                    : Arrays.stream(c[4].split(",")).map(Hex::decode).toArray(byte[][]::new);
            byte[] got = Kdf.derive(key, Fc.parse(c[3]), params);
            if (!Arrays.equals(expected, Arrays.copyOf(got, expected.length))) failures.add(c[0] + " " + c[1]);
            projects.add(c[0].substring(0, c[0].indexOf('@')));
            fcs.add(c[3]);
            n++;
        }
        assertEquals(List.of(), failures);
        assertTrue(n >= 20, n + " vectors");
        assertEquals(4, projects.size(), projects.toString());
        assertTrue(fcs.size() >= 10, fcs.toString());
    }
}

package org.srvcc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.srvcc.kdf.Hex;

/**
 * A KAMF given through --kamf-file, --kamf-file - (stdin) or --kamf-env never shows up in any
 * output of the run: stdout, stderr, the files it writes, or target/ folders. The KAMF here is
 * random, so it cannot be a published vector that some output prints anyway.
 */
class SecretInputTest {
    static final Path HOME = Path.of("").toAbsolutePath();

    static String randomKamf() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return Hex.encode(b);
    }

    @Test
    void aKamfFromAFileStdinOrTheEnvironmentAppearsInNoOutput(@TempDir Path dir) throws Exception {
        long start = System.currentTimeMillis() - 1000;
        String kamf = randomKamf();
        Path f = Files.writeString(dir.resolve("kamf"), kamf + "\n");
        List<String> outputs = new ArrayList<>();
        for (String[] a : new String[][] {
            {"derive", "--kamf-file", f.toString(), "--dl-count", "7", "--ngksi", "2"},
            {"derive", "--kamf-file", f.toString(), "--dl-count", "7", "--ngksi", "2", "--json"},
            {"derive", "--kamf-file", f.toString(), "--dl-count", "7", "--ngksi", "2", "--show-keys"},
            {"derive", "--kamf-file", f.toString(), "--dl-count", "0x1000000", "--ngksi", "2"},
            {"derive", "--kamf-file", f.toString(), "--kamf", kamf, "--dl-count", "1", "--ngksi", "1"},
            {"kdf", "--key-file", f.toString(), "--fc", "7D", "--param", "00000007"}
        }) {
            CliTest.Result r = CliTest.run(a);
            outputs.add(r.out());
            outputs.add(r.err());
        }
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream((kamf + "\n").getBytes(StandardCharsets.US_ASCII)));
            CliTest.Result r =
                    CliTest.run("derive", "--kamf-file", "-", "--dl-count", "7", "--ngksi", "2", "--show-keys");
            assertEquals(0, r.rc(), r.err());
            outputs.add(r.out());
            outputs.add(r.err());
        } finally {
            System.setIn(stdin);
        }
        ProcessBuilder pb = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.srvcc.cli.Main",
                        "derive",
                        "--kamf-env",
                        "SRVCC_TEST_KAMF",
                        "--dl-count",
                        "7",
                        "--ngksi",
                        "2",
                        "--show-keys")
                .redirectErrorStream(true);
        pb.environment().put("SRVCC_TEST_KAMF", kamf);
        pb.environment().put("SRVCC_HOME", HOME.toString());
        Process p = pb.start();
        String childOut = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), childOut);
        assertTrue(childOut.contains("CK_SRVCC"), childOut);
        outputs.add(childOut);
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path x :
                    s.filter(Files::isRegularFile).filter(x -> !x.equals(f)).toList()) outputs.add(Files.readString(x));
        }
        for (String t : List.of("target/tlc", "target/trace-validation", "target/model-replay"))
            if (Files.isDirectory(HOME.resolve(t)))
                try (Stream<Path> s = Files.walk(HOME.resolve(t))) {
                    for (Path x : s.filter(Files::isRegularFile)
                            .filter(x -> x.toFile().lastModified() >= start
                                    && x.toFile().length() < 50_000_000)
                            .toList()) outputs.add(new String(Files.readAllBytes(x), StandardCharsets.ISO_8859_1));
                }
        for (String o : outputs) {
            assertFalse(o.toLowerCase().contains(kamf), "KAMF found in an output:\n" + o);
            assertFalse(o.toLowerCase().contains(kamf.substring(0, 16)), "part of KAMF found in an output:\n" + o);
        }
    }
}

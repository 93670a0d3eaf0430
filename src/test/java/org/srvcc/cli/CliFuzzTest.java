package org.srvcc.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random argument vectors from the options' grammar (valid values, unicode digits, empty and huge
 * values, unknown options, stray arguments, @files), run in-process. Every run must end with
 * exit 0 or 2 (or 1 from simulate, whose flow then says which invariant broke); on 2, exactly one
 * line on stderr; never a stack trace; no file left behind by a refused run. Commands that would
 * start TLC (check, conform, report) always get at least one bad value, so they must refuse at once.
 * Bounded: a fixed seed and at most 20 s.
 */
class CliFuzzTest {
    static final String K1 = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

    static final String[] NASTY = {
        "",
        " ",
        "-1",
        "0",
        "1",
        "7",
        "99999999999999999999",
        "0x",
        "0xFFFFFF",
        "0x1000000",
        "\u0663",
        "\uff11",
        "\u0661\u0662",
        "1e3",
        "NaN",
        "a\r\nb",
        "\u0000",
        "x".repeat(5000),
        "../../../etc/passwd",
        "@/etc/passwd",
        "--",
        "-",
        "%s%n",
        "<img src=x>",
        "ts33501",
        "normal",
        "cancel",
        ",",
        "cancel,",
        "amfFc=new",
        "amfFc=",
        "=x"
    };

    final Random rnd = new Random(Long.getLong("srvcc.fuzz.seed", 20261129L));

    String pick(String... xs) {
        return xs[rnd.nextInt(xs.length)];
    }

    String value(String... good) {
        return rnd.nextInt(8) == 0 ? pick(NASTY) : pick(good);
    }

    /** Options that name a file or directory: a nasty value stays inside the test's directory. */
    static final Set<String> PATHS = Set.of("--trace", "--out", "--pcap");

    String value(Path dir, String option, String... good) {
        String v = value(good);
        if (!PATHS.contains(option) || Arrays.asList(good).contains(v)) return v;
        return dir.resolve("nasty").toString() + "/" + v.replace("..", "dots").replace("@", "at");
    }

    /** Each option with values that are valid for it (a nasty value replaces them now and then). */
    static Map<String, String[]> grammar(String cmd, Path dir) {
        Map<String, String[]> g = new LinkedHashMap<>();
        switch (cmd) {
            case "kdf" -> {
                g.put("--key-env", new String[] {"HOME"});
                g.put("--fc", new String[] {"7D", "FF01", "1A", "73"});
                g.put("--param", new String[] {"00000005", "", "00112233"});
                g.put("--json", null);
            }
            case "derive" -> {
                g.put("--profile", new String[] {"ts33501", "draft-via-mme", "draft-direct"});
                g.put("--kamf", new String[] {K1});
                g.put("--dl-count", new String[] {"0", "5", "0xFFFFFF", "16"});
                g.put("--ngksi", new String[] {"0", "3", "6"});
                g.put("--option", new String[] {"amfFc=reuse-0x74", "countLsbBits=2", "mmeKeyMode=split"});
                g.put("--json", null);
                g.put("--show-keys", null);
            }
            case "vectors" -> {
                g.put("--format", new String[] {"md", "tsv"});
                g.put("--json", null);
            }
            case "simulate" -> {
                g.put("--profile", new String[] {"ts33501", "draft-via-mme", "draft-direct"});
                g.put(
                        "--faults",
                        new String[] {"cancel", "loss,duplicate", "msc-timeout,call-end", "retry", "nas-miss,reverse"});
                g.put("--session", new String[] {"normal", "emergency", "emergency-unauth"});
                g.put("--seed", new String[] {"1", "42", "-7"});
                g.put("--option", new String[] {"amfIncrementsCount=false", "countLsbBits=1", "ueKeyMode=split"});
                g.put("--trace", new String[] {
                    dir.resolve("t1.ndjson").toString(),
                    dir.resolve("t2.ndjson").toString()
                });
                g.put("--show-keys", null);
                g.put("--force", null);
            }
            default -> {
                g.put("--model", new String[] {"Ts33501", "DraftDirect"});
                g.put("--workers", new String[] {"1", "2"});
                g.put("--jobs", new String[] {"1", "2"});
                g.put("--out", new String[] {dir.resolve("out").toString()});
                g.put("--traces", new String[] {"1", "10"});
                g.put("--profile", new String[] {"ts33501"});
                g.put("--matrix", null);
            }
        }
        return g;
    }

    List<String> vector(Path dir) {
        List<String> a = new ArrayList<>();
        String cmd = pick(
                "kdf",
                "derive",
                "derive",
                "vectors",
                "simulate",
                "simulate",
                "check",
                "conform",
                "report",
                "help",
                "bogus");
        a.add(cmd);
        Map<String, String[]> g = grammar(cmd, dir);
        List<String> opts = new ArrayList<>(g.keySet());
        Collections.shuffle(opts, rnd);
        int n = rnd.nextInt(opts.size() + 1);
        if (cmd.equals("derive") || cmd.equals("kdf")) n = opts.size() - rnd.nextInt(2);
        for (String o : opts.subList(0, Math.min(n, opts.size()))) {
            a.add(o);
            if (g.get(o) != null) a.add(value(dir, o, g.get(o)));
        }
        if (rnd.nextInt(8) == 0)
            a.add(
                    1 + rnd.nextInt(a.size()),
                    pick(
                            "--nope",
                            "stray",
                            "@/tmp",
                            "--kmaf=" + K1,
                            "--profile=a\u001b[31m\u202eb",
                            "--model=%load_json(\"/etc/hostname\")",
                            "--session=<img:/x.png>\u2066",
                            "--faults=[[x]]\u0085"));
        if (List.of("check", "conform", "report").contains(cmd))
            a.add(pick("--workers=0", "--jobs=-3", "--traces=\u0663", "--nope", "--out="));
        return a;
    }

    @Test
    void randomArgumentVectorsNeverCrash(@TempDir Path dir) throws Exception {
        // the runs write only below dir: the working directory (the checkout) gains nothing
        List<String> cwd = top(Path.of("").toAbsolutePath());
        long end = System.nanoTime() + 20_000_000_000L;
        int runs = 0, refused = 0;
        while (System.nanoTime() < end && runs < 1500) {
            List<String> before = list(dir);
            List<String> a = vector(dir);
            CliTest.Result r = CliTest.run(a.toArray(String[]::new));
            runs++;
            String what = a + " -> " + r.rc() + "\n" + r.err();
            assertFalse(
                    r.err().contains("\tat ")
                            || r.err().contains("Exception")
                            || r.err().contains("internal error"),
                    what);
            assertTrue(
                    r.err().chars().noneMatch(c -> c == 0x1b || c == 0x202e || c == 0x2066 || c == 0x85),
                    "a raw control reached stderr: " + what);
            // vectors prints the published test KAMFs (K1 among them) by design; nothing else may echo a KAMF
            if (!a.get(0).equals("vectors"))
                assertFalse(r.err().contains(K1) || r.out().contains(K1), "KAMF echoed: " + what);
            if (r.rc() == 2) {
                refused++;
                assertTrue(r.err().strip().lines().count() <= 1, what);
                assertTrue(list(dir).equals(before), "a refused run left files: " + what);
            } else {
                assertTrue(
                        r.rc() == 0
                                || r.rc() == 1
                                        && a.get(0).equals("simulate")
                                        && r.out().contains("invariants VIOLATED"),
                        what + r.out());
            }
        }
        assertTrue(
                top(Path.of("").toAbsolutePath()).equals(cwd),
                "files written to the working directory: " + top(Path.of("").toAbsolutePath()));
        System.out.println("CliFuzzTest: " + runs + " argument vectors, " + refused + " refused with exit 2");
        assertTrue(runs >= 100 && refused > 0 && refused < runs, runs + " runs, " + refused + " refused");
    }

    static List<String> top(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(Path::toString).sorted().toList();
        }
    }

    static List<String> list(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(Path::toString).sorted().toList();
        }
    }
}

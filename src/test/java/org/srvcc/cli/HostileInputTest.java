package org.srvcc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.srvcc.conformance.Conformance;
import org.srvcc.conformance.TraceValidation;
import org.srvcc.files.AtomicFiles;
import org.srvcc.files.Json;
import org.srvcc.files.TextFiles;
import org.srvcc.model.Flow;
import org.srvcc.model.Manifest;
import org.srvcc.model.ModelCheck;
import org.srvcc.model.Schemas;
import org.srvcc.procedure.Profile;
import org.srvcc.report.Report;
import org.srvcc.report.SequenceDiagram;
import org.srvcc.simulation.Regressions;
import org.srvcc.simulation.Simulation;

/** The 17 reproductions of the hostile-user review, each as a regression test. */
class HostileInputTest {
    static final String K1 = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    static final Path HOME = Path.of("").toAbsolutePath();

    static CliTest.Result run(String... args) {
        return CliTest.run(args);
    }

    /** Exit 2, exactly one line on stderr, no stack trace. */
    static void oneLineRefusal(CliTest.Result r, String what) {
        assertEquals(2, r.rc(), what + ": " + r.err());
        assertEquals(1, r.err().strip().lines().count(), what + ": " + r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), what + ": " + r.err());
    }

    // 1. markup in a figure id or title reaches report.html only escaped
    @Test
    void markupInFigureIdsAndTitlesIsEscaped(@TempDir Path out) throws Exception {
        String evil = "X\"><img src=x onerror=alert(1)>";
        Report.Figure f = new Report.Figure("prop-" + evil, new Flow("title " + evil, List.of(), evil));
        Conformance.Summary conf = new Conformance.Summary(
                new TraceValidation.Result(0, 0, 0, 0, List.of(), List.of()), List.of(), List.of(), 0);
        new Report().write(out, Report.environment("test"), List.of(), conf, List.of(f), List.of());
        String html = Files.readString(out.resolve("report.html"));
        String md = Files.readString(out.resolve("report.md"));
        assertFalse(html.contains("<img src=x"), "raw markup in report.html");
        // in Markdown, fenced code renders no HTML; everywhere else markup must be escaped
        String mdOutsideFences = String.join("", Arrays.asList(md.split("```")).subList(0, 1))
                + String.join(
                        "",
                        IntStream.range(0, md.split("```").length)
                                .filter(i -> i % 2 == 0)
                                .mapToObj(i -> md.split("```")[i])
                                .toList());
        assertFalse(mdOutsideFences.contains("<img src=x"), "raw markup in report.md");
        assertEquals(0, (md.split("```", -1).length - 1) % 2, "an unbalanced code fence");
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    }

    // 1, 7, 12. names with markup or path parts, and malformed manifests, are refused by the schema
    @Test
    void manifestsAreCheckedAgainstTheSchema(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve("model-checks"));
        for (String m : List.of(
                "{}",
                "[]",
                "{\"module\":",
                manifestWithModel("X\\\"><img src=x onerror=alert(1)>"),
                manifestWithModel("../../../X"))) {
            Files.writeString(home.resolve("model-checks/manifest.json"), m);
            CliTest.Result r =
                    runWithHome(home, "check", "--out", home.resolve("out").toString());
            assertEquals(2, r.rc(), m + ": " + r.err());
            assertTrue(r.err().lines().allMatch(l -> l.startsWith("srvcc: manifest: ")), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            assertFalse(Files.exists(home.resolve("X"))
                    || Files.exists(home.getParent().resolve("X")));
        }
    }

    static String manifestWithModel(String name) {
        return "{\"module\":\"MC\",\"spec\":\"spec/Srvcc.tla\","
                + "\"defaults\":{\"UEs\":1,\"Profile\":\"ts33501\",\"MaxAttempts\":1,"
                + "\"MaxCount\":1,\"MaxKamf\":1,\"MaxFaults\":0,\"MaxReorders\":0,\"MaxReplays\":0},"
                + "\"models\":[{\"name\":\""
                + name
                + "\",\"group\":\"profiles\",\"row\":\"r\",\"expect\":{}}]}";
    }

    static CliTest.Result runWithHome(Path home, String... args) {
        String old = System.getProperty("srvcc.home");
        System.setProperty("srvcc.home", home.toString());
        try {
            return run(args);
        } finally {
            if (old == null) System.clearProperty("srvcc.home");
            else System.setProperty("srvcc.home", old);
        }
    }

    // 2. a CR (or any line break PlantUML knows) cannot start a PlantUML line of its own
    @Test
    void textCannotInjectPlantUmlLines() throws Exception {
        for (String br : List.of("\r", "\n", "\u0085", "\u2028", "\u2029", "\r\n")) {
            Flow f = new Flow(
                    "t" + br + "!include /etc/hostname" + br + "x",
                    List.of(new Flow.Step(
                            1,
                            "A" + br + "@enduml",
                            "UE",
                            List.of(new Flow.Arrow("UE", "MSC", "m" + br + "!include /etc/passwd")))),
                    "Inv" + br + "!include /etc/passwd");
            String puml = new SequenceDiagram(f).plantUml();
            assertTrue(
                    puml.lines().noneMatch(l -> l.startsWith("!") || l.startsWith("@enduml") && !l.equals("@enduml")),
                    puml);
            assertEquals(1, puml.lines().filter(l -> l.equals("@enduml")).count(), puml);
        }
        String svg = new SequenceDiagram(new Flow("t\r!include /etc/hostname\r", List.of(), null)).svg();
        assertFalse(svg.contains(Files.readString(Path.of("/etc/hostname")).strip() + "<"), "file content in the SVG");
    }

    // 2b. preprocessor functions, creole images and links in text are not evaluated: no file read, no image, no date
    @Test
    void textCannotCallPlantUmlFunctionsImagesOrLinks() throws Exception {
        String host = Files.readString(Path.of("/etc/hostname")).strip();
        for (String evil : List.of(
                "%load_json(\"/etc/hostname\")",
                "%date()",
                "<img:/usr/share/pixmaps/debian-logo.png>",
                "[[http://example.com/x]]",
                "%chr(10)participant Evil",
                "<&lock-locked>")) {
            Flow f = new Flow(
                    "title " + evil,
                    List.of(new Flow.Step(1, "A " + evil, "UE", List.of(new Flow.Arrow("UE", "MSC", "m " + evil)))),
                    "Inv " + evil);
            SequenceDiagram d = new SequenceDiagram(f);
            String puml = d.plantUml();
            for (String line : puml.lines().toList())
                if (line.contains(" : ") || line.startsWith("title "))
                    assertFalse(
                            line.contains("%") || line.contains("<") || line.contains("[["),
                            "PlantUML syntax survives: " + line);
            String svg = d.svg();
            assertFalse(svg.contains("<image"), evil + ": an image was embedded");
            assertFalse(svg.contains("Evil</text>") && !svg.contains("chr"), evil + ": a participant was injected");
            assertFalse(host.length() > 3 && svg.contains(host), evil + ": a local file was read");
            assertFalse(svg.contains(LocalDate.now().getYear() + "-"), evil + ": the date was evaluated");
        }
    }

    // 3. every pair of fault classes in every profile either runs or is refused in one line
    @Test
    void everyPairOfFaultsRunsOrIsRefused() {
        List<String> names =
                Stream.of(Simulation.Fault.values()).map(f -> f.cli).toList();
        for (Profile p : Profile.values())
            for (int i = 0; i < names.size(); i++)
                for (int j = i + 1; j < names.size(); j++) {
                    CliTest.Result r =
                            run("simulate", "--profile", p.toString(), "--faults", names.get(i) + "," + names.get(j));
                    String what = p + " " + names.get(i) + "," + names.get(j);
                    assertFalse(r.err().contains("internal error"), what + ": " + r.err());
                    if (r.rc() == 2) oneLineRefusal(r, what);
                    else
                        assertTrue(
                                r.rc() == 0 || r.out().contains("invariants VIOLATED"),
                                what + ": " + r.out() + r.err());
                }
        CliTest.Result r = run("simulate", "--faults", "msc-timeout,call-end");
        assertEquals(0, r.rc(), r.err());
    }

    // 4. secrets from a file, stdin or the environment; nothing echoed back
    @Test
    void secretsAreNeverEchoed(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("kamf.hex");
        Files.writeString(f, K1 + "\n");
        CliTest.Result viaFile =
                run("derive", "--kamf-file", f.toString(), "--dl-count", "5", "--ngksi", "3", "--show-keys");
        assertEquals(0, viaFile.rc(), viaFile.err());
        assertTrue(
                viaFile.out().contains("7bc7153c2c3a7774a8026825ba4519cd0ae139dca00604c5de8fd9395bb84d36"),
                viaFile.out());
        assertEquals("", viaFile.err(), "no warning for a file");
        CliTest.Result inline = run("derive", "--kamf", K1, "--dl-count", "5", "--ngksi", "3");
        assertTrue(inline.err().contains("other local users"), inline.err());
        for (String[] a : new String[][] {
            {"derive", "--kmaf", K1, "--dl-count", "5", "--ngksi", "3"},
            {"derive", "--kmaf=" + K1, "--dl-count", "5", "--ngksi", "3"},
            {"derive", "--kamf-file", f.toString(), K1, "--dl-count", "1", "--ngksi", "1"},
            {"kdf", "--fc", "7D", K1},
            {"derive", "--kamf", "zz" + K1.substring(2), "--dl-count", "5", "--ngksi", "3"},
            {"derive", "--kamf", K1 + "00", "--dl-count", "5", "--ngksi", "3"},
            {"kdf", "--key", K1, "--key-env", "X", "--fc", "7D"}
        }) {
            CliTest.Result r = run(a);
            oneLineRefusal(r, String.join(" ", a));
            assertFalse(
                    r.err().contains(K1)
                            || r.err().contains(K1.substring(2))
                            || r.err().contains(K1.substring(0, 20)),
                    r.err());
        }
        CliTest.Result env =
                run("derive", "--kamf-env", "SRVCC_TEST_NO_SUCH_VARIABLE", "--dl-count", "5", "--ngksi", "3");
        oneLineRefusal(env, "unset environment variable");
    }

    // 5. output paths are checked before any work
    @Test
    void outputPathsAreCheckedFirst(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("existing"), "x");
        long t0 = System.nanoTime();
        oneLineRefusal(run("check", "--out", file.toString()), "check --out file");
        oneLineRefusal(run("report", "--out", file.toString()), "report --out file");
        assertTrue((System.nanoTime() - t0) / 1e9 < 20, "refused only after work");
        CliTest.Result missing =
                run("simulate", "--trace", dir.resolve("missing/dir/t.ndjson").toString());
        oneLineRefusal(missing, "trace in a missing folder");
        assertEquals("", missing.out(), "the flow was printed before the refusal");
        oneLineRefusal(run("simulate", "--trace", ""), "empty trace path");
        oneLineRefusal(run("simulate", "--trace", dir.toString()), "trace path is a folder");
        oneLineRefusal(run("simulate", "--trace", file.toString()), "trace would overwrite");
        assertEquals("x", Files.readString(file));
        assertEquals(0, run("simulate", "--trace", file.toString(), "--force").rc());
        assertTrue(Files.readString(file).startsWith("{\"setup\""));
    }

    // 6. killing check, report and conform: InterruptTest

    // 7. a name can never lead a file out of its folder
    @Test
    void fileNamesStayInTheirFolder(@TempDir Path dir) {
        for (String n : List.of("../x", "../../../X", "a/../../b", "/etc/passwd", ""))
            Assertions.assertThrows(IllegalArgumentException.class, () -> AtomicFiles.inside(dir, n), n);
        assertEquals(dir.resolve("ok.json"), AtomicFiles.inside(dir, "ok.json"));
    }

    // 8. @files are not expanded
    @Test
    void atFilesAreNotExpanded() {
        for (String a : List.of("@/tmp", "@/proc/self/status", "@/etc/passwd")) {
            CliTest.Result r = run("derive", a);
            oneLineRefusal(r, a);
            assertFalse(r.err().contains("root") || r.err().contains("Name:"), r.err());
        }
    }

    // 9, 10, 11. empty keys, non-ASCII digits, conflicts and out-of-range values
    @Test
    void badValuesAreRefusedInOneLine(@TempDir Path dir) {
        String[][] cases = {
            {"kdf", "--key", "", "--fc", "7D"},
            {"kdf", "--key", "0x", "--fc", "7D"},
            {"kdf", "--key=", "--fc", "7D"},
            {"derive", "--kamf", K1, "--dl-count", "\u0663", "--ngksi", "1"},
            {"derive", "--kamf", K1, "--dl-count", "1", "--ngksi", "\u0663"},
            {"simulate", "--seed", "\u0661"},
            {"simulate", "--seed", "\uff11"},
            {
                "derive",
                "--kamf",
                K1,
                "--dl-count",
                "1",
                "--ngksi",
                "1",
                "--option",
                "amfFc=new",
                "--option",
                "amfFc=reuse-0x74"
            },
            {"simulate", "--option", "countLsbBits=4", "--option", "countLsbBits=2"},
            {"vectors", "--json", "--format", "html"},
            {"vectors", "--json", "--format", "md"},
            {"vectors", "--format", "html"},
            {"simulate", "--faults", ","},
            {"simulate", "--faults", "cancel,"},
            {"simulate", "--faults", "cancel,cancel"},
            {"check", "--workers", "1000"},
            {"check", "--jobs", "0"},
            {"report", "--jobs", "99"},
            {"conform", "--traces", "-1"},
            {"simulate", "--session", "x\r\ny"}
        };
        for (String[] a : cases) oneLineRefusal(run(a), String.join(" ", a));
    }

    // 13. the trace says plainly that simulation keys are not secret; 14. files appear whole
    @Test
    @SuppressWarnings("unchecked")
    void traceHeaderSaysSimulationKeysAreNotSecret(@TempDir Path dir) throws Exception {
        Path t = dir.resolve("t.ndjson");
        assertEquals(0, run("simulate", "--trace", t.toString()).rc());
        Map<String, Object> head =
                (Map<String, Object>) Json.parse(Files.readAllLines(t).get(0));
        assertTrue(String.valueOf(head.get("keys")).contains("NOT secret"), head.toString());
        // every line conforms to the shipped schema, and the schema can fail
        for (String line : Files.readAllLines(t)) assertEquals(List.of(), Schemas.traceLine(line), line);
        assertFalse(Schemas.traceLine("{\"step\":1}").isEmpty());
        assertFalse(Schemas.traceLine(Files.readAllLines(t).get(1).replace("\"ueState\":[\"", "\"ueState\":[\"X"))
                .isEmpty());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(t), s.toList(), "a temporary file was left behind");
        }
    }

    @Test
    void atomicWritesAndTheOutputLock(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("r.json");
        AtomicFiles.write(f, "{\"a\":1}");
        AtomicFiles.write(f, "{\"a\":2}");
        assertEquals("{\"a\":2}", Files.readString(f));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(f), s.toList());
        }
        try (AutoCloseable held = AtomicFiles.lock(dir, "--out")) {
            assertTrue(Files.exists(dir.resolve(".srvcc.lock")), held.toString());
            IllegalArgumentException e =
                    Assertions.assertThrows(IllegalArgumentException.class, () -> AtomicFiles.lock(dir, "--out"));
            assertTrue(e.getMessage().contains("another srvcc run"), e.getMessage());
        }
        AtomicFiles.lock(dir, "--out").close(); // free again
    }

    // 16. the launcher without Java: one line, exit 2
    @Test
    void launcherWithoutJavaSaysSoInOneLine(@TempDir Path bin) throws Exception {
        for (String t : List.of("dirname")) Files.createSymbolicLink(bin.resolve(t), Path.of(whichOrFail(t)));
        ProcessBuilder pb = new ProcessBuilder(
                        whichOrFail("bash"), HOME.resolve("srvcc").toString(), "--version")
                .redirectErrorStream(true);
        pb.environment().put("PATH", bin.toString());
        Process q = pb.start();
        String out = new String(q.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, q.waitFor(), out);
        assertEquals(1, out.strip().lines().count(), out);
        assertTrue(out.startsWith("srvcc: java not found"), out);
    }

    static String whichOrFail(String tool) throws IOException {
        for (String d : System.getenv("PATH").split(":"))
            if (Files.isExecutable(Path.of(d, tool))) return Path.of(d, tool).toString();
        throw new IOException(tool + " not on PATH");
    }

    // 17. help names every fault and every command summary is a sentence
    @Test
    void helpIsCompleteAndUncut() {
        CliTest.Result s = run("simulate", "--help");
        for (Simulation.Fault f : Simulation.Fault.values()) assertTrue(s.out().contains(f.cli + " "), f.cli);
        CliTest.Result top = run("--help");
        String commands = top.out().substring(top.out().indexOf("Commands:"));
        for (String block : commands.split("\n(?=  \\w)")) {
            if (block.startsWith("Commands:")) continue;
            assertTrue(block.strip().endsWith("."), "cut mid-sentence: " + block);
        }
    }

    // 7. terminal escapes and bidirectional overrides in what the user typed are shown escaped
    @Test
    void escapesAndBidiOverridesAreNotEchoedRaw() {
        for (String[] args : new String[][] {
            {"simulate", "--profile", "a\u001b[31mred\u202eb"},
            {"check", "--model", "x\u2066y\u200fz"},
            {"simulate", "--session", "e\u009bm"}
        }) {
            CliTest.Result r = run(args);
            assertEquals(2, r.rc(), r.err());
            assertTrue(
                    r.err().chars().noneMatch(c -> c == 0x1b || c == 0x9b || c == 0x202e || c == 0x2066 || c == 0x200f),
                    r.err());
            assertTrue(r.err().contains("\\u"), r.err());
        }
    }

    // 6. options that would be ignored together are refused in one line, before any work
    @Test
    void ignoredOptionCombinationsAreRefused(@TempDir Path dir) throws Exception {
        Path pcap = Path.of("src/test/resources/wire/ts33501-normal.pcap").toAbsolutePath();
        Path kamf = dir.resolve("kamf.hex");
        Files.writeString(kamf, "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\n");
        String[][] combos = {
            {"check", "--set", "UEs=2"},
            {"check", "--all", "--model", "Ts33501"},
            {"check", "--depth", "5"},
            {"check", "--limit", "3"},
            {
                "check",
                "--simulate",
                "--model",
                "Ts33501",
                "--junit-xml",
                dir.resolve("x.xml").toString()
            },
            {"conform", "--pcap", pcap.toString(), "--traces", "3"},
            {"conform", "--pcap", pcap.toString(), "--seed", "3"},
            {"conform", "--count-search", "5"},
            {"conform", "--port", "2000"},
            {"conform", "--pcap", pcap.toString(), "--count-search", "5"},
            {"simulate", "--session", "emergency-no-context", "--kamf-file", kamf.toString()}
        };
        for (String[] c : combos) {
            CliTest.Result r = run(c);
            assertEquals(2, r.rc(), String.join(" ", c) + ": " + r.out() + r.err());
            oneLineRefusal(r, String.join(" ", c));
        }
        assertEquals(List.of("kamf.hex"), Stream.of(dir.toFile().list()).toList(), "nothing written by a refused run");
    }

    // 4. manifests that are not UTF-8, too large, or name a model twice; scenarios beyond any bound
    @Test
    void badManifestsAndScenariosAreOneLineRefusals(@TempDir Path home) throws Exception {
        Path mf = home.resolve("model-checks/manifest.json");
        Files.createDirectories(mf.getParent());
        String dup = manifestWithModel("A")
                .replace("]}", ",{\"name\":\"A\",\"group\":\"profiles\",\"row\":\"s\",\"expect\":{}}]}");
        String noAction = manifestWithModel("A").replace("\"row\":\"r\"", "\"row\":\"r\",\"mustFire\":[\"AmfSart\"]");
        byte[] latin1 = manifestWithModel("Caf\u00e9").getBytes(StandardCharsets.ISO_8859_1);
        byte[] utf16 = manifestWithModel("A").getBytes(StandardCharsets.UTF_16);
        List<byte[]> bad = List.of(
                latin1,
                utf16,
                dup.getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1},
                noAction.getBytes(StandardCharsets.UTF_8));
        List<String> says = List.of(
                "not UTF-8 text",
                "not UTF-8 text",
                "model A is defined twice",
                "not UTF-8 text",
                "model A: mustFire names AmfSart, which is no action");
        for (int i = 0; i < bad.size(); i++) {
            Files.write(mf, bad.get(i));
            CliTest.Result r = runWithHome(home, "check", "--model", "A");
            assertEquals(2, r.rc(), says.get(i) + ": " + r.err());
            oneLineRefusal(r, says.get(i));
            assertTrue(r.err().contains(says.get(i)), r.err());
        }
        try (RandomAccessFile f = new RandomAccessFile(mf.toFile(), "rw")) {
            f.setLength(TextFiles.MAX_BYTES + 1); // sparse: refused by its size, never read
        }
        CliTest.Result r = runWithHome(home, "check", "--model", "A");
        assertEquals(2, r.rc(), r.err());
        assertTrue(r.err().contains("more than the " + TextFiles.MAX_BYTES + " allowed"), r.err());
        IllegalArgumentException e = Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> Regressions.parse("setup ts33501;-;100000000,1,1,100000000,0,0,0;-;-;-;1\nexpect TypeOK\n"));
        assertTrue(e.getMessage().contains("bounds out of range"), e.getMessage());
    }

    // 1b. a manifest row with Markdown link or image syntax reaches report.md and report.html as plain text
    @Test
    void manifestTextMakesNoLiveLinksInTheReport(@TempDir Path out) throws Exception {
        String row = "![t](http://example.com/track.png) [x](javascript:alert(1))";
        String text = manifestWithModel("Evil").replace("\"row\":\"r\"", "\"row\":\"" + row + "\"");
        Manifest m = new Manifest(Path.of("").toAbsolutePath(), text);
        ModelCheck.Result r =
                new ModelCheck.Result(m.model("Evil"), List.of(), 1, 1, 1, 0.1, 0.1, Set.of(), List.of(), false);
        Conformance.Summary conf = new Conformance.Summary(
                new TraceValidation.Result(0, 0, 0, 0, List.of(), List.of()), List.of(), List.of(), 0);
        new Report().write(out, Report.environment("test"), List.of(r), conf, List.of(), List.of());
        String md = Files.readString(out.resolve("report.md")), html = Files.readString(out.resolve("report.html"));
        StringBuilder prose = new StringBuilder();
        boolean fence = false;
        for (String l : md.split("\n")) {
            if (l.startsWith("```")) fence = !fence;
            else if (!fence) prose.append(l).append('\n');
        }
        assertTrue(prose.toString().contains("track.png"), "the row is in the report");
        assertFalse(
                prose.toString().contains("](http") || prose.toString().contains("](javascript"),
                "a live Markdown link or image");
        assertFalse(
                html.contains("href=\"http") || html.contains("javascript:alert") && html.contains("href=\"javascript"),
                "a live HTML link");
        assertFalse(html.contains("<img src=\"http"), "a remote image");
    }

    // 2. output paths: a linked figures folder, a FIFO under --force, a planted lock link, ".." through a link
    @Test
    void outputsNeverGoThroughLinksOrReplaceSpecialFiles(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectories(dir.resolve("out")),
                elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createSymbolicLink(out.resolve("figures"), elsewhere);
        CliTest.Result r = run("report", "--out", out.toString(), "--traces", "0");
        assertEquals(2, r.rc(), r.err());
        oneLineRefusal(r, "linked figures");
        assertEquals(0, elsewhere.toFile().list().length, "nothing written through the link");

        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        r = run("simulate", "--trace", fifo.toString(), "--force");
        assertEquals(2, r.rc(), r.err());
        assertTrue(r.err().contains("not a regular file"), r.err());
        assertTrue(Files.isRegularFile(fifo) == false && Files.exists(fifo), "the FIFO is still a FIFO");

        Path locked = Files.createDirectories(dir.resolve("locked")), target = dir.resolve("planted");
        Files.createSymbolicLink(locked.resolve(".srvcc.lock"), target);
        r = run("check", "--model", "DraftDirect", "--out", locked.toString());
        assertEquals(2, r.rc(), r.err());
        assertFalse(Files.exists(target, LinkOption.NOFOLLOW_LINKS), "no file created at the link's target");

        Path deep = Files.createDirectories(dir.resolve("a/b"));
        Files.createSymbolicLink(out.resolve("l"), deep);
        r = run("simulate", "--trace", out.resolve("l").toString() + "/../t.ndjson");
        assertEquals(0, r.rc(), r.err());
        assertTrue(Files.isRegularFile(dir.resolve("a/t.ndjson")), "l/.. is a/, as the OS resolves it");
        assertFalse(Files.exists(out.resolve("t.ndjson")), "not the lexical out/t.ndjson");
    }
}

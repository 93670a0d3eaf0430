package org.srvcc.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.srvcc.Tlc;
import org.srvcc.cli.Main;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** check --shard splits the manifest exactly; check --junit-xml writes JUnit XML a parser accepts. */
class ShardsAndJUnitTest {
    static final Path HOME = Path.of("").toAbsolutePath();

    @Test
    void shardsPartitionTheManifestAndBalanceTheBudgets() throws Exception {
        List<Manifest.Model> build =
                new Manifest(HOME).models.stream().filter(Manifest.Model::build).toList();
        for (int n = 1; n <= 5; n++) {
            Set<String> union = new HashSet<>();
            int count = 0;
            long max = 0, min = Long.MAX_VALUE;
            for (int k = 1; k <= n; k++) {
                List<Manifest.Model> s = Shards.select(build, new Shards.Shard(k, n));
                count += s.size();
                for (Manifest.Model m : s) union.add(m.name());
                long load = s.stream().mapToLong(Manifest.Model::budgetSeconds).sum();
                max = Math.max(max, load);
                min = Math.min(min, load);
                assertEquals(s, Shards.select(build, new Shards.Shard(k, n)), "not deterministic");
            }
            assertEquals(build.size(), count, "a model in two shards (n=" + n + ")");
            assertEquals(
                    build.stream().map(Manifest.Model::name).collect(Collectors.toSet()), union, "a model in no shard");
            long longest = build.stream()
                    .mapToLong(Manifest.Model::budgetSeconds)
                    .max()
                    .orElse(0);
            assertTrue(max - min <= longest, "unbalanced: " + max + " vs " + min);
        }
        for (String bad : List.of("0/3", "4/3", "3", "a/b", "1/65", "\u0661/3"))
            assertThrows(IllegalArgumentException.class, () -> Shards.Shard.parse(bad), bad);
    }

    /**
     * The three models that took longest in a measured run of the manifest (Ts33501 44 s,
     * Ts33501NasToleranceClosestFails 39 s, Ts33501NasToleranceClosestHolds 34 s, on 2 cores) start among the first
     * five, the one that pins no count (it stops at its violation) included.
     */
    @Test
    void theLongestRunsStartFirst() throws Exception {
        List<Manifest.Model> build =
                new Manifest(HOME).models.stream().filter(Manifest.Model::build).toList();
        List<String> firstFive = Shards.longestFirst(build).subList(0, 5).stream()
                .map(Manifest.Model::name)
                .toList();
        for (String name : List.of("Ts33501", "Ts33501NasToleranceClosestFails", "Ts33501NasToleranceClosestHolds"))
            assertTrue(firstFive.contains(name), name + " is not among the first five: " + firstFive);
    }

    @Test
    @Tlc
    void simulationFindsAMutantReproduciblyAndRefusesBadInput() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(
                1,
                Main.run(
                        new String[] {
                            "check", "--simulate", "--model", "MutantAmfSendsKamf", "--seconds", "0", "--seed", "3"
                        },
                        new PrintWriter(out),
                        new PrintWriter(err)),
                err.toString());
        assertTrue(
                out.toString().contains("KamfNotInMessages violated")
                        && out.toString().contains("--seed 3 --seconds 0"),
                out.toString());
        out = new StringWriter();
        assertEquals(
                0,
                Main.run(
                        new String[] {
                            "check",
                            "--simulate",
                            "--model",
                            "DraftDirect",
                            "--set",
                            "UEs=3",
                            "--set",
                            "MaxKamf=3",
                            "--depth",
                            "30",
                            "--seconds",
                            "0"
                        },
                        new PrintWriter(out),
                        new PrintWriter(err)),
                err.toString());
        assertTrue(
                out.toString()
                        .matches("(?s)simulated DraftDirect: 5000 behaviours of depth <= 30, [0-9]+ states.*no "
                                + "invariant part violated.*"),
                out.toString());
        for (String[] bad : new String[][] {
            {"check", "--simulate"},
            {"check", "--simulate", "--model", "Ts33501", "--depth", "0"},
            {"check", "--simulate", "--model", "Ts33501", "--set", "UEs=9"},
            {"check", "--simulate", "--model", "Ts33501", "--set", "UEs=x"},
            {"check", "--simulate", "--model", "Ts33501Liveness"}
        }) {
            StringWriter e = new StringWriter();
            assertEquals(
                    2,
                    Main.run(bad, new PrintWriter(new StringWriter()), new PrintWriter(e)),
                    String.join(" ", bad) + ": " + e);
        }
    }

    /** Slowness is reported, never failed: a slow model is a property in the XML and a line, not a failure. */
    @Test
    void aModelOverItsBudgetIsReportedNotFailed() throws Exception {
        Manifest.Model m = new Manifest(HOME).model("DraftDirect");
        ModelCheck.Result slow =
                new ModelCheck.Result(m, List.of(), 1, 1, 1, m.budgetSeconds() * 3.0, 1, Set.of(), List.of(), false);
        ModelCheck.Result cached =
                new ModelCheck.Result(m, List.of(), 1, 1, 1, m.budgetSeconds() * 3.0, 1, Set.of(), List.of(), true);
        assertTrue(slow.ok() && slow.overBudget());
        assertTrue(!cached.overBudget(), "a cached answer took no time now");
        Document d = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(JUnitXml.write(List.of(slow)).getBytes("UTF-8")));
        assertEquals("0", d.getDocumentElement().getAttribute("failures"));
        NodeList props = d.getElementsByTagName("property");
        assertEquals("overBudget", ((Element) props.item(0)).getAttribute("name"));
        assertEquals(String.valueOf(m.budgetSeconds()), ((Element) props.item(1)).getAttribute("value"));
    }

    @Test
    @Tlc
    void benchTlcPrintsBothRatesAndTheirRatio() throws Exception {
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(
                0,
                Main.run(
                        new String[] {"bench-tlc", "--model", "DraftDirect"},
                        new PrintWriter(out),
                        new PrintWriter(err)),
                err.toString());
        String o = out.toString();
        Matcher r = Pattern.compile("ratio: the plain spec runs ([0-9.]+) times faster than DraftDirect")
                .matcher(o);
        assertTrue(r.find(), o);
        assertTrue(Double.parseDouble(r.group(1)) > 0, o);
        Matcher sr = Pattern.compile("search only \\(initial states to the end\\): ([0-9]+) against ([0-9]+) "
                        + "generated/s, ([0-9.]+) times")
                .matcher(o);
        assertTrue(sr.find(), o);
        double plainRate = Double.parseDouble(sr.group(1)), modelRate = Double.parseDouble(sr.group(2));
        assertTrue(modelRate > 0, o);
        assertEquals(plainRate / modelRate, Double.parseDouble(sr.group(3)), 0.06 + 0.001 * plainRate / modelRate, o);
        assertTrue(o.contains("PlainBench K=") && o.contains("833 distinct"), o);
        // the smallest build model's fixed cost, phase by phase; every phase measured (no NaN), none negative
        Matcher f = Pattern.compile(
                        "fixed cost of (\\w+) \\((\\d+) distinct states\\), wall seconds: CLI JVM start ([0-9.]+), "
                                + "manifest ([0-9.]+), TLC JVM start ([0-9.]+), SANY ([0-9.]+), initial states "
                                + "([0-9.]+), search ([0-9.]+), TLC exit ([0-9.]+); TLC run ([0-9.]+)")
                .matcher(o);
        assertTrue(f.find(), o);
        long smallest = new Manifest(HOME)
                .models.stream()
                        .filter(x -> x.build() && x.expectDistinct() > 0)
                        .mapToLong(Manifest.Model::expectDistinct)
                        .min()
                        .orElseThrow();
        assertEquals(smallest, Long.parseLong(f.group(2)), o);
        double phases = 0;
        for (int g = 5; g <= 9; g++) phases += Double.parseDouble(f.group(g));
        assertTrue(phases <= Double.parseDouble(f.group(10)) + 0.01, "the phases add up to no more than the run: " + o);
        assertEquals(
                2,
                Main.run(
                        new String[] {"bench-tlc", "--model", "Ts33501WrapWitness"},
                        new PrintWriter(new StringWriter()),
                        new PrintWriter(new StringWriter())),
                "a model that pins no count cannot size the plain spec");
    }

    @Test
    @Tlc
    void junitXmlParsesWithOneTestcasePerModel(@TempDir Path dir) throws Exception {
        Path xml = dir.resolve("models.xml");
        StringWriter out = new StringWriter(), err = new StringWriter();
        int rc = Main.run(
                new String[] {
                    "check",
                    "--quiet",
                    "--model",
                    "DraftDirect",
                    "--model",
                    "MutantDirectAmfSendsKamf",
                    "--out",
                    dir.resolve("out").toString(),
                    "--junit-xml",
                    xml.toString()
                },
                new PrintWriter(out),
                new PrintWriter(err));
        assertEquals(0, rc, out + "\n" + err);
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        Element suite = d.getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("2", suite.getAttribute("tests"));
        assertEquals("0", suite.getAttribute("failures"));
        NodeList cases = suite.getElementsByTagName("testcase");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) names.add(((Element) cases.item(i)).getAttribute("name"));
        assertEquals(List.of("DraftDirect", "MutantDirectAmfSendsKamf"), names);
        assertEquals(0, suite.getElementsByTagName("failure").getLength());
        assertTrue(
                cases.item(1).getTextContent().contains("KamfNotInMessages"),
                cases.item(1).getTextContent());
        // a mismatch becomes a failure element
        String failing = JUnitXml.write(List.of(new ModelCheck.Result(
                new Manifest(HOME).model("DraftDirect"),
                List.of(),
                1,
                1,
                1,
                0.1,
                0.1,
                Set.of(),
                List.of("distinct states 1, manifest pins 833 <&>"),
                false)));
        Document f = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(failing.getBytes("UTF-8")));
        assertEquals("1", f.getDocumentElement().getAttribute("failures"));
        assertTrue(((Element) f.getElementsByTagName("failure").item(0))
                .getAttribute("message")
                .contains("<&>"));
        assertTrue(Files.size(xml) > 0);
    }
}

package org.srvcc.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.srvcc.cli.Main;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** check --shard splits the manifest exactly; check --junit-xml writes JUnit XML a parser accepts. */
class ShardsAndJUnitTest {
    static final Path HOME = Path.of("").toAbsolutePath();

    @Test
    void shardsPartitionTheManifestAndBalanceTheBudgets() throws Exception {
        List<Manifest.Model> build = new Manifest(HOME).models.stream().filter(Manifest.Model::build).toList();
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
            assertEquals(build.stream().map(Manifest.Model::name).collect(java.util.stream.Collectors.toSet()), union, "a model in no shard");
            long longest = build.stream().mapToLong(Manifest.Model::budgetSeconds).max().orElse(0);
            assertTrue(max - min <= longest, "unbalanced: " + max + " vs " + min);
        }
        for (String bad : List.of("0/3", "4/3", "3", "a/b", "1/65", "\u0661/3"))
            assertThrows(IllegalArgumentException.class, () -> Shards.Shard.parse(bad), bad);
    }

    @Test
    void simulationFindsAMutantReproduciblyAndRefusesBadInput() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(1, Main.run(new String[] {"check", "--simulate", "--model", "MutantAmfSendsKamf", "--seconds", "0", "--seed", "3"},
            new PrintWriter(out), new PrintWriter(err)), err.toString());
        assertTrue(out.toString().contains("KamfNotInMessages violated") && out.toString().contains("--seed 3 --seconds 0"), out.toString());
        out = new StringWriter();
        assertEquals(0, Main.run(new String[] {"check", "--simulate", "--model", "DraftDirect", "--set", "UEs=3", "--set", "MaxKamf=3",
            "--depth", "30", "--seconds", "0"}, new PrintWriter(out), new PrintWriter(err)), err.toString());
        assertTrue(out.toString().matches("(?s)simulated DraftDirect: 5000 behaviours of depth <= 30, [0-9]+ states.*no invariant part violated.*"), out.toString());
        for (String[] bad : new String[][] {{"check", "--simulate"}, {"check", "--simulate", "--model", "Ts33501", "--depth", "0"},
                {"check", "--simulate", "--model", "Ts33501", "--set", "UEs=9"}, {"check", "--simulate", "--model", "Ts33501", "--set", "UEs=x"},
                {"check", "--simulate", "--model", "Ts33501Liveness"}}) {
            StringWriter e = new StringWriter();
            assertEquals(2, Main.run(bad, new PrintWriter(new StringWriter()), new PrintWriter(e)), String.join(" ", bad) + ": " + e);
        }
    }

    @Test
    void budgetsScaleWithASlowerMachineOnly() throws Exception {
        assertEquals(4.0, Calibration.scale(Calibration.REFERENCE_RATE / 4), 1e-9);
        assertEquals(1.0, Calibration.scale(Calibration.REFERENCE_RATE * 2), 1e-9);
        assertEquals(1.0, Calibration.scale(0), 1e-9);
        Calibration.Result here = Calibration.measure(HOME);
        assertTrue(here.rate() > 0 && here.scale() >= 1, here.toString());
    }

    @Test
    void benchTlcPrintsBothRatesAndTheirRatio() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(0, Main.run(new String[] {"bench-tlc", "--model", "DraftDirect"}, new PrintWriter(out), new PrintWriter(err)), err.toString());
        String o = out.toString();
        java.util.regex.Matcher r = java.util.regex.Pattern.compile("ratio: the plain spec runs ([0-9.]+) times faster than DraftDirect").matcher(o);
        assertTrue(r.find(), o);
        assertTrue(Double.parseDouble(r.group(1)) > 0, o);
        assertTrue(o.contains("PlainBench K=") && o.contains("833 distinct"), o);
        assertEquals(2, Main.run(new String[] {"bench-tlc", "--model", "Ts33501WrapWitness"}, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())),
            "a model that pins no count cannot size the plain spec");
    }

    @Test
    void junitXmlParsesWithOneTestcasePerModel(@TempDir Path dir) throws Exception {
        Path xml = dir.resolve("models.xml");
        StringWriter out = new StringWriter(), err = new StringWriter();
        int rc = Main.run(new String[] {"check", "--quiet", "--model", "DraftDirect", "--model", "MutantDirectAmfSendsKamf",
            "--out", dir.resolve("out").toString(), "--junit-xml", xml.toString()}, new PrintWriter(out), new PrintWriter(err));
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
        assertTrue(cases.item(1).getTextContent().contains("KamfNotInMessages"), cases.item(1).getTextContent());
        // a mismatch becomes a failure element
        String failing = JUnitXml.write(List.of(new ModelCheck.Result(new Manifest(HOME).model("DraftDirect"), List.of(), 1, 1, 1, 0.1, 0.1,
            java.util.Map.of(), List.of("distinct states 1, manifest pins 833 <&>"), false)));
        Document f = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new java.io.ByteArrayInputStream(failing.getBytes("UTF-8")));
        assertEquals("1", f.getDocumentElement().getAttribute("failures"));
        assertTrue(((Element) f.getElementsByTagName("failure").item(0)).getAttribute("message").contains("<&>"));
        assertTrue(Files.size(xml) > 0);
    }
}

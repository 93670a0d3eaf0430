package org.srvcc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.srvcc.model.Findings;
import org.srvcc.model.Manifest;
import org.srvcc.model.SpecMutation;

/**
 * The Markdown pages: the README stays a front door, no page speaks of how the tool was made, every
 * relative link resolves (file and anchor), the CLI reference is the commands' own help, and every
 * number on docs/evidence.md equals its source.
 */
class DocsTest {
    static final Path HOME = Path.of("").toAbsolutePath();
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
    private static final Pattern PROCESS =
            Pattern.compile("(?i)\\b(this|previous|last|next) stop\\b|\\bissue #?\\d+|\\bcommit `?[0-9a-f]{7,40}\\b");

    static List<Path> markdownFiles() throws Exception {
        try (Stream<Path> s = Files.walk(HOME)) {
            return s.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> {
                        String r = HOME.relativize(p).toString();
                        return !r.startsWith("target") && !r.startsWith(".git") && !r.startsWith("report");
                    })
                    .sorted()
                    .toList();
        }
    }

    /** Text outside fenced code blocks. */
    static String prose(String md) {
        StringBuilder b = new StringBuilder();
        boolean fence = false;
        for (String line : md.split("\n")) {
            if (line.startsWith("```")) fence = !fence;
            else if (!fence) b.append(line).append('\n');
        }
        return b.toString();
    }

    /** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
    static String slug(String heading) {
        return heading.strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N} _-]", "")
                .replace(' ', '-');
    }

    static List<String> anchors(String md) {
        List<String> a = new ArrayList<>();
        for (String line : prose(md).split("\n"))
            if (line.matches("#{1,6} .*")) a.add(slug(line.replaceFirst("#+ ", "")));
        Matcher m = Pattern.compile("<a id=\"([^\"]+)\"></a>").matcher(md);
        while (m.find()) a.add(m.group(1));
        return a;
    }

    @Test
    void everyRelativeLinkOfEveryMarkdownFileResolves() throws Exception {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path md : markdownFiles()) {
            Matcher m = LINK.matcher(prose(Files.readString(md)));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("(?i)(https?|mailto):.*")) continue;
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
                Path resolved =
                        file.isEmpty() ? md : md.getParent().resolve(file).normalize();
                checked++;
                if (!resolved.startsWith(HOME) || !Files.exists(resolved))
                    broken.add(HOME.relativize(md) + ": " + target + " (no such file)");
                else if (anchor != null && !anchors(Files.readString(resolved)).contains(anchor))
                    broken.add(HOME.relativize(md) + ": " + target + " (no such anchor)");
            }
        }
        assertTrue(checked > 40, "links checked: " + checked);
        assertEquals(List.of(), broken);
    }

    @Test
    void theLinkCheckFindsAMissingFileAndAMissingAnchor() {
        assertTrue(anchors("## Java ↔ TLA+ mapping\n").contains("java--tla-mapping"));
        assertTrue(anchors("# A\n```\n## Not a heading\n```\n").stream().noneMatch(a -> a.equals("not-a-heading")));
        assertTrue(anchors("<a id=\"count-increment\"></a>\n### Without it").contains("count-increment"));
        assertEquals(
                "readers-map-annex-j-the-model-and-the-code", slug("Reader's map: Annex J, the model and the code"));
    }

    @Test
    void theReadmeIsAFrontDoorAndNoPageSpeaksOfHowTheToolWasMade() throws Exception {
        List<String> readme = Files.readAllLines(HOME.resolve("README.md"));
        assertTrue(readme.size() <= 150, "README.md has " + readme.size() + " lines");
        assertTrue(
                PROCESS.matcher("as the previous stop showed").find()
                        && PROCESS.matcher("see issue 21").find()
                        && PROCESS.matcher("on commit dfbbebd").find(),
                "the pattern bites");
        for (Path md : markdownFiles()) {
            Matcher m = PROCESS.matcher(Files.readString(md));
            assertTrue(!m.find(), HOME.relativize(md) + ": \"" + (m.hitEnd() ? "" : m.group()) + "\"");
        }
    }

    @Test
    void theCliReferenceIsTheCommandsOwnHelp() throws Exception {
        assertEquals(
                CliDocs.markdown(),
                Files.readString(HOME.resolve("docs/cli.md")),
                "docs/cli.md is stale: java -cp target/srvcc.jar org.srvcc.cli.CliDocs docs/cli.md");
        for (String command : Main.commandLine().getSubcommands().keySet())
            if (!command.equals("help")) assertTrue(CliDocs.markdown().contains("## " + command + "\n"), command);
    }

    @Test
    void everyNumberOnTheEvidencePageEqualsItsSource() throws Exception {
        String page = Files.readString(HOME.resolve("docs/evidence.md"));
        Manifest manifest = new Manifest(HOME);
        Findings ledger = Findings.load(HOME);
        Map<String, Integer> mutants = new TreeMap<>();
        List<SpecMutation.Mutant> all = SpecMutation.mutants(Files.readAllLines(HOME.resolve("spec/Srvcc.tla")));
        for (SpecMutation.Mutant mu : all) mutants.merge(mu.operator(), 1, Integer::sum);
        long vectors = Files.readAllLines(HOME.resolve("src/test/resources/kdf/third-party-vectors.tsv")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .count();
        Map<String, Long> expected = new TreeMap<>();
        expected.put("(\\d+) KDF vectors", vectors);
        expected.put("the manifest holds (\\d+) models", (long) manifest.models.size());
        expected.put(
                "(\\d+) of them checked in",
                manifest.models.stream().filter(Manifest.Model::build).count());
        expected.put("ledger's (\\d+) findings", (long) ledger.findings.size());
        expected.put("findings and (\\d+) assumptions", (long) ledger.assumptions.size());
        expected.put("makes (\\d+) one-point", (long) all.size());
        for (String op : List.of("G", "E", "P", "U"))
            expected.put("\\(" + op + " (\\d+)\\)", (long) mutants.getOrDefault(op, 0));
        String flat = page.replaceAll("\\s+", " ");
        for (Map.Entry<String, Long> e : expected.entrySet()) {
            Matcher m = Pattern.compile(e.getKey()).matcher(flat);
            assertTrue(m.find(), "docs/evidence.md no longer states " + e.getKey());
            assertEquals(e.getValue(), Long.parseLong(m.group(1)), "docs/evidence.md: " + e.getKey());
        }
    }
}

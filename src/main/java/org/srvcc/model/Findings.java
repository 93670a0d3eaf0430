package org.srvcc.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.srvcc.files.TextFiles;

/**
 * The findings ledger, model-checks/findings.json: every finding with its claim, the clauses it rests
 * on, the assumptions it needs (each tagged standard, draft, reading, policy, simplification or bound),
 * the models that show it with their verdicts and counterexample lengths, and the command that
 * reproduces it. The README's findings and the report's are rendered from it; nothing else states a
 * finding. {@link #problems} ties it to the manifest's pins, {@link #tagProblems} to the tagged lines
 * of the spec and the code.
 */
public final class Findings {
    public record Clause(String doc, String clause, String step) {
        @Override
        public String toString() {
            return doc + " " + (doc.equals("draft CR") ? "" : "§") + clause + (step == null ? "" : " step " + step);
        }
    }

    public record Assumption(String id, String tag, String text, String why, List<Clause> clauses) {
        /** Tags that mark a line of the spec or code going beyond the text; these must appear there. */
        boolean beyondText() {
            return !tag.equals("standard") && !tag.equals("draft");
        }
    }

    public record ModelRef(String name, String verdict, List<String> parts, Map<String, Long> steps) {
        public String partsText() {
            return parts.isEmpty() ? "every part" : String.join(", ", parts);
        }

        public String stepsText() {
            return steps.isEmpty()
                    ? "–"
                    : String.join(
                            ", ",
                            steps.entrySet().stream()
                                    .map(e -> e.getKey() + ": " + e.getValue())
                                    .toList());
        }
    }

    /** Clauses as one line: "TS 33.501 §J.1.2 step 2; draft CR X.1.1". */
    public static String clausesText(List<Clause> clauses) {
        return String.join("; ", clauses.stream().map(Clause::toString).toList());
    }

    /** Text the project proposes for a clause, in its own words (a pCR's changed text). */
    public record Proposal(Clause clause, String text) {}

    public record Finding(
            String id,
            String title,
            String claim,
            String status,
            List<Clause> clauses,
            List<String> assumptions,
            String holdsUnder,
            String detail,
            List<ModelRef> models,
            String reproduce,
            Proposal proposal) {
        /** The first violated model and its first violated part, the counterexample a document shows; null if none. */
        public ModelRef firstViolated() {
            return models.stream()
                    .filter(m -> m.verdict().equals("violated"))
                    .findFirst()
                    .orElse(null);
        }
    }

    public static final String FILE = "model-checks/findings.json";

    public final List<Assumption> assumptions = new ArrayList<>();
    public final List<Finding> findings = new ArrayList<>();

    public static Findings load(Path home) throws IOException {
        Path file = home.resolve(FILE);
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("no findings ledger at " + file);
        return new Findings(TextFiles.read(file, "findings ledger"));
    }

    /**
     * A ledger from its text: schema-checked, then every reference resolved; bad text is an IllegalArgumentException.
     */
    @SuppressWarnings("unchecked")
    public Findings(String text) {
        Map<String, Object> root = Schemas.findings("findings", text);
        for (Object o : (List<Object>) root.get("assumptions")) {
            Map<String, Object> a = (Map<String, Object>) o;
            assumptions.add(new Assumption(
                    (String) a.get("id"),
                    (String) a.get("tag"),
                    (String) a.get("text"),
                    (String) a.get("why"),
                    clauses(a.get("clauses"))));
        }
        for (Object o : (List<Object>) root.get("findings")) {
            Map<String, Object> f = (Map<String, Object>) o;
            List<ModelRef> models = new ArrayList<>();
            for (Object mo : (List<Object>) f.get("models")) {
                Map<String, Object> m = (Map<String, Object>) mo;
                Map<String, Long> steps = new LinkedHashMap<>();
                ((Map<String, Object>) m.getOrDefault("steps", Map.of()))
                        .forEach((k, v) -> steps.put(k, ((Number) v).longValue()));
                models.add(new ModelRef(
                        (String) m.get("name"), (String) m.get("verdict"), (List<String>) m.get("parts"), steps));
            }
            Map<String, Object> pr = (Map<String, Object>) f.get("proposal");
            Proposal proposal = pr == null
                    ? null
                    : new Proposal(clauses(List.of(pr.get("clause"))).get(0), (String) pr.get("text"));
            findings.add(new Finding(
                    (String) f.get("id"),
                    (String) f.get("title"),
                    (String) f.get("claim"),
                    (String) f.get("status"),
                    clauses(f.get("clauses")),
                    (List<String>) f.get("assumptions"),
                    (String) f.get("holdsUnder"),
                    (String) f.get("detail"),
                    models,
                    (String) f.get("reproduce"),
                    proposal));
        }
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Assumption a : assumptions) {
            if (!ids.add(a.id())) problems.add("findings: assumption " + a.id() + " is defined twice");
            if (!a.beyondText() && a.clauses().isEmpty())
                problems.add("findings: assumption " + a.id() + " is tagged " + a.tag() + " but cites no clause");
        }
        Set<String> fids = new HashSet<>();
        for (Finding f : findings) {
            if (!fids.add(f.id())) problems.add("findings: finding " + f.id() + " is defined twice");
            for (String a : f.assumptions())
                if (!ids.contains(a)) problems.add("findings: finding " + f.id() + " names unknown assumption " + a);
        }
        if (!problems.isEmpty()) throw new Schemas.Invalid(problems);
    }

    @SuppressWarnings("unchecked")
    private static List<Clause> clauses(Object o) {
        List<Clause> out = new ArrayList<>();
        if (o == null) return out;
        for (Object c : (List<Object>) o) {
            Map<String, Object> m = (Map<String, Object>) c;
            out.add(new Clause((String) m.get("doc"), (String) m.get("clause"), (String) m.get("step")));
        }
        return out;
    }

    public Finding finding(String id) {
        return findings.stream()
                .filter(f -> f.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no finding " + id + " in " + FILE));
    }

    public Assumption assumption(String id) {
        return assumptions.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    /**
     * Every way the ledger disagrees with the manifest's pins: a model it names that the manifest lacks,
     * a verdict or a violated part the manifest does not expect, a counterexample length other than the
     * pinned one. ModelChecksTest holds the pins to TLC, so a ledger that passes here states what TLC finds.
     */
    public List<String> problems(Manifest manifest) {
        List<String> problems = new ArrayList<>();
        Map<String, Manifest.Model> byName = new LinkedHashMap<>();
        for (Manifest.Model m : manifest.models) byName.put(m.name(), m);
        for (Finding f : findings) {
            for (ModelRef r : f.models()) {
                String where = "finding " + f.id() + ", model " + r.name() + ": ";
                Manifest.Model m = byName.get(r.name());
                if (m == null) {
                    problems.add(where + "not in the manifest");
                    continue;
                }
                List<String> expected = m.expectViolated();
                if (r.verdict().equals("violated")) {
                    if (r.parts().isEmpty()) problems.add(where + "verdict violated names no part");
                    for (String p : r.parts()) {
                        if (!expected.contains(p))
                            problems.add(where + p + " is not violated in the manifest (violated: " + expected + ")");
                        Long pinned = m.expectSteps().get(p), said = r.steps().get(p);
                        if (pinned == null) problems.add(where + "the manifest pins no counterexample length for " + p);
                        else if (!pinned.equals(said))
                            problems.add(where + p + " in " + said + " steps, the manifest pins " + pinned);
                    }
                } else {
                    List<String> parts = r.parts().isEmpty() ? m.invariants() : r.parts();
                    for (String p : parts)
                        if (expected.contains(p))
                            problems.add(where + "holds, but the manifest expects " + p + " violated");
                    if (!r.steps().isEmpty())
                        problems.add(where + "holds, yet the ledger gives counterexample lengths");
                }
                for (String p : r.steps().keySet())
                    if (!r.parts().contains(p)) problems.add(where + "a length for " + p + ", which it does not list");
            }
        }
        return problems;
    }

    private static final String TAGS = "(standard|draft|reading|policy|simplification|bound)";
    private static final Pattern TLA_TAG = Pattern.compile("\\(\\* " + TAGS + ": ([a-z0-9-]+) \\*\\)");
    private static final Pattern JAVA_TAG = Pattern.compile("// " + TAGS + ": ([a-z0-9-]+)\\b");

    /** The tagged lines of the spec, the models' module and the Java sources: "file:line" by "tag: id". */
    public static Map<String, List<String>> codeTags(Path home) throws IOException {
        Map<String, List<String>> tags = new TreeMap<>();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(home.resolve("spec"))) {
            s.filter(p -> p.toString().endsWith(".tla")).sorted().forEach(files::add);
        }
        files.add(home.resolve("model-checks/MC.tla"));
        try (Stream<Path> s = Files.walk(home.resolve("src/main/java"))) {
            s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
        }
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f);
            Pattern pat = f.toString().endsWith(".tla") ? TLA_TAG : JAVA_TAG;
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = pat.matcher(lines.get(i));
                while (m.find())
                    tags.computeIfAbsent(m.group(1) + ": " + m.group(2), k -> new ArrayList<>())
                            .add(home.relativize(f) + ":" + (i + 1));
            }
        }
        return tags;
    }

    /**
     * A tag in the code that the ledger lacks (or tags otherwise), and an assumption beyond the text that no line
     * carries.
     */
    public List<String> tagProblems(Map<String, List<String>> tags) {
        List<String> problems = new ArrayList<>();
        Map<String, String> tagOf = new LinkedHashMap<>();
        for (Assumption a : assumptions) tagOf.put(a.id(), a.tag());
        for (Map.Entry<String, List<String>> e : tags.entrySet()) {
            String tag = e.getKey().substring(0, e.getKey().indexOf(':')),
                    id = e.getKey().substring(e.getKey().indexOf(": ") + 2);
            if (!tagOf.containsKey(id))
                problems.add(e.getValue().get(0) + ": tag " + e.getKey() + " has no assumption in " + FILE);
            else if (!tagOf.get(id).equals(tag))
                problems.add(e.getValue().get(0) + ": tag " + e.getKey() + ", but the ledger tags " + id + " "
                        + tagOf.get(id));
        }
        Set<String> tagged = new HashSet<>();
        for (String k : tags.keySet()) tagged.add(k.substring(k.indexOf(": ") + 2));
        for (Assumption a : assumptions)
            if (a.beyondText() && !tagged.contains(a.id()))
                problems.add(
                        FILE + ": assumption " + a.id() + " (" + a.tag() + ") tags no line of the spec or the code");
        return problems;
    }

    // ------------------------------------------------------------------ rendering

    public static String statusText(String status) {
        return switch (status) {
            case "holds" -> "holds";
            case "violated" -> "violated";
            default -> "open question for SA3";
        };
    }

    /** The findings in Markdown, one section per finding, with anchors: docs/findings.md's body. */
    public String markdown() {
        return FindingsMarkdown.sections(this);
    }

    public static final String DOCS = "docs/findings.md";
    public static final String BEGIN =
            "<!-- findings: rendered from model-checks/findings.json by ./srvcc findings --write-docs; do not edit -->";
    public static final String END = "<!-- end of findings -->";

    /** The README with its findings region replaced by this ledger's summary table (links into {@link #DOCS}). */
    public String intoReadme(String readme) {
        int a = readme.indexOf(BEGIN), z = readme.indexOf(END);
        if (a < 0 || z < a)
            throw new IllegalArgumentException("README.md has no findings region (" + BEGIN + " ... " + END + ")");
        return readme.substring(0, a + BEGIN.length()) + "\n\n" + FindingsMarkdown.summary(this, DOCS) + "\n"
                + readme.substring(z);
    }

    /** The whole of {@link #DOCS}: a delegate's page, generated from this ledger. */
    public String docsPage() {
        return FindingsMarkdown.page(this);
    }
}

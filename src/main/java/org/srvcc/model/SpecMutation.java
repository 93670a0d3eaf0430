package org.srvcc.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.srvcc.files.Scratch;
import org.srvcc.procedure.Budget;

/**
 * Mutation testing of the spec: systematic one-point changes to the actions of spec/Srvcc.tla
 * (the lines between the gNB's section and Next), each checked against the manifest's fast build
 * models (a line that asks a budget is a bound of the model and is left alone). A mutant is killed
 * when some model's verdict or pinned state count differs from the manifest; it survives when every
 * fast model still gives the expected result. Operators:
 * G drops one conjunct of a guard (an unprimed conjunct), E turns = into # or # into = in a
 * guard, P drops a "+ 1", U replaces one update x' = e by UNCHANGED x, L turns < into <= or
 * the reverse in a guard.
 */
public final class SpecMutation {
    public record Mutant(int line, String operator, int nth, String before, String after) {
        /** e.g. G@211.2: the second mutant of operator G on line 211. */
        public String id() {
            return operator + "@" + line + "." + nth;
        }
    }

    public record Outcome(Mutant mutant, String verdict, String killedBy, String detail, double seconds) {}

    private static final Pattern GUARD = Pattern.compile("^(\\s*)/\\\\ (.*)$");
    private static final Pattern DEFINITION = Pattern.compile("^(\\w+)(\\(.*\\))? ==(.*)$");
    /** A line that only asks a budget (AttemptAllowed(u), ...): a bound of the model, not the protocol's guard. */
    private static final Pattern BUDGET = Pattern.compile(
            "(" + String.join("|", Stream.of(Budget.values()).map(Budget::name).toList()) + ")(\\(u\\))?");

    private static final Pattern UPDATE = Pattern.compile("^(\\s*)/\\\\ (\\w+)' = .*$");

    private SpecMutation() {}

    /** Every mutant of the action section, in line order. */
    public static List<Mutant> mutants(List<String> spec) {
        int from = indexOf(spec, "(* gNB *)"), to = indexOf(spec, "Next ==");
        Pattern assigns = assigningOperators(spec);
        List<Mutant> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String l = spec.get(i), code = l.replaceFirst("\\\\\\*.*$", "");
            Matcher g = GUARD.matcher(code);
            boolean continued = i + 1 < spec.size()
                    && indent(spec.get(i + 1)) > indent(l)
                    && !spec.get(i + 1).trim().startsWith("/\\");
            if (g.matches()
                    && !BUDGET.matcher(g.group(2).trim()).matches()
                    && !code.contains("'")
                    && !code.contains("UNCHANGED")
                    && !continued
                    && !code.contains("LET")
                    && !assigns.matcher(code).find()) {
                String[] parts = g.group(2).trim().split(" /\\\\ ");
                if (parts.length > 1)
                    for (int k = 0; k < parts.length; k++) {
                        List<String> rest = new ArrayList<>(List.of(parts));
                        rest.remove(k);
                        out.add(new Mutant(i + 1, "G", 0, l, g.group(1) + "/\\ " + String.join(" /\\ ", rest)));
                    }
                else out.add(new Mutant(i + 1, "G", 0, l, g.group(1) + "/\\ TRUE"));
                replaceEach(out, i, l, code, " = ", " # ", "E");
                replaceEach(out, i, l, code, " # ", " = ", "E");
                replaceEach(out, i, l, code, " < ", " <= ", "L");
                replaceEach(out, i, l, code, " <= ", " < ", "L");
            }
            replaceEach(out, i, l, code, " + 1", "", "P");
            Matcher u = UPDATE.matcher(code);
            if (u.matches() && !continued && code.chars().filter(c -> c == '\'').count() == 1)
                out.add(new Mutant(i + 1, "U", 0, l, u.group(1) + "/\\ UNCHANGED " + u.group(2)));
        }
        List<Mutant> numbered = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Mutant m : out)
            numbered.add(new Mutant(
                    m.line(),
                    m.operator(),
                    seen.merge(m.operator() + m.line(), 1, Integer::sum),
                    m.before(),
                    m.after()));
        return numbered;
    }

    /**
     * Operators whose body primes a variable (Send, Reply, Push, MscDrop, ...): a call to one is an update, not a
     * guard.
     */
    /** Code that states a step: a primed variable, or UNCHANGED (as ReverseSrvccOutcome's refusal). */
    private static boolean steps(String code) {
        return code.contains("'") || code.contains("UNCHANGED");
    }

    public static Pattern assigningOperators(List<String> spec) {
        List<String> names = new ArrayList<>();
        String current = null;
        boolean primes = false;
        for (String l : spec) {
            String code = l.replaceFirst("\\\\\\*.*$", "");
            Matcher d = DEFINITION.matcher(code);
            if (d.matches() || (!l.startsWith(" ") && !l.isBlank())) {
                if (current != null && primes) names.add(current);
                current = d.matches() ? d.group(1) : null;
                primes = d.matches() && steps(d.group(3));
            } else if (current != null) primes |= steps(code);
        }
        if (current != null && primes) names.add(current);
        return Pattern.compile("\\b(" + String.join("|", names) + ")\\(");
    }

    private static void replaceEach(List<Mutant> out, int i, String line, String code, String a, String b, String op) {
        for (int at = code.indexOf(a); at >= 0; at = code.indexOf(a, at + 1))
            out.add(new Mutant(i + 1, op, 0, line, line.substring(0, at) + b + line.substring(at + a.length())));
    }

    private static int indexOf(List<String> spec, String start) {
        for (int i = 0; i < spec.size(); i++) if (spec.get(i).startsWith(start)) return i;
        throw new IllegalStateException("spec/Srvcc.tla has no line starting with " + start);
    }

    private static int indent(String l) {
        int n = 0;
        while (n < l.length() && l.charAt(n) == ' ') n++;
        return n;
    }

    /** A deterministic sample of {@code limit} mutants (all when limit >= size), spread over the operators. */
    public static List<Mutant> sample(List<Mutant> all, int limit, long seed) {
        if (limit >= all.size()) return all;
        List<Mutant> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new Random(seed));
        List<Mutant> s = new ArrayList<>(shuffled.subList(0, limit));
        s.sort(Comparator.comparingInt(Mutant::line)
                .thenComparing(Mutant::operator)
                .thenComparing(Mutant::after));
        return s;
    }

    /** The fast build models, cheapest first: the ones a mutant is run against. */
    public static List<Manifest.Model> fastModels(Manifest m, long maxDistinct) {
        return m.models.stream()
                .filter(Manifest.Model::build)
                .filter(x -> x.expectDistinct() <= maxDistinct)
                .sorted(Comparator.comparingLong(x -> x.expectDistinct() < 0 ? maxDistinct : x.expectDistinct()))
                .toList();
    }

    /** Runs the models on one mutant in a copy of the project's spec and model folders; stops at the first kill. */
    public static Outcome run(Path home, Mutant mu, List<String> spec, List<String> models, Consumer<String> progress)
            throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Path dir = Scratch.dir(home.resolve("target/spec-mutants"));
        try {
            copy(home.resolve("spec"), dir.resolve("spec"));
            copy(home.resolve("model-checks"), dir.resolve("model-checks"));
            List<String> mutated = new ArrayList<>(spec);
            mutated.set(mu.line() - 1, mu.after());
            Files.write(dir.resolve("spec/Srvcc.tla"), mutated);
            Manifest manifest = new Manifest(dir);
            // budgets are not what is tested here; a mutant that makes a small model explode is stopped at 1.5 x 3 x
            // its budget
            ModelCheck mc = new ModelCheck(
                    manifest, 4.5, null); // 4.5 budgets: a mutant that blows up the state space is cut short
            for (String name : models) {
                ModelCheck.Result r = mc.check(manifest.model(name), 1, null);
                List<String> problems = r.problems().stream()
                        .filter(p -> !p.startsWith("took "))
                        .toList();
                if (!problems.isEmpty()) {
                    boolean broken =
                            problems.stream().anyMatch(p -> p.startsWith("TLC exit") && !p.contains("timed out"));
                    return new Outcome(
                            mu, broken ? "stillborn" : "killed", name, problems.get(0), (System.nanoTime() - t0) / 1e9);
                }
                if (progress != null) progress.accept(mu.id() + " survives " + name);
            }
            return new Outcome(
                    mu, "survived", "", "every fast model gives its expected result", (System.nanoTime() - t0) / 1e9);
        } finally {
            Scratch.close(dir);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path p : s.toList()) if (Files.isRegularFile(p)) Files.copy(p, to.resolve(p.getFileName()));
        }
    }
}

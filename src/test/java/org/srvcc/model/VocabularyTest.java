package org.srvcc.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.srvcc.procedure.Action;
import org.srvcc.procedure.Amf;
import org.srvcc.procedure.Budget;
import org.srvcc.procedure.Gnb;
import org.srvcc.procedure.Invariants;
import org.srvcc.procedure.Message;
import org.srvcc.procedure.MmeSrvcc;
import org.srvcc.procedure.MscServer;
import org.srvcc.procedure.Options;
import org.srvcc.procedure.Ue;

/** The model and the code use one vocabulary: actions, messages, invariants, options and variables. */
class VocabularyTest {
    static String read(String f) throws Exception {
        return Files.readString(Path.of(f));
    }

    /** Strips comments so that a name only mentioned in a comment does not count. */
    static String code(String tla) {
        return tla.replaceAll("\\\\\\*[^\n]*", "").replaceAll("(?s)\\(\\*.*?\\*\\)", "");
    }

    /** The actions of Srvcc.tla's Next (through Handlers, Progress and Environment) are Java's. */
    @Test
    void actionsAreTheModelsActions() throws Exception {
        String spec = code(read("spec/Srvcc.tla"));
        Set<String> model = new TreeSet<>();
        for (String op : List.of("Handlers(u)", "Progress(u)", "Environment(u)", "Next")) {
            Matcher def = Pattern.compile("(?ms)^" + Pattern.quote(op) + " ==(.*?)(?=^\\S)")
                    .matcher(spec);
            assertTrue(def.find(), op + " is not defined in spec/Srvcc.tla");
            Matcher m = Pattern.compile("\\\\/ (\\w+)(?:\\(u\\))?").matcher(def.group(1));
            while (m.find()) model.add(m.group(1));
        }
        model.removeAll(List.of("Handlers", "Progress", "Environment"));
        Set<String> java = new TreeSet<>();
        for (Action a : Action.values()) java.add(a.name());
        assertEquals(java, model);
        for (Action a : Action.values())
            assertTrue(
                    Pattern.compile("(?m)^" + Pattern.quote(a.call("u")) + " ==")
                            .matcher(spec)
                            .find(),
                    a + " is not defined as the TLA+ action " + a.call("u") + " (the scope Java gives it)");
    }

    /**
     * Each budget of Java's Budget is an override point of Srvcc.tla (TRUE there), the first conjunct of exactly the
     * actions Java gives it, bounded in MC.tla and substituted in every cfg; no model substitutes an action.
     */
    @Test
    void budgetsAreSrvccsOverridePointsBoundedInMc() throws Exception {
        String spec = code(read("spec/Srvcc.tla")), mc = code(read("model-checks/MC.tla"));
        String cfg = new Manifest(Path.of("").toAbsolutePath()).model("Ts33501").cfg(List.of("TypeOK"));
        for (Budget b : Budget.values()) {
            assertTrue(
                    Pattern.compile("(?m)^" + b + "(\\(u\\))? == TRUE\\s*$")
                            .matcher(spec)
                            .find(),
                    b + " in Srvcc.tla");
            assertTrue(
                    Pattern.compile("(?m)^MC" + b + "(\\(u\\))? == ")
                            .matcher(mc)
                            .find(),
                    b + " in MC.tla");
            assertTrue(cfg.contains("\n  " + b + " <- MC" + b + "\n"), b + " in the cfg");
        }
        for (Action a : Action.values()) {
            Matcher def = Pattern.compile("(?ms)^" + a + "(?:\\(u\\))? ==(.*?)(?=^\\S|\\z)")
                    .matcher(spec);
            assertTrue(def.find(), a.name());
            Matcher used = Pattern.compile("\\b(\\w+Allowed)\\b").matcher(def.group(1));
            String first = used.find() ? used.group(1) : null;
            Set<String> names = new TreeSet<>();
            for (Budget b : Budget.values()) names.add(b.name());
            if (first != null && !names.contains(first)) first = null;
            assertEquals(a.budget == null ? null : a.budget.name(), first, a + ": its budget in Srvcc.tla");
        }
        for (Action a : Action.values())
            assertFalse(cfg.contains("\n  " + a + " <- ") && a.kind != Action.Kind.MUTANT, a + " substituted");
    }

    /**
     * Every cfg substitutes exactly MC.tla's replacements of Srvcc.tla's definitions: the mutants' override points
     * (Options.overridePoints()) and the budgets. A replacement MC.tla defines but no cfg names would never run.
     */
    @Test
    void everyReplacementInMcIsSubstituted() throws Exception {
        String spec = code(read("spec/Srvcc.tla")), mc = code(read("model-checks/MC.tla"));
        Set<String> replaced = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^MC(\\w+)(?:\\([^)]*\\))? ==").matcher(mc);
        while (m.find())
            if (!m.group(1).endsWith("Spec") // MCSpec, MCLiveSpec: the specifications a cfg names, no replacement
                    && Pattern.compile("(?m)^" + m.group(1) + "(\\([^)]*\\))? ==")
                            .matcher(spec)
                            .find()) replaced.add(m.group(1));
        Set<String> substituted = new TreeSet<>(Options.overridePoints());
        for (Budget b : Budget.values()) substituted.add(b.name());
        assertEquals(replaced, substituted);
        String cfg = new Manifest(Path.of("").toAbsolutePath()).model("Ts33501").cfg(List.of("TypeOK"));
        for (String x : substituted) assertTrue(cfg.contains("\n  " + x + " <- MC" + x + "\n"), x);
    }

    /** Each mutant switch is read by the MC.tla replacement of the definition its row names, and by no other. */
    @Test
    void eachMutantActsThroughTheOverridePointItNames() throws Exception {
        String mc = code(read("model-checks/MC.tla"));
        Map<String, String> bodies = new TreeMap<>();
        Matcher m = Pattern.compile("(?ms)^MC(\\w+)(?:\\([^)]*\\))? ==(.*?)(?=^\\S|\\z)")
                .matcher(mc);
        while (m.find()) bodies.put(m.group(1), m.group(2));
        for (String mutant : Options.mutantNames()) {
            Set<String> readers = new TreeSet<>();
            bodies.forEach((point, body) -> {
                if (Pattern.compile("\\b" + mutant + "\\b").matcher(body).find()) readers.add(point);
            });
            String named = Arrays.stream(Options.class.getRecordComponents())
                    .filter(c -> c.getName().equals(mutant))
                    .findFirst()
                    .orElseThrow()
                    .getAnnotation(Options.Mutant.class)
                    .value();
            assertEquals(Set.of(named), readers, mutant);
        }
    }

    /**
     * The reader's map in docs/implementers.md names every action of Srvcc.tla, each name it gives in its action
     * column is a definition or variable of Srvcc.tla, and each method it names exists in that class.
     */
    @Test
    void theReadersMapNamesEveryActionAndOnlyRealOnes() throws Exception {
        String doc = read("docs/implementers.md"), spec = code(read("spec/Srvcc.tla"));
        int at = doc.indexOf("| step | spec/Srvcc.tla action | Java method |");
        assertTrue(at >= 0, "the reader's map's table");
        String table = doc.substring(at, doc.indexOf("\n\n", at));
        Set<String> named = new TreeSet<>(), fields = new TreeSet<>(), methods = new TreeSet<>();
        for (String row : table.split("\n")) {
            String[] cells = row.split("\\|");
            if (cells.length < 4 || !cells[2].contains("`")) continue;
            Matcher m = Pattern.compile("(field )?`(\\w+)`").matcher(cells[2]);
            while (m.find()) (m.group(1) != null ? fields : named).add(m.group(2));
            Matcher j = Pattern.compile("`(\\w+)\\.(\\w+)`").matcher(cells[3]);
            while (j.find()) methods.add(j.group(1) + "." + j.group(2));
        }
        for (Action a : Action.values()) // a mutant's step is MC.tla's, not the standard's
        if (a.kind != Action.Kind.MUTANT) assertTrue(named.contains(a.name()), a + " is missing from the reader's map");
        for (String n : named)
            assertTrue(
                    Pattern.compile("(?m)^" + n + "(\\([^)]*\\))? ==|^\\s+" + n + ",?\\s*$")
                            .matcher(spec)
                            .find(),
                    n + " is no definition or variable of Srvcc.tla");
        for (String f : fields)
            assertTrue(Pattern.compile("\\b" + f + " \\|->").matcher(spec).find(), f + " is no message field");
        assertTrue(methods.size() > 30, "only " + methods.size() + " methods named");
        for (String cm : methods) {
            String[] p = cm.split("\\.");
            Class<?> c = classIn(p[0], "org.srvcc.procedure.", "org.srvcc.kdf.");
            assertTrue(
                    Arrays.stream(c.getDeclaredMethods())
                            .anyMatch(x -> x.getName().equals(p[1])),
                    cm + " is no method of " + c.getSimpleName());
        }
    }

    private static Class<?> classIn(String name, String... packages) {
        for (String p : packages)
            try {
                return Class.forName(p + name);
            } catch (ClassNotFoundException e) {
                // the next package
            }
        throw new AssertionError(name + " is no class of " + String.join(", ", packages));
    }

    /** Each action is one method of its node's class, named as the action without the role prefix. */
    @Test
    void everyActionIsAMethodOfItsNode() {
        Map<String, Class<?>> nodes = Map.of(
                "Gnb", Gnb.class, "Amf", Amf.class, "Mme", MmeSrvcc.class, "Msc", MscServer.class, "Ue", Ue.class);
        for (Action a : Action.values()) {
            String n = a.name();
            if (n.startsWith("Net") || n.startsWith("Attacker")) continue; // network and attacker actions
            String prefix =
                    nodes.keySet().stream().filter(n::startsWith).findFirst().orElseThrow();
            String method = Character.toLowerCase(n.charAt(prefix.length())) + n.substring(prefix.length() + 1);
            boolean found = false;
            for (Method me : nodes.get(prefix).getDeclaredMethods())
                found |= me.getName().equals(method) && me.getParameterCount() == (a.scope == Action.Scope.UE ? 1 : 0);
            String params = a.scope == Action.Scope.UE ? "(int)" : "()";
            assertTrue(found, a + ": no method " + nodes.get(prefix).getSimpleName() + "." + method + params);
        }
    }

    @Test
    void messageTypesInvariantsOptionsAndVariablesAppearInTheModel() throws Exception {
        String spec = code(read("spec/Srvcc.tla"));
        for (Message.Type t : Message.Type.values()) assertTrue(spec.contains("\"" + t.name() + "\""), t.name());
        for (String inv : Invariants.ALL.keySet()) assertTrue(spec.contains("\n" + inv + " =="), inv);
        String constants = read("spec/Srvcc.tla") + read("model-checks/MC.tla");
        for (String opt : Options.STANDARD.asMap().keySet())
            assertTrue(
                    Pattern.compile("(?m)^\\s+" + opt + ",?\\s+\\\\\\*")
                            .matcher(constants)
                            .find(),
                    opt + " is not a declared constant");
        String vars = spec.substring(spec.indexOf("VARIABLES"), spec.indexOf("ueVars"));
        List<String> declared = Pattern.compile("\\w+")
                .matcher(vars.replace("VARIABLES", ""))
                .results()
                .map(r -> r.group())
                .toList();
        assertEquals(
                new TreeSet<>(declared),
                new TreeSet<>(Mapping.ROWS.stream().map(Mapping.Row::variable).toList()),
                "the mapping table has exactly the model's variables");
        String page = read("spec/README.md");
        for (String inv : Invariants.PARTS.keySet())
            assertTrue(page.contains("| " + inv + " |"), "spec/README.md's invariant table misses " + inv);
        for (List<String> parts : Invariants.PARTS.values())
            for (String part : parts)
                assertTrue(page.contains("`" + part + "`"), "spec/README.md's invariant table misses the part " + part);
        assertTrue(page.contains(Mapping.markdownTable()), "spec/README.md's mapping table differs from Mapping.ROWS");
        String options = Manifest.optionsTable(constants);
        assertTrue(
                page.contains(options),
                "spec/README.md's options table differs from Options and the TLA+ declarations; it is:\n" + options);
    }
}

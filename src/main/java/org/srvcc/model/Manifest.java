package org.srvcc.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.srvcc.files.TextFiles;
import org.srvcc.procedure.Action;
import org.srvcc.procedure.Budget;
import org.srvcc.procedure.Invariants;
import org.srvcc.procedure.Options;

/** model-checks/manifest.json: every model with its constants, expected result and budget. */
public final class Manifest {
    public record Model(
            String name,
            String group,
            String row,
            String mode,
            Map<String, Object> constants,
            List<String> invariants,
            List<String> expectViolated,
            long expectDistinct,
            long expectGenerated,
            long budgetSeconds,
            boolean build,
            List<String> mustFire,
            String note,
            List<String> targets,
            boolean symmetry,
            Map<String, Long> expectSteps,
            boolean view) {
        /**
         * A run where C2's compile threads cost more CPU than their code saves, so TLC gets C1 only: measured on
         * this spec, C1 takes less CPU up to at least 142,080 generated states (Ts33501EpsMobility: 4.3 s user
         * against 6.9 s) and more from 450,036 on (Ts33501TwoNormalUesSymmetric: 17.0 s against 15.7 s).
         */
        public boolean smallRun() {
            return expectGenerated >= 0 && expectGenerated < 200_000;
        }

        /**
         * What the model's run is expected to cost, in generated states, for starting the longest runs first: the
         * pinned count, or, for a model that pins none (one stopped by a violation, a liveness or refinement run),
         * its budget filled at 10,000 generated states a second (the large build models run at 25,000 to 50,000),
         * so that such a model starts among the first, not after all the pinned ones.
         */
        public long costEstimate() {
            return expectGenerated >= 0 ? expectGenerated : budgetSeconds * 10_000;
        }

        /** The temporal property a non-safety model checks. */
        public String property() {
            return mode.equals("refinement") ? REFINEMENT : LIVENESS;
        }

        public String profile() {
            return String.valueOf(constants.get("Profile"));
        }

        /** The TLC configuration text: constants, then the invariants (or the temporal property). */
        public String cfg(List<String> invariantsToCheck) {
            return cfg(invariantsToCheck, false, false);
        }

        /**
         * Whether TLC checks the model's every part in one run ({@link #ONCE_MODULE}, TLC -continue): a safety
         * model with parts expected violated and parts expected to hold, so that the run is a whole search
         * anyway. A model whose every part fails stops at each failure instead, one run each.
         */
        public boolean checksOnce() {
            return mode.equals("safety")
                    && !expectViolated.isEmpty()
                    && !new HashSet<>(expectViolated).containsAll(invariants);
        }

        /**
         * The configuration of a run: with {@code once}, of {@link #ONCE_MODULE}, each part P checked as OnceP; with
         * {@code fired} (implied by {@code once}), of {@link #FIRED_MODULE}, with MustFire reporting the actions in
         * mustFire. Without either, of MC.tla, as written to model-checks/generated/.
         */
        public String cfg(List<String> invariantsToCheck, boolean once, boolean fired) {
            StringBuilder b = new StringBuilder();
            b.append("\\* Generated from model-checks/manifest.json by ./srvcc check --write-configs; do not edit.\n");
            b.append("\\* Model ")
                    .append(name)
                    .append(": ")
                    .append(note == null ? row : note)
                    .append('\n');
            b.append("SPECIFICATION ")
                    .append(
                            switch (mode) {
                                case "liveness" -> "MCLiveSpec";
                                case "liveness-no-timers" -> "MCLiveSpecNoTimers";
                                default -> "MCSpec";
                            })
                    .append('\n');
            b.append(constantsSection(constants, symmetry));
            String prefix = once ? "Once" : "";
            boolean reports = (once || fired) && !mustFire.isEmpty();
            if (once || fired)
                b.append("  MustFireActions = ").append(tlaSet(mustFire)).append('\n');
            // MustFire first: TLC checks a state's invariants in order and stops at the first violated one
            String mustFireLine = reports ? "  MustFire\n" : "";
            if (!mode.equals("safety")) {
                b.append("PROPERTIES\n  ").append(property()).append('\n');
                b.append("INVARIANTS\n").append(mustFireLine).append("  TypeOK\n");
            } else {
                List<String> actions = invariantsToCheck.stream()
                        .filter(Invariants.ACTION_PROPERTIES::contains)
                        .toList();
                List<String> states = invariantsToCheck.stream()
                        .filter(i -> !Invariants.ACTION_PROPERTIES.contains(i))
                        .toList();
                if (once) { // still in the CONSTANTS section
                    b.append("  OnceParts = ").append(tlaSet(states)).append('\n');
                    b.append("  OnceStepParts = ").append(tlaSet(actions)).append('\n');
                }
                if (!states.isEmpty() || reports) {
                    b.append("INVARIANTS\n").append(mustFireLine);
                    for (String inv : states)
                        b.append("  ").append(prefix).append(inv).append('\n');
                }
                if (!actions.isEmpty()) {
                    b.append("PROPERTIES\n"); // properties of steps, e.g. NoReverseSrvcc
                    for (String p : actions)
                        b.append("  ").append(prefix).append(p).append('\n');
                }
            }
            if (symmetry) b.append("SYMMETRY\n  UeSymmetry\n"); // MC.tla: permutations that keep each UE's roles
            if (view) b.append("VIEW\n  MCView\n"); // MC.tla: history in the form the invariants need
            return b.toString();
        }
    }

    /** Names as a TLA+ set of strings. */
    private static String tlaSet(List<String> names) {
        return "{" + String.join(", ", names.stream().map(p -> "\"" + p + "\"").toList()) + "}";
    }

    /** The module that checks every part in one run, written beside MC.tla (TLC finds EXTENDed modules there). */
    public static final String ONCE_MODULE = "MCOnce.tla";

    /**
     * model-checks/MCOnce.tla, derived from the parts in org.srvcc.procedure.Invariants. TLC with
     * -continue reports every state that violates an invariant, and at a state stops at the first invariant
     * it finds violated. OnceP is violated only at the first state (or step) that violates P, and there it
     * prints every checked part violated at that point and remembers them in TLC's register 1 (one per
     * worker: the run has one). So each part gets the counterexample a run that checks it alone finds: the
     * first state of the breadth-first search that violates it.
     */
    public static String onceModule() {
        List<String> states = new ArrayList<>(), steps = new ArrayList<>();
        for (String p : Invariants.ALL.keySet()) (Invariants.ACTION_PROPERTIES.contains(p) ? steps : states).add(p);
        StringBuilder b = new StringBuilder();
        b.append("\\* Generated from org.srvcc.procedure.Invariants by ./srvcc check --write-configs; do not edit.\n");
        b.append("------------------------------- MODULE MCOnce -------------------------------\n");
        b.append("(* Every part of a model in one TLC run (-continue, one worker), each with its first      *)\n");
        b.append("(* violation: OnceP fails only where P first fails, and prints every part failing there. *)\n");
        b.append("EXTENDS MCFired, TLC\n\n");
        b.append(
                "CONSTANTS OnceParts, OnceStepParts   \\* the invariant parts and the properties of steps checked\n\n");
        b.append("ASSUME TLCSet(1, {})                  \\* register 1: the parts reported so far\n\n");
        b.append("Report(failing) ==                    \\* print the parts newly failing, remember them, fail\n");
        b.append("    LET new == failing \\ TLCGet(1)\n");
        b.append("    IN /\\ \\A p \\in new : PrintT(<<\"OnceViolated\", p>>)\n");
        b.append("       /\\ TLCSet(1, TLCGet(1) \\cup new)\n");
        b.append("       /\\ FALSE\n");
        b.append("Failing(p, holds) == IF p \\notin OnceParts \\/ holds THEN {} ELSE {p}   \\* unchecked: unread\n");
        b.append("FailingStep(p, holds) == IF p \\notin OnceStepParts \\/ holds THEN {} ELSE {p}\n\n");
        b.append("FailingParts ==\n    ");
        b.append(String.join(
                "\n    \\cup ",
                states.stream().map(p -> "Failing(\"" + p + "\", " + p + ")").toList()));
        b.append("\nFailingSteps ==\n    ");
        b.append(String.join(
                "\n    \\cup ",
                steps.stream()
                        .map(p -> "FailingStep(\"" + p + "\", " + p + "Step)")
                        .toList()));
        b.append("\n\n");
        for (String p : states)
            b.append("Once")
                    .append(p)
                    .append(" == ")
                    .append(p)
                    .append(" \\/ \"")
                    .append(p)
                    .append("\" \\in TLCGet(1) \\/ Report(FailingParts)\n");
        for (String p : steps)
            b.append("Once")
                    .append(p)
                    .append(" == [][")
                    .append(p)
                    .append("Step \\/ \"")
                    .append(p)
                    .append("\" \\in TLCGet(1) \\/ Report(FailingSteps)]_vars\n");
        b.append("=============================================================================\n");
        return b.toString();
    }

    public static final String FIRED_MODULE = "MCFired.tla";

    /**
     * model-checks/MCFired.tla, derived from the actions in org.srvcc.procedure.Action: MustFire holds in every
     * state and prints each action of MustFireActions the first time a state reached has a step of it that changes
     * the state. TLC's -coverage, which credits an action only with the states it found first, costs a cost model on
     * every expression: Ts33501 took 63.4 s with it and 40.5 s with this module.
     */
    public static String firedModule() {
        StringBuilder b = new StringBuilder();
        b.append("\\* Generated from org.srvcc.procedure.Action by ./srvcc check --write-configs; do not edit.\n");
        b.append("------------------------------- MODULE MCFired -------------------------------\n");
        b.append("(* The actions a model must see fire (manifest \"mustFire\"), found by the run itself:  *)\n");
        b.append("(* MustFire holds in every state, and prints an action the first time a state has a *)\n");
        b.append("(* step of it that changes the state.                                               *)\n");
        b.append("EXTENDS MC, TLC\n\n");
        b.append("CONSTANT MustFireActions              \\* the actions to report\n\n");
        b.append("ASSUME TLCSet(2, {})                  \\* register 2: the actions reported so far\n\n");
        b.append("Fires(a) ==                           \\* a step of action a from this state changes the state\n");
        String sep = "    CASE ";
        for (Action a : Action.values()) {
            String step = a.scope == Action.Scope.UE ? "\\E u \\in UEs : " + a.name() + "(u)" : a.name();
            b.append(sep)
                    .append("a = \"")
                    .append(a.name())
                    .append("\" -> ENABLED (")
                    .append(step)
                    .append(" /\\ vars' # vars)\n");
            sep = "      [] ";
        }
        b.append(
                "Fired(a) == PrintT(<<\"Fired\", a>>) /\\ TLCSet(2, TLCGet(2) \\cup {a})   \\* print, then remember\n");
        b.append("MustFire == \\A a \\in MustFireActions \\ TLCGet(2) : ~Fires(a) \\/ Fired(a)\n");
        b.append("=============================================================================\n");
        return b.toString();
    }

    /** The temporal properties of spec/Srvcc.tla (the invariants' names are in org.srvcc.procedure.Invariants). */
    public static final String LIVENESS = "HandoverEventuallyResolves", REFINEMENT = "RefinesSrvccKeys";

    public static final List<String> TEMPORAL = List.of(LIVENESS, REFINEMENT);

    public final Path home;
    public final String module;
    public final List<Model> models = new ArrayList<>();

    public Manifest(Path home) throws IOException {
        this(home, text(home));
    }

    private static String text(Path home) throws IOException {
        Path file = home.resolve("model-checks/manifest.json");
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("no manifest at " + file);
        return TextFiles.read(file, "manifest");
    }

    /** A manifest from its text; bad text is an IllegalArgumentException (Schemas.Invalid lists the problems). */
    @SuppressWarnings("unchecked")
    public Manifest(Path home, String manifestText) {
        this.home = home;
        Map<String, Object> root = Schemas.manifest("manifest", manifestText);
        module = (String) root.get("module");
        Map<String, Object> defaults = new LinkedHashMap<>((Map<String, Object>) root.get("defaults"));
        Options.STANDARD
                .asMap()
                .forEach((k, v) -> defaults.putIfAbsent(k, constant(v))); // an option left out: the standard's
        if (root.containsKey("invariants"))
            throw new IllegalArgumentException(
                    "manifest: drop the \"invariants\" list; the names come from org.srvcc.procedure.Invariants");
        List<String> allInvariants = List.copyOf(Invariants.ALL.keySet());
        Set<Object> names = new HashSet<>();
        for (Object o : (List<Object>) root.get("models")) {
            Map<String, Object> m = (Map<String, Object>) o;
            if (!names.add(m.get("name")))
                throw new IllegalArgumentException("manifest: model " + m.get("name") + " is defined twice");
            Map<String, Object> constants = new LinkedHashMap<>(defaults);
            Map<String, Object> set = (Map<String, Object>) m.getOrDefault("set", Map.of());
            for (String k : set.keySet())
                if (!constants.containsKey(k))
                    throw new IllegalArgumentException(
                            "manifest: model " + m.get("name") + " sets unknown constant " + k);
            constants.putAll(set);
            Map<String, Object> expect = (Map<String, Object>) m.get("expect");
            boolean symmetry = (Boolean) m.getOrDefault("symmetry", Boolean.FALSE);
            String mode = (String) m.getOrDefault("mode", "safety");
            if (symmetry && !mode.equals("safety")) // TLC may miss a cycle of a liveness property under symmetry
            throw new IllegalArgumentException(
                        "manifest: model " + m.get("name") + ": symmetry only for safety models, not " + mode);
            for (String a : (List<String>) m.getOrDefault("mustFire", List.of()))
                if (Arrays.stream(Action.values()).noneMatch(x -> x.name().equals(a)))
                    throw new IllegalArgumentException(
                            "manifest: model " + m.get("name") + ": mustFire names " + a + ", which is no action");
            boolean view = (Boolean) m.getOrDefault("view", Boolean.FALSE);
            if (view && !mode.equals("safety")) // the view's argument covers invariants and step properties only
            throw new IllegalArgumentException(
                        "manifest: model " + m.get("name") + ": a view only for safety models, not " + mode);
            models.add(new Model(
                    (String) m.get("name"),
                    (String) m.get("group"),
                    (String) m.get("row"),
                    mode,
                    constants,
                    (List<String>) m.getOrDefault("invariants", allInvariants),
                    (List<String>) expect.getOrDefault("violated", List.of()),
                    ((Number) expect.getOrDefault("distinct", -1L)).longValue(),
                    ((Number) expect.getOrDefault("generated", -1L)).longValue(),
                    ((Number) m.getOrDefault("budgetSeconds", 60L)).longValue(),
                    (Boolean) m.getOrDefault("build", Boolean.TRUE),
                    (List<String>) m.getOrDefault("mustFire", List.of()),
                    (String) m.get("note"),
                    (List<String>) m.getOrDefault("targets", List.of()),
                    symmetry,
                    steps(m.get("name"), mode, expect),
                    view));
        }
    }

    /** An option's text as the manifest's JSON value: true/false, a number, or the text itself. */
    static Object constant(String text) {
        return text.equals("true") || text.equals("false")
                ? (Object) Boolean.valueOf(text)
                : text.matches("\\d+") ? (Object) Long.valueOf(text) : text;
    }

    /** expect.steps: per violated part, the length of TLC's shortest counterexample; only parts the model violates. */
    @SuppressWarnings("unchecked")
    private static Map<String, Long> steps(Object name, String mode, Map<String, Object> expect) {
        Map<String, Long> steps = new LinkedHashMap<>();
        ((Map<String, Object>) expect.getOrDefault("steps", Map.of()))
                .forEach((k, v) -> steps.put(k, ((Number) v).longValue()));
        if (!steps.isEmpty() && mode.startsWith("liveness")) // a lasso's length varies between runs
        throw new IllegalArgumentException(
                    "manifest: model " + name + ": a liveness counterexample has no pinned length");
        List<?> violated = (List<?>) expect.getOrDefault("violated", List.of());
        for (String k : steps.keySet())
            if (!violated.contains(k))
                throw new IllegalArgumentException(
                        "manifest: model " + name + " pins steps of " + k + ", which it does not expect violated");
        return Map.copyOf(steps);
    }

    public Model model(String name) {
        return models.stream()
                .filter(m -> m.name().equals(name))
                .findFirst()
                .orElseThrow(() ->
                        new IllegalArgumentException("no model named '" + name + "' in model-checks/manifest.json"));
    }

    /**
     * The options table of spec/README.md: each option of {@link Options} with its values, the standard's value,
     * and the comment of its TLA+ declaration in {@code declarations} (Srvcc.tla's and MC.tla's text), the one place
     * each option is described.
     */
    public static String optionsTable(String declarations) {
        StringBuilder b =
                new StringBuilder("| option | kind | values | standard | what it sets |\n|---|---|---|---|---|\n");
        Map<String, String> standard = Options.STANDARD.asMap();
        for (Map.Entry<String, List<String>> e : Options.choices().entrySet()) {
            String name = e.getKey();
            Matcher m = Pattern.compile("(?m)^\\s+" + name + ",?\\s+\\\\\\*\\s*(?:mutant: )?(.*?)\\s*$")
                    .matcher(declarations);
            if (!m.find()) throw new IllegalArgumentException("option " + name + " has no TLA+ declaration comment");
            boolean mutant = Options.mutantNames().contains(name);
            b.append("| `")
                    .append(name)
                    .append("` | ")
                    .append(mutant ? "mutant" : "design")
                    .append(" | ");
            b.append(String.join(", ", e.getValue()))
                    .append(" | ")
                    .append(standard.get(name))
                    .append(" | ");
            b.append(m.group(1).replace("|", "\\|")).append(" |\n");
        }
        return b.toString();
    }

    /**
     * The CONSTANTS section: every constant's value, then MC.tla's substitutions: the mutants' override points, then
     * the budgets.
     */
    public static String constantsSection(Map<String, Object> constants, boolean modelValues) {
        StringBuilder b = new StringBuilder("CONSTANTS\n");
        constants.forEach((k, v) -> b.append("  ")
                .append(k)
                .append(" = ")
                .append(cfgValue(k, v, modelValues && UE_SETS.contains(k) ? "u" : ""))
                .append('\n'));
        for (String o : Options.overridePoints())
            b.append("  ").append(o).append(" <- MC").append(o).append('\n');
        for (Budget budget : Budget.values())
            b.append("  ").append(budget).append(" <- MC").append(budget).append('\n');
        return b.toString();
    }

    /** The constants whose values are UEs; with symmetry, written as model values u1..uN (TLC permutes only those). */
    static final List<String> UE_SETS =
            List.of("UEs", "EmergencyUEs", "UnauthUEs", "NoContextUEs", "WeakUEs", "SrvccIncapableUEs");

    /** A constant's value in cfg syntax; {@code ue} prefixes each UE number ("u": model values). */
    static String cfgValue(String key, Object v, String ue) {
        if (key.equals("UEs")) {
            long n = ((Number) v).longValue();
            List<String> ids = new ArrayList<>();
            for (long i = 1; i <= n; i++) ids.add(ue + i);
            return "{" + String.join(", ", ids) + "}";
        }
        if (v instanceof Boolean b) return b ? "TRUE" : "FALSE";
        if (v instanceof Number n) return String.valueOf(n.longValue());
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            for (Object o : l) parts.add(o instanceof String s ? "\"" + s + "\"" : ue + o);
            return "{" + String.join(", ", parts) + "}";
        }
        return "\"" + v + "\"";
    }
}

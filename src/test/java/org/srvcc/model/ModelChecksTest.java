package org.srvcc.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.srvcc.Tlc;
import org.srvcc.cli.Main;
import org.srvcc.files.Json;
import org.srvcc.procedure.Action;
import org.srvcc.procedure.Invariants;
import org.srvcc.tlc.InOrder;
import org.srvcc.tlc.TlaValue;
import org.srvcc.tlc.TlcRunner;
import org.srvcc.tlc.ToolOutput;

/** Runs every build model of the manifest through TLC (child JVMs) and checks results and counts. */
@Tlc
class ModelChecksTest {
    static final Path HOME = Path.of("").toAbsolutePath();

    @Test
    void wholeManifestAsExpected() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int rc = Main.run(
                new String[] {"check", "--quiet", "--jobs", "2", "--out", "target/check"},
                new PrintWriter(out),
                new PrintWriter(err));
        assertEquals(0, rc, () -> out + "\n" + err);
        assertTrue(out.toString().contains("as expected"), out::toString);
    }

    @Test
    void everyInvariantAndPropertyHasAModelThatViolatesIt() throws Exception {
        Manifest m = new Manifest(HOME);
        Set<String> violatedSomewhere = new HashSet<>();
        Set<String> targeted = new HashSet<>();
        for (Manifest.Model model : m.models) {
            if (!model.build()) continue;
            violatedSomewhere.addAll(model.expectViolated());
            targeted.addAll(model.targets());
            assertTrue(
                    model.expectViolated().containsAll(model.targets()), model.name() + " does not violate its target");
        }
        // every part of every invariant (TypeOK included) and both temporal properties
        List<String> needed = new ArrayList<>(Invariants.ALL.keySet());
        needed.addAll(Manifest.TEMPORAL);
        assertEquals(
                new HashSet<>(needed.subList(0, needed.size() - 2)),
                new HashSet<>(m.models.get(0).invariants()),
                "the manifest checks every part");
        for (String inv : needed)
            assertTrue(
                    violatedSomewhere.contains(inv) && targeted.contains(inv),
                    inv + " has no model that targets it and fails");
        String spec = Files.readString(HOME.resolve("spec/Srvcc.tla"));
        for (String inv : needed)
            assertTrue(spec.contains("\n" + inv + " =="), inv + " is not defined in spec/Srvcc.tla");
        for (String inv : Invariants.PARTS.keySet())
            assertTrue(spec.contains("\n" + inv + " =="), inv + " is not defined in spec/Srvcc.tla");
    }

    @Test
    void everySuccessModelPinsItsStateCounts() throws Exception {
        for (Manifest.Model model : new Manifest(HOME).models) {
            if (!model.build()
                    || !model.expectViolated().isEmpty() && !model.mode().equals("safety")) continue;
            // a probe whose every invariant is expected violated has no final run to pin
            if (model.mode().equals("safety") && model.expectViolated().containsAll(model.invariants())) continue;
            assertTrue(model.expectDistinct() > 0 && model.expectGenerated() >= model.expectDistinct(), model.name());
        }
    }

    @Test
    void committedConfigsMatchTheManifest() throws Exception {
        for (Manifest.Model model : new Manifest(HOME).models) {
            Path cfg = HOME.resolve("model-checks/generated/MC" + model.name() + ".cfg");
            assertTrue(Files.exists(cfg), cfg + " missing: run ./srvcc check --write-configs");
            assertEquals(
                    model.cfg(model.invariants()),
                    Files.readString(cfg),
                    cfg + " is stale: run ./srvcc check --write-configs");
        }
        assertEquals(
                Manifest.onceModule(),
                Files.readString(HOME.resolve("model-checks").resolve(Manifest.ONCE_MODULE)),
                "model-checks/MCOnce.tla is stale: run ./srvcc check --write-configs");
        assertEquals(
                Manifest.firedModule(),
                Files.readString(HOME.resolve("model-checks").resolve(Manifest.FIRED_MODULE)),
                "model-checks/MCFired.tla is stale: run ./srvcc check --write-configs");
        // a configuration without a manifest entry is a model nobody checks
        Set<String> named = new HashSet<>();
        for (Manifest.Model model : new Manifest(HOME).models) named.add("MC" + model.name() + ".cfg");
        try (var files = Stream.concat(
                Files.list(HOME.resolve("model-checks/generated")), Files.list(HOME.resolve("model-checks")))) {
            List<String> orphans = files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".cfg") && !named.contains(f))
                    .sorted()
                    .toList();
            assertEquals(List.of(), orphans, "configurations without a manifest model");
        }
    }

    /**
     * The one-run check of MCOnce.tla finds what one stopped run per part finds: the same parts, each with the
     * same trace, state for state, and the same counts. The models have several parts failing at one state
     * (MutantMmeMapsNoKeyKsi: TypeOK, SentKsiIsNgKsi and NothingKeyedFromNoKsi at step 3), a property of steps
     * failing with a state part at one step (MutantAmfRewindsCount) and parts failing at different depths.
     */
    @Test
    void oneRunFindsWhatOneRunPerPartFinds() throws Exception {
        Manifest manifest = new Manifest(HOME);
        ModelCheck mc = new ModelCheck(manifest);
        List<Manifest.Model> models = new ArrayList<>();
        for (String name : List.of("MutantMmeMapsNoKeyKsi", "MutantAmfRewindsCount", "DraftDirectAsWritten")) {
            Manifest.Model model = manifest.model(name);
            assertTrue(model.checksOnce(), name);
            models.add(model);
        }
        // each model checked both ways, the runs side by side
        List<ModelCheck.Result> results = InOrder.map(
                IntStream.range(0, 2 * models.size()).boxed().toList(),
                i -> i % 2 == 0 ? mc.check(models.get(i / 2), 1, null) : mc.checkEachPart(models.get(i / 2), 1, null));
        for (int k = 0; k < models.size(); k++) {
            String name = models.get(k).name();
            ModelCheck.Result once = results.get(2 * k), each = results.get(2 * k + 1);
            assertTrue(once.ok() && each.ok(), () -> once.problems() + " " + each.problems());
            assertEquals(each.violated(), once.violated(), name);
            for (int i = 0; i < each.violations().size(); i++)
                assertEquals(
                        each.violations().get(i).trace(),
                        once.violations().get(i).trace(),
                        name);
            assertEquals(each.distinct(), once.distinct(), name);
            assertEquals(each.generated(), once.generated(), name);
        }
    }

    /**
     * mustFire fails for an action that never moves a model: AttackerReplay without a replay left (never enabled;
     * a model of MCFired.tla) and the standard's refused reverse SRVCC (enabled, but it changes nothing; a model of
     * MCOnce.tla). The models where the action moves the state pass.
     */
    @Test
    @SuppressWarnings("unchecked")
    void anActionThatNeverChangesTheStateIsReportedNeverFired() throws Exception {
        Map<String, Object> root =
                (Map<String, Object>) Json.parse(Files.readString(HOME.resolve("model-checks/manifest.json")));
        List<Object> models = new ArrayList<>();
        for (Object o : (List<Object>) root.get("models")) {
            Map<String, Object> m = new LinkedHashMap<>((Map<String, Object>) o);
            String name = (String) m.get("name");
            if (!List.of("Ts33501Replay", "MutantAllowReverseSrvcc", "MutantUeSkipsReauth")
                    .contains(name)) continue;
            models.add(m);
            if (name.equals("Ts33501Replay")) { // no replay left: AttackerReplay is never enabled
                Map<String, Object> twin = new LinkedHashMap<>(m),
                        set = new LinkedHashMap<>((Map<String, Object>) m.get("set"));
                set.put("MaxReplays", 0);
                twin.putAll(Map.of("name", "NeverReplay", "set", set, "expect", Map.of()));
                models.add(twin);
            } else if (name.equals("MutantUeSkipsReauth")) { // the standard refuses reverse SRVCC: a step to itself
                Map<String, Object> twin = new LinkedHashMap<>(m);
                twin.putAll(Map.of("name", "NeverReverse", "mustFire", List.of("UeRequestReverseSrvcc")));
                models.add(twin);
            }
        }
        root.put("models", models);
        Manifest manifest = new Manifest(HOME, Json.write(root));
        ModelCheck mc = new ModelCheck(manifest);
        assertFalse(manifest.model("NeverReplay").checksOnce());
        assertTrue(manifest.model("NeverReverse").checksOnce());
        List<String> names = List.of("Ts33501Replay", "MutantAllowReverseSrvcc", "NeverReplay", "NeverReverse");
        List<ModelCheck.Result> results = InOrder.map(names, name -> mc.check(manifest.model(name), 1, null));
        for (int k = 0; k < 2; k++) {
            String name = names.get(k);
            assertEquals(List.of(), results.get(k).problems(), name);
            assertEquals(
                    Set.copyOf(manifest.model(name).mustFire()), results.get(k).fired(), name);
        }
        assertEquals(
                List.of("action AttackerReplay never fired"), results.get(2).problems());
        assertEquals(
                List.of("action UeRequestReverseSrvcc never fired"),
                results.get(3).problems());
    }

    /**
     * MCFired.tla against TLC's own coverage, every action of a model with faults: an action that found a new state
     * fired, and an action that fired generated a state. Between the two lie the actions whose steps change the
     * state but only ever to states found first by another action.
     */
    @Test
    void firedAgreesWithTlcsCoverage() throws Exception {
        Manifest manifest = new Manifest(HOME);
        Manifest.Model faults = manifest.model("Ts33501Faults");
        List<String> all = Arrays.stream(Action.values()).map(Enum::name).toList();
        Manifest.Model every = new Manifest.Model(
                faults.name(),
                faults.group(),
                faults.row(),
                faults.mode(),
                faults.constants(),
                faults.invariants(),
                faults.expectViolated(),
                faults.expectDistinct(),
                faults.expectGenerated(),
                faults.budgetSeconds(),
                faults.build(),
                all,
                faults.note(),
                faults.targets(),
                faults.symmetry(),
                faults.expectSteps(),
                faults.view());
        TlcRunner tlc = new TlcRunner(HOME);
        Path dir = HOME.resolve("model-checks");
        ToolOutput fired = tlc.run(
                        dir, Manifest.FIRED_MODULE, every.cfg(every.invariants(), false, true), List.of(), 1, 600, null)
                .output();
        ToolOutput covered = tlc.run(
                        dir, "MC.tla", faults.cfg(faults.invariants()), List.of("-coverage", "1"), 1, 600, null)
                .output();
        assertTrue(fired.success() && covered.success());
        Set<String> newStates = new TreeSet<>(), anyStep = new TreeSet<>();
        covered.coverage().forEach((a, c) -> {
            if (!a.equals("Init") && c.found() > 0) newStates.add(a);
            if (!a.equals("Init") && c.generated() > 0) anyStep.add(a);
        });
        assertTrue(fired.fired().containsAll(newStates), () -> newStates + " not all in " + fired.fired());
        assertTrue(anyStep.containsAll(fired.fired()), () -> fired.fired() + " not all in " + anyStep);
        assertTrue(newStates.containsAll(faults.mustFire()), "the manifest's mustFire, by coverage");
        // the refused reverse SRVCC is a step (TLC counts it) that changes nothing: it does not fire
        assertTrue(anyStep.contains("UeRequestReverseSrvcc") && !fired.fired().contains("UeRequestReverseSrvcc"));
    }

    @Test
    void toolOutputParsing() {
        String raw = "@!@!@STARTMSG 2110:1 @!@!@\nInvariant KeyAgreement is violated.\n@!@!@ENDMSG 2110 @!@!@\n"
                + "@!@!@STARTMSG 2217:4 @!@!@\n1: <Initial predicate>\n/\\ msgs = {}\n/\\ x = <<1, "
                + "\"a\">>\n\n@!@!@ENDMSG 2217 @!@!@\n"
                + "@!@!@STARTMSG 2217:4 @!@!@\n2: <AmfStartSrvcc line 3, col 1 to line 4, col 2 of module Srvcc>\n"
                + "/\\ msgs = {[type |-> \"PsToCsRequest\", ue |-> 1, att |-> 1, copy |-> 1, key |-> [kind |-> "
                + "\"kamf\", id |-> 1], ksi |-> 1, count |-> 0, session |-> \"normal\"]}\n"
                + "/\\ x = <<2, \"b\">>\n\n@!@!@ENDMSG 2217 @!@!@\n"
                + "@!@!@STARTMSG 2199:0 @!@!@\n1,234 states generated, 567 distinct states found, 0 states left on "
                + "queue.\n@!@!@ENDMSG 2199 @!@!@\n";
        ToolOutput o = new ToolOutput(raw);
        assertEquals("KeyAgreement", o.violatedInvariant());
        assertFalse(o.success());
        List<ToolOutput.TraceState> t = o.trace();
        assertEquals(2, t.size());
        assertEquals("AmfStartSrvcc", t.get(1).action());
        assertEquals(List.of(2L, "b"), t.get(1).value("x"));
        assertEquals(567, o.stats()[0]);
        assertEquals(1234, o.stats()[1]);
        Flow flow = Flow.ofTlc("t", t, "draft-direct", "KeyAgreement");
        assertEquals(
                List.of("AMF -> MSC: PsToCsRequest(ue 1, att 1, key KAMF1, KSI 1)"),
                Flow.lines(flow.steps().get(0)));
        assertEquals(1, flow.steps().get(0).number());
    }

    @Test
    void flowStepsAreNumberedConsecutivelyWhateverTlcNumbers() {
        List<ToolOutput.TraceState> t = List.of(
                new ToolOutput.TraceState(1, "Init", Map.of("msgs", "{}")),
                new ToolOutput.TraceState(2, "GnbSendHandoverRequired", Map.of("msgs", "{}")),
                new ToolOutput.TraceState(2, "AmfTimerExpiry", Map.of("msgs", "{}")),
                new ToolOutput.TraceState(3, "UeArriveUtran", Map.of("msgs", "{}")));
        Flow f = Flow.ofTlc("t", t, "ts33501", null);
        assertEquals(List.of(1, 2, 3), f.steps().stream().map(Flow.Step::number).toList());
        assertEquals("gNB", f.steps().get(0).node());
        assertEquals("GnbSendHandoverRequired", ToolOutput.actionName("MCGnbSendHandoverRequired"));
        assertEquals("MscRestart", ToolOutput.actionName("MscRestart"));
    }

    @Test
    void tlaValuesRoundTrip() {
        String text = "[a |-> {1, 2}, b |-> <<\"x\", TRUE>>, c |-> [kind |-> \"none\"]]";
        Object v = TlaValue.parse(text);
        assertEquals(v, TlaValue.parse(TlaValue.write(v)));
        assertEquals("[a |-> {1, 2}, b |-> <<\"x\", TRUE>>, c |-> [kind |-> \"none\"]]", TlaValue.write(v));
    }
}

package org.srvcc.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.srvcc.Tlc;
import org.srvcc.procedure.Action;
import org.srvcc.procedure.Bounds;
import org.srvcc.procedure.Options;
import org.srvcc.procedure.Profile;
import org.srvcc.procedure.Step;
import org.srvcc.simulation.Setup;
import org.srvcc.simulation.Simulation;

/** The Java implementation against the TLA+ model, judged by TLC. */
@Tlc
class ConformanceTest {
    static final Path HOME = Path.of("").toAbsolutePath();

    @Test
    void randomFaultInjectedTracesAreBehavioursOfTheModel() throws Exception {
        TraceValidation.Result t = new TraceValidation(HOME)
                .validate(Conformance.randomRuns(Conformance.traceSetups(List.of(Profile.values())), 240, 20261128));
        assertTrue(t.errors().isEmpty(), t.errors().toString());
        assertTrue(t.rejections().isEmpty(), () -> "rejected: " + t.rejections().get(0));
        assertEquals(240, t.runs());
        assertTrue(t.steps() >= 240 * 10, "only " + t.steps() + " steps validated");
    }

    @Test
    void everyTransitionOfTheSmallModelsReplaysInJava() throws Exception {
        Set<Action> covered = EnumSet.noneOf(Action.class);
        // TLC's state graphs of the thirteen small models, transition by transition (deterministic). In every
        // state reached, every key's octets must equal its term evaluated with the JDK's HmacSHA256, and Java's
        // invariant parts must give TLC's verdict (TLC writes it into each dumped state). The last seven
        // models feed COUNTs above 0 into the KDFs, use FC 0x74, the AMF's EPS derivations without the COUNT
        // increment, the capability attacker on N2, N26 and Sv and on
        // the radio, a UE with no 5G security context (no SIM, KSI 7), the draft's split, and a mutant with a fault:
        // their graphs hold violating states, so the
        // verdicts are compared where they matter.
        Iterator<Integer> expected = List.of(
                        951, 951, 410, 18156, 32238, 3682, 15515, 65520, 46600, 7225, 42986, 847, 4783)
                .iterator();
        Iterator<Integer> violating =
                List.of(0, 0, 0, 0, 0, 5, 10, 7647, 5184, 454, 0, 301, 928).iterator();
        long keys = 0;
        List<Setup> setups = Conformance.replaySetups(List.of(Profile.values()));
        List<ModelReplay.Result> results = Conformance.replays(HOME, setups);
        for (int i = 0; i < setups.size(); i++) {
            Setup s = setups.get(i);
            ModelReplay.Result r = results.get(i);
            assertTrue(
                    r.divergences().isEmpty(),
                    () -> s.text() + " diverged: " + r.divergences().get(0));
            assertEquals(r.transitions(), r.behaviours(), "every transition replayed once");
            assertEquals(expected.next(), r.transitions(), s.text());
            assertEquals(r.states(), r.verdictsCompared(), "a verdict compared in every state of " + s.text());
            assertEquals(violating.next(), r.violatingStates(), s.text());
            keys += r.keysChecked();
            for (String a : r.actionsCovered()) covered.add(Action.valueOf(a));
        }
        // every key handle of every state a transition reaches (611,378 when written; the states on the path to it
        // were checked when the walk first reached them)
        assertTrue(keys > 600_000, "key handles term-checked: " + keys);
        // Every action of the procedure occurs in some replayed model, except the mutant-only one and the
        // refused reverse SRVCC, which changes nothing (TLC's state graph has no self-loops to replay).
        for (Action a : Action.values())
            if (a != Action.UeSkipReauth && a != Action.UeRequestReverseSrvcc)
                assertTrue(covered.contains(a), a + " never replayed");
    }

    record MutantCase(String option, Set<Simulation.Fault> flow, Action divergesAt) {}

    @Test
    void everyMutantTraceIsRejectedWhereItLeavesTheModel() throws Exception {
        List<MutantCase> cases = List.of(
                new MutantCase("amfSendsKamf=true", Set.of(), Action.AmfStartSrvcc),
                new MutantCase("mmeMapsWrongKsi=true", Set.of(), Action.MmeHandleForwardRelocationRequest),
                new MutantCase("mmeMapsNoKeyKsi=true", Set.of(), Action.MmeHandleForwardRelocationRequest),
                new MutantCase("nullAlgorithmsAlways=true", Set.of(), Action.MscHandlePsToCsRequest),
                new MutantCase(
                        "allowReverseSrvcc=true", Set.of(Simulation.Fault.REVERSE), Action.UeRequestReverseSrvcc));
        Bounds b = Bounds.of(1).attempts(4).count(8).kamf(4).faults(2);
        List<TraceValidation.Run> runs = new ArrayList<>();
        for (MutantCase c : cases) {
            Setup mutant = Setup.of(Profile.TS33501, Options.STANDARD.with(List.of(c.option())), b);
            Simulation.Result r = Simulation.run(mutant, c.flow());
            runs.add(new TraceValidation.Run(mutant, r.steps(), Options.STANDARD));
        }
        // ueSkipsReauth: the UE comes back to 5G on its old KAMF after the call.
        Setup skip = Setup.of(Profile.TS33501, Options.STANDARD.with(List.of("ueSkipsReauth=true")), b);
        List<Step> steps = new ArrayList<>(Simulation.run(skip, Set.of()).steps());
        steps.add(new Step(Action.UeEndCall, 1, 0));
        steps.add(new Step(Action.UeSkipReauth, 1, 0));
        runs.add(new TraceValidation.Run(skip, steps, Options.STANDARD));
        TraceValidation.Result res = new TraceValidation(HOME).validate(runs);
        assertEquals(cases.size() + 1, res.rejections().size(), () -> "rejections: " + res.rejections());
        for (TraceValidation.Rejection x : res.rejections()) {
            String opt = x.run().setup().options().diffText();
            Action expected = opt.contains("ueSkipsReauth")
                    ? Action.UeSkipReauth
                    : cases.stream()
                            .filter(c -> opt.contains(c.option()))
                            .findFirst()
                            .orElseThrow()
                            .divergesAt();
            assertEquals(expected, x.javaStep().action(), opt + " diverged elsewhere: " + x);
            assertTrue(!x.changedByJava().isEmpty());
            assertTrue(
                    x.modelAllows().contains("differs in") || x.modelAllows().contains("does not allow"),
                    x.modelAllows());
        }
    }
}

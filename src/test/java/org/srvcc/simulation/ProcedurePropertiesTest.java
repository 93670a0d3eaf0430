package org.srvcc.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.srvcc.model.Flow;
import org.srvcc.procedure.Action;
import org.srvcc.procedure.Bounds;
import org.srvcc.procedure.Capabilities;
import org.srvcc.procedure.Invariants;
import org.srvcc.procedure.MscServer;
import org.srvcc.procedure.Options;
import org.srvcc.procedure.Profile;
import org.srvcc.procedure.Srvcc;
import org.srvcc.procedure.Step;
import org.srvcc.procedure.Ue;

/** Random action sequences over every profile: all invariants after every step. */
class ProcedurePropertiesTest {
    /** Setups where the standard procedure must keep every invariant: faults, emergency, two UEs, a compromised gNB. */
    static List<Setup> holdingSetups() {
        Bounds one = Bounds.of(1)
                .attempts(4)
                .count(15)
                .kamf(4)
                .faults(3); // at most 15 DL NAS messages: within the 4-bit window
        Bounds two = Bounds.of(2).attempts(3).count(15).kamf(5).faults(3);
        return List.of(
                new Setup(Profile.TS33501, Options.STANDARD, one, Set.of(), Set.of(), Set.of("gNB"), 1),
                new Setup(Profile.TS33501, Options.STANDARD, two, Set.of(1), Set.of(2), Set.of(), 1),
                // a received run of 15 DL NAS messages: estimates across the 4-bit wrap (model Ts33501)
                new Setup(
                        Profile.TS33501,
                        Options.STANDARD,
                        Bounds.of(1).attempts(3).count(2).kamf(3).faults(1).nasRuns(true, false),
                        Set.of(),
                        Set.of(),
                        Set.of(),
                        1),
                // the AMF also derives K'ASME for EPS (model Ts33501EpsMobility); with FC 0x74 too (Ts33501Reuse74)
                new Setup(
                        Profile.TS33501, Options.STANDARD, two.withEpsMobility(true), Set.of(), Set.of(2), Set.of(), 1),
                new Setup(
                        Profile.TS33501,
                        Options.STANDARD.with(List.of("amfFc=reuse-0x74")),
                        one.withEpsMobility(true),
                        Set.of(),
                        Set.of(),
                        Set.of(),
                        1),
                new Setup(Profile.DRAFT_VIA_MME, Options.STANDARD, one, Set.of(), Set.of(), Set.of(), 1),
                new Setup(Profile.DRAFT_VIA_MME, Options.STANDARD, two, Set.of(), Set.of(1), Set.of(), 1),
                new Setup(Profile.DRAFT_DIRECT, Options.STANDARD, one, Set.of(), Set.of(), Set.of(), 1),
                new Setup(Profile.DRAFT_DIRECT, Options.STANDARD, two, Set.of(2), Set.of(1), Set.of("gNB"), 1),
                // UE 1 has UEA1/UIA1 only, UE 2 no 5G-SRVCC capability, and an attacker on NGAP strips and forges
                // "5G-SRVCC operation possible": the proposed AMF check keeps UE 2 out of SRVCC (model
                // Ts33501TamperN2AmfCheck)
                new Setup(
                        Profile.TS33501,
                        Options.STANDARD.with(List.of("amfChecksSrvccCapability=true")),
                        two,
                        Set.of(),
                        Set.of(),
                        Set.of(),
                        1,
                        new Capabilities(Set.of(1), Set.of(2), Set.of("N2"), 2)),
                // UE 2 has no 5G security context (no SIM): KSI 7, no key anywhere (models Ts33501NoContext,
                // DraftDirectNoContext)
                new Setup(
                        Profile.TS33501,
                        Options.STANDARD,
                        two,
                        Set.of(),
                        Set.of(2),
                        Set.of(),
                        1,
                        Capabilities.noContext(Set.of(2))),
                new Setup(
                        Profile.DRAFT_DIRECT,
                        Options.STANDARD,
                        two,
                        Set.of(),
                        Set.of(2),
                        Set.of(),
                        1,
                        Capabilities.noContext(Set.of(2))));
    }

    @Test
    void tenThousandRandomSequencesKeepEveryInvariant() {
        Runner runner = Runner.defaultWeights();
        Runner.Stats stats = new Runner.Stats();
        // 1,500 per setup; the mutation profile (mvn -Pmutation) runs 200, so that PIT can afford the test per mutant
        int perSetup = Integer.getInteger("srvcc.property.runs", 1500);
        long seed = 7;
        for (Setup s : holdingSetups()) {
            Runner.Run bad = runner.explore(s, seed++, perSetup, 60, stats);
            assertNull(
                    bad,
                    () -> "violated " + bad.violated() + " in " + s.text() + ":\n"
                            + Flow.ofSteps("", bad.setup(), bad.steps(), bad.violated())
                                    .render());
        }
        assertEquals((long) holdingSetups().size() * perSetup, stats.runs, "runs");
        // Every step of the procedure, every failure point and every fault happened somewhere.
        Set<Action> notHere = EnumSet.of(
                Action.UeSkipReauth,
                Action.NetReorderDownlink,
                Action.AttackerReplay,
                Action.UeMissNasRun,
                Action.AttackerRewriteCapability,
                Action.AttackerForgeRegistration); // these break invariants: tests below
        for (Action a : Action.values())
            if (!notHere.contains(a))
                assertTrue(stats.taken.getOrDefault(a, 0L) > 0, a + " never occurred in " + stats.steps + " steps");
    }

    /** The model's Ts33501MissedRun in Java: a missed run of 16 DL NAS messages, then a handover, breaks agreement. */
    @Test
    void missingARunOfSixteenNasMessagesBreaksAgreement() {
        Setup s = Setup.of(
                Profile.TS33501,
                Options.STANDARD,
                Bounds.of(1).attempts(1).count(1).kamf(1).nasRuns(false, true));
        List<Step> steps = new ArrayList<>();
        for (String a : List.of(
                "UeMissNasRun",
                "GnbSendHandoverRequired",
                "AmfStartSrvcc",
                "MmeHandleForwardRelocationRequest",
                "MscHandlePsToCsRequest",
                "MmeHandlePsToCsResponse",
                "AmfHandleResponse",
                "GnbForwardHandoverCommand",
                "UeHandleHandoverCommand",
                "UeArriveUtran",
                "MscHandleHandoverComplete")) steps.add(new Step(Action.valueOf(a), 1, 0));
        Runner.Run r = Runner.replay(s, steps);
        assertEquals(steps.size(), r.steps().size(), "a step of the model's trace is not enabled in Java");
        assertEquals("KeyAgreement", r.violated());
    }

    /**
     * The capability attacker on N26 and Sv (models Ts33501TamperCapability*): random runs find the
     * algorithm selection broken and nothing else; keys stay confined and agreed.
     */
    @Test
    void capabilityRewritesBreakOnlyAlgorithmSelection() {
        for (Profile p : Profile.values()) {
            Runner.Stats stats = new Runner.Stats();
            Setup s = new Setup(
                    p,
                    Options.STANDARD,
                    Bounds.of(1).attempts(2).count(4).kamf(2),
                    Set.of(),
                    Set.of(),
                    Set.of(),
                    1,
                    new Capabilities(Set.of(), Set.of(), Set.of("N26", "Sv"), 1));
            Runner.Run bad = Runner.defaultWeights().explore(s, 5, 20000, 60, stats);
            assertTrue(bad != null, "no violation in " + p);
            assertEquals("AlgorithmSelection", bad.violated(), p.toString());
            assertTrue(stats.taken.getOrDefault(Action.AttackerRewriteCapability, 0L) > 0);
        }
    }

    /**
     * A forged Registration Request of an unprotected (unauthenticated emergency) UE (model Ts33501ForgeRegistration).
     */
    @Test
    void forgedRegistrationOfAnUnprotectedUeBreaksOnlyTheSrvccCapability() {
        Runner.Stats stats = new Runner.Stats();
        Setup s = new Setup(
                Profile.TS33501,
                Options.STANDARD,
                Bounds.of(1).attempts(1).count(2).kamf(1),
                Set.of(),
                Set.of(1),
                Set.of(),
                1,
                new Capabilities(Set.of(), Set.of(1), Set.of("Uu"), 1));
        Runner.Run bad = Runner.defaultWeights().explore(s, 9, 20000, 40, stats);
        assertTrue(bad != null, "no violation");
        assertEquals("SrvccCapabilityHonoured", bad.violated());
        assertTrue(stats.taken.getOrDefault(Action.AttackerForgeRegistration, 0L) > 0);
    }

    @Test
    void radioReplayBreaksOnlyAgreement() {
        // The radio attacker: the model finds KeyAgreement violated (a denial of service, model
        // Ts33501Replay); random Java runs find the same and nothing else.
        Runner.Stats stats = new Runner.Stats();
        Setup s = Setup.of(
                Profile.TS33501,
                Options.STANDARD.with(List.of("countLsbBits=2")),
                Bounds.of(1).attempts(2).count(4).kamf(2).replays(1));
        Runner.Run bad = Runner.defaultWeights().explore(s, 3, 20000, 60, stats);
        assertTrue(bad != null, "no violation");
        assertEquals("KeyAgreement", bad.violated());
        assertTrue(stats.taken.getOrDefault(Action.AttackerReplay, 0L) > 0);
    }

    @Test
    void downlinkReorderingCounterexampleOfTheModelReproducesInJava() {
        // TLC's shortest counterexample for model Ts33501DownlinkReorder, step for step.
        Setup s = Setup.of(
                Profile.TS33501,
                Options.STANDARD.with(List.of("countLsbBits=2")),
                Bounds.of(1).attempts(2).count(2).kamf(1).reorders(1));
        List<Step> steps = new ArrayList<>();
        for (String a : List.of(
                "GnbSendHandoverRequired",
                "AmfStartSrvcc",
                "MmeHandleForwardRelocationRequest",
                "MscHandlePsToCsRequest",
                "MmeHandlePsToCsResponse",
                "AmfHandleResponse",
                "GnbCancel",
                "AmfHandleHandoverCancel",
                "NetReorderDownlink",
                "GnbHandleCancelAcknowledge",
                "GnbSendHandoverRequired",
                "GnbForwardHandoverCommand",
                "AmfStartSrvcc",
                "MmeHandleForwardRelocationRequest",
                "MscHandlePsToCsRequest",
                "UeHandleHandoverCommand",
                "UeArriveUtran",
                "MscHandleHandoverComplete")) steps.add(new Step(Action.valueOf(a), 1, 0));
        Runner.Run r = Runner.replay(s, steps);
        assertEquals(steps.size(), r.steps().size(), "a step of the model's trace is not enabled in Java");
        assertEquals("KeyAgreement", r.violated());
    }

    @Test
    void theFourLsbEstimateHoldsUpToFifteenMissedNasMessagesAndFailsAtSixteen() {
        for (int missed : new int[] {0, 1, 15, 16, 17}) {
            Setup s = Setup.of(
                    Profile.TS33501,
                    Options.STANDARD,
                    Bounds.of(1).attempts(1).count(40).kamf(1));
            Srvcc x = s.start();
            for (int i = 0; i < missed; i++) {
                x.apply(new Step(Action.AmfSendDownlinkNas, 1, 0));
                x.apply(new Step(Action.UeMissDownlinkNas, 1, 0));
            }
            Simulation.Result r = continueSuccess(s, x);
            boolean agree = r.violated().isEmpty();
            assertEquals(missed < 16, agree, missed + " missed: " + r.violated());
            if (missed < 16) { // not merely "no violation": the UE is in the call, on the MSC's keys
                assertEquals(Ue.State.InUtranCall, x.ue(1).state(), missed + " missed");
                assertEquals(MscServer.State.Active, x.msc(1).state(), missed + " missed");
                assertTrue(Invariants.csKeysAgree(x, 1), missed + " missed");
                assertEquals(x.msc(1).key(), x.ue(1).key(), missed + " missed: same term");
            }
        }
    }

    private static Simulation.Result continueSuccess(Setup s, Srvcc x) {
        x.apply(new Step(Action.GnbSendHandoverRequired, 1, 0));
        List<Step> steps = new ArrayList<>();
        return new Simulation.Result(steps, List.of(), x, Simulation.runToCompletion(x, steps), Set.of());
    }
}

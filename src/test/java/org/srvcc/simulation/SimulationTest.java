package org.srvcc.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.srvcc.cli.Main;
import org.srvcc.files.Json;
import org.srvcc.procedure.Bounds;
import org.srvcc.procedure.Invariants;
import org.srvcc.procedure.Options;
import org.srvcc.procedure.Profile;
import org.srvcc.procedure.Selection;
import org.srvcc.procedure.Ue;

class SimulationTest {
    @Test
    void everyFaultClassEndsWithEveryInvariantHolding() {
        for (Profile p : Profile.values())
            for (Simulation.Fault f : Simulation.Fault.values()) {
                if (f == Simulation.Fault.PREP_REJECT_MME && !p.viaMme()) continue;
                if (f == Simulation.Fault.NAS_DURING_PREPARATION
                        || f == Simulation.Fault.CAPABILITY_STRIP
                        || f == Simulation.Fault.CAPABILITY_FORGE
                        || f == Simulation.Fault.SRVCC_INDICATION_FORGE) continue; // findings, tested below
                Setup s = Setup.of(
                        p,
                        Options.STANDARD,
                        Bounds.of(1).attempts(4).count(0xFFFFFF).kamf(4).faults(4));
                Simulation.Result r = Simulation.run(s, Set.of(f));
                assertTrue(r.violated().isEmpty(), p + " " + f + ": " + r.violated());
                assertTrue(r.notInjected().isEmpty(), p + " " + f + " was not injected");
            }
    }

    /**
     * A DL NAS message sent after the derivation and received before the HandoverCommand moves
     * the UE's stored COUNT past the one used: the default estimate (smallest COUNT >= stored)
     * then picks the next window and the keys differ; the closest-COUNT estimate does not, and a UE
     * that follows TS 33.401 14.1 keeps its greater stored COUNT (only the mutant lowers it).
     */
    @Test
    void aNasMessageOvertakingTheCommandBreaksAgreementUnderTheDefaultEstimate() {
        Bounds b = Bounds.of(1).attempts(4).count(0xFFFFFF).kamf(4).faults(4);
        for (Profile p : Profile.values()) {
            Simulation.Result smallest = Simulation.run(
                    Setup.of(p, Options.STANDARD.with(List.of("nasDuringHandover=true")), b),
                    Set.of(Simulation.Fault.NAS_DURING_PREPARATION));
            assertTrue(smallest.notInjected().isEmpty(), p.toString());
            assertEquals(List.of("KeyAgreement"), smallest.violated(), p.toString());
            Simulation.Result closest = Simulation.run(
                    Setup.of(p, Options.STANDARD.with(List.of("nasDuringHandover=true", "ueEstimate=closest")), b),
                    Set.of(Simulation.Fault.NAS_DURING_PREPARATION));
            assertEquals(List.of(), closest.violated(), p + ": the keys agree and the stored COUNT stays");
            closest.end().destroyKeys();
            Simulation.Result lowers = Simulation.run(
                    Setup.of(
                            p,
                            Options.STANDARD.with(List.of(
                                    "nasDuringHandover=true", "ueEstimate=closest", "ueLowersStoredCount=true")),
                            b),
                    Set.of(Simulation.Fault.NAS_DURING_PREPARATION));
            assertEquals(List.of("CountMonotonic"), lowers.violated(), p + ": the mutant's stored COUNT goes back");
            lowers.end().destroyKeys();
        }
        // without the option the AMF sends no NAS during the handover: the fault finds no place
        Simulation.Result off = Simulation.run(
                Setup.of(Profile.TS33501, Options.STANDARD, b), Set.of(Simulation.Fault.NAS_DURING_PREPARATION));
        assertEquals(Set.of(Simulation.Fault.NAS_DURING_PREPARATION), off.notInjected());
    }

    /**
     * The capability attacker (models Ts33501TamperCapability*, Ts33501TamperN2): stripping UEA2/UIA2
     * goes unnoticed and the call runs on UEA1/UIA1 with agreed keys; forging UEA2/UIA2 for a UE without
     * it ends in a failed handover; a forged NGAP indication is enough for an AMF that acts on it (TS 23.216
     * 6.5.4 as written) and is refused by one that checks the registered capability (the proposed measure).
     */
    @Test
    void capabilityTamperingIsSeenOnlyWhereTheUeCannotComply() {
        Bounds b = Bounds.of(1).attempts(4).count(0xFFFFFF).kamf(4).faults(4);
        for (Profile p : Profile.values()) {
            Simulation.Result strip =
                    Simulation.run(Setup.of(p, Options.STANDARD, b), Set.of(Simulation.Fault.CAPABILITY_STRIP));
            assertTrue(strip.notInjected().isEmpty(), p.toString());
            assertEquals(List.of("AlgorithmSelection"), strip.violated(), p.toString());
            assertEquals(Ue.State.InUtranCall, strip.end().ue(1).state(), p + ": the UE carried the command out");
            assertEquals(new Selection("uea1", "uia1"), strip.end().msc(1).alg(), p.toString());
            assertTrue(Invariants.csKeysAgree(strip.end(), 1), p + ": the keys still agree");
            strip.end().destroyKeys();
            Simulation.Result forge =
                    Simulation.run(Setup.of(p, Options.STANDARD, b), Set.of(Simulation.Fault.CAPABILITY_FORGE));
            assertTrue(forge.notInjected().isEmpty(), p.toString());
            assertEquals(List.of("AlgorithmSelection"), forge.violated(), p.toString());
            assertEquals(Ue.State.Connected5G, forge.end().ue(1).state(), p + ": the UE refused UEA2");
            forge.end().destroyKeys();
            Simulation.Result n2 =
                    Simulation.run(Setup.of(p, Options.STANDARD, b), Set.of(Simulation.Fault.SRVCC_INDICATION_FORGE));
            assertTrue(n2.notInjected().isEmpty(), p.toString());
            assertEquals(List.of("SrvccCapabilityHonoured"), n2.violated(), p.toString());
            assertEquals(1, n2.end().amf(1).att(), p + ": the AMF prepared SRVCC for a UE that cannot do it");
            n2.end().destroyKeys();
            Simulation.Result checked = Simulation.run(
                    Setup.of(p, Options.STANDARD.with(List.of("amfChecksSrvccCapability=true")), b),
                    Set.of(Simulation.Fault.SRVCC_INDICATION_FORGE));
            assertTrue(checked.notInjected().isEmpty() && checked.violated().isEmpty(), p + ": " + checked.violated());
            assertEquals(0, checked.end().amf(1).att(), p + ": the checking AMF prepared nothing");
            checked.end().destroyKeys();
        }
    }

    @Test
    void successAgreesForEveryProfileAndSession() {
        for (Profile p : Profile.values())
            for (String session : new String[] {"normal", "emergency", "emergency-unauth"}) {
                StringWriter out = new StringWriter(), err = new StringWriter();
                int rc = Main.run(
                        new String[] {"simulate", "--profile", p.toString(), "--session", session},
                        new PrintWriter(out),
                        new PrintWriter(err));
                assertEquals(0, rc, err.toString());
                String o = out.toString();
                assertTrue(o.contains("invariants: all hold after every step"), o);
                assertTrue(o.contains("ueState    InUtranCall") && o.contains("mscState   Active"), o);
                if (session.equals("emergency-unauth"))
                    assertTrue(o.contains("DIFFERENT keys") && o.contains("null"), o);
                else assertTrue(o.contains("same CK, IK and KSI") && !o.contains("null"), o);
                assertTrue(!o.matches("(?s).*[0-9a-f]{32}.*"), "key bytes printed without --show-keys");
            }
    }

    /** The printed flow and the NDJSON trace come from the one run: same steps, same messages. */
    @Test
    @SuppressWarnings("unchecked")
    void traceAndPrintedFlowAgreeStepByStep() throws Exception {
        Path t = Files.createTempDirectory("srvcc-sim").resolve("t.ndjson");
        StringWriter out = new StringWriter();
        assertEquals(
                0,
                Main.run(
                        new String[] {"simulate", "--faults", "cancel", "--trace", t.toString()},
                        new PrintWriter(out),
                        new PrintWriter(new StringWriter())));
        List<String> lines = Files.readAllLines(t);
        String printed = out.toString();
        for (int i = 1; i < lines.size(); i++) {
            Map<String, Object> e = (Map<String, Object>) Json.parse(lines.get(i));
            assertEquals((long) i, e.get("step"));
            for (Object m : (List<Object>) e.get("msg"))
                assertTrue(printed.contains((String) m), m + " not in the printed flow");
            assertTrue(
                    printed.contains(String.format("%3d. %s", i, e.get("action"))),
                    "step " + i + " " + e.get("action"));
        }
        assertTrue(printed.contains("trace: " + t + " (" + (lines.size() - 1) + " steps)"), printed);
    }

    @Test
    void showKeysPrintsMatchingKeysOnlyWhenAsked() {
        StringWriter out = new StringWriter();
        assertEquals(
                0,
                Main.run(
                        new String[] {"simulate", "--show-keys"},
                        new PrintWriter(out),
                        new PrintWriter(new StringWriter())));
        String[] lines = out.toString()
                .lines()
                .filter(l -> l.contains("CK_SRVCC"))
                .map(l -> l.trim().split("\\s+")[2])
                .toArray(String[]::new);
        assertEquals(2, lines.length);
        assertEquals(lines[0], lines[1]);
        assertEquals(32, lines[0].length());
    }

    @Test
    void badSimulateInputIsOneLine() {
        for (String[] a : new String[][] {
            {"simulate", "--faults", "bogus"},
            {"simulate", "--profile", "draft-direct", "--faults", "prep-reject-mme"},
            {"simulate", "--session", "x"},
            {"simulate", "--option", "nope=1"}
        }) {
            StringWriter err = new StringWriter();
            assertEquals(
                    2, Main.run(a, new PrintWriter(new StringWriter()), new PrintWriter(err)), String.join(" ", a));
            assertEquals(1, err.toString().strip().lines().count(), err.toString());
        }
    }
}

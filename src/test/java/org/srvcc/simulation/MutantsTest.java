package org.srvcc.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.srvcc.model.Flow;
import org.srvcc.procedure.Bounds;
import org.srvcc.procedure.Capabilities;
import org.srvcc.procedure.Options;
import org.srvcc.procedure.Profile;
import org.srvcc.procedure.Step;

/**
 * Every invariant has a switch that breaks it; the runner must find that invariant violated,
 * shrink the sequence, and the shrunk flow must replay to the same violation. Shrunk flows are
 * written to target/regressions; the ones kept in src/test/resources/regressions replay in
 * RegressionsTest.
 */
class MutantsTest {
    static Stream<Arguments> mutants() {
        Bounds b = Bounds.of(1).attempts(3).count(6).kamf(3).faults(1);
        return Stream.of(
                Arguments.of("TypeOK", Profile.TS33501, "mmeMapsNoKeyKsi=true", b, Set.of(), Capabilities.NONE),
                Arguments.of("KamfConfinement", Profile.TS33501, "amfSendsKamf=true", b, Set.of(), Capabilities.NONE),
                Arguments.of(
                        "KamfConfinement", Profile.DRAFT_DIRECT, "amfSendsKamf=true", b, Set.of(), Capabilities.NONE),
                Arguments.of("KeyAgreement", Profile.TS33501, "mmeCount=received", b, Set.of(), Capabilities.NONE),
                Arguments.of("KeyAgreement", Profile.DRAFT_VIA_MME, "ueKeyMode=split", b, Set.of(), Capabilities.NONE),
                Arguments.of(
                        "FailureLeavesNoUsableContext",
                        Profile.TS33501,
                        "mscDeletesOnFailure=false",
                        b,
                        Set.of(),
                        Capabilities.NONE),
                Arguments.of(
                        "FailureLeavesNoUsableContext",
                        Profile.TS33501,
                        "mscKeepsKsiOnFailure=true",
                        b,
                        Set.of(),
                        Capabilities.NONE),
                // without the COUNT increment CountMonotonic breaks at the first derivation: these two search on past
                // it
                Arguments.of(
                        "KeyFreshness!", Profile.TS33501, "amfIncrementsCount=false", b, Set.of(), Capabilities.NONE),
                Arguments.of(
                        "KeySeparation!",
                        Profile.TS33501,
                        "amfFc=reuse-0x74,amfIncrementsCount=false",
                        b.withEpsMobility(true),
                        Set.of(),
                        Capabilities.NONE),
                Arguments.of(
                        "ProjectKeyHygiene",
                        Profile.DRAFT_VIA_MME,
                        "mmeKeyMode=split,ueKeyMode=split",
                        b,
                        Set.of(),
                        Capabilities.NONE),
                Arguments.of("KsiMapping", Profile.TS33501, "mmeMapsWrongKsi=true", b, Set.of(), Capabilities.NONE),
                // a UE with no 5G security context (no SIM): the mutant AMF still sends a key, under KSI 7
                Arguments.of(
                        "KsiMapping",
                        Profile.TS33501,
                        "amfKeysWithoutContext=true",
                        b,
                        Set.of(),
                        Capabilities.noContext(Set.of(1))),
                Arguments.of(
                        "CountMonotonic", Profile.TS33501, "amfIncrementsCount=false", b, Set.of(), Capabilities.NONE),
                // DL NAS overtaking the command, the closest estimate below the stored COUNT, and a UE that stores it
                Arguments.of(
                        "CountMonotonic!",
                        Profile.TS33501,
                        "ueLowersStoredCount=true,nasDuringHandover=true,ueEstimate=closest",
                        b,
                        Set.of(),
                        Capabilities.NONE),
                Arguments.of(
                        "NoReverseSrvcc", Profile.TS33501, "allowReverseSrvcc=true", b, Set.of(), Capabilities.NONE),
                Arguments.of(
                        "ReauthBeforeReturn", Profile.TS33501, "ueSkipsReauth=true", b, Set.of(), Capabilities.NONE),
                Arguments.of(
                        "NullAlgorithmsOnlyWhenUnauthenticated",
                        Profile.TS33501,
                        "nullAlgorithmsAlways=true",
                        b,
                        Set.of(),
                        Capabilities.NONE),
                Arguments.of(
                        "NullAlgorithmsOnlyWhenUnauthenticated",
                        Profile.TS33501,
                        "mscIgnoresEmergency=true",
                        b,
                        Set.of(),
                        Capabilities.NONE),
                Arguments.of(
                        "NullAlgorithmsOnlyWhenUnauthenticated",
                        Profile.TS33501,
                        "ueKeepsSessionOnReauth=true",
                        b,
                        Set.of(),
                        Capabilities.NONE),
                Arguments.of("CkIkSecrecy", Profile.TS33501, "-", b, Set.of("MSC"), Capabilities.NONE),
                // the capability attacker: on N26 (Sv when direct) it rewrites the UE security capability,
                // on NGAP the 5G-SRVCC indication, on the radio an unprotected Registration Request
                Arguments.of(
                        "AlgorithmSelection",
                        Profile.TS33501,
                        "-",
                        b,
                        Set.of(),
                        new Capabilities(Set.of(), Set.of(), Set.of("N26"), 1)),
                Arguments.of(
                        "AlgorithmSelection",
                        Profile.DRAFT_DIRECT,
                        "-",
                        b,
                        Set.of(),
                        new Capabilities(Set.of(1), Set.of(), Set.of("Sv"), 1)),
                // with the UEA0 fallback allowed the attacker on N26 still bids the call down (to UEA1, or to UEA0 with
                // integrity on)
                Arguments.of(
                        "AlgorithmSelection!",
                        Profile.TS33501,
                        "mscAllowsUea0=true",
                        b,
                        Set.of(),
                        new Capabilities(Set.of(), Set.of(), Set.of("N26"), 1)),
                // TS 23.216 as written: the AMF acts on the gNB's indication (named, though it is the default, for a
                // file of its own)
                Arguments.of(
                        "SrvccCapabilityHonoured",
                        Profile.TS33501,
                        "amfChecksSrvccCapability=false",
                        b,
                        Set.of(),
                        new Capabilities(Set.of(), Set.of(1), Set.of("N2"), 1)),
                Arguments.of(
                        "SrvccCapabilityHonoured",
                        Profile.TS33501,
                        "-",
                        b,
                        Set.of(),
                        new Capabilities(Set.of(), Set.of(1), Set.of("Uu"), 1)));
    }

    @ParameterizedTest(name = "{0} <- {1} {2} {5}")
    @MethodSource("mutants")
    void mutantIsCaughtByTheInvariantItTargets(
            String name, Profile p, String option, Bounds b, Set<String> compromised, Capabilities caps)
            throws Exception {
        boolean targeted = name.endsWith("!");
        String invariant = targeted ? name.substring(0, name.length() - 1) : name;
        Options o = option.equals("-") ? Options.STANDARD : Options.STANDARD.with(List.of(option.split(",")));
        // the emergency mutant needs an unauthenticated emergency UE to show itself
        // (and the radio attacker on Registration needs a UE without NAS security)
        Setup s = new Setup(
                p,
                o,
                b,
                Set.of(),
                o.mscIgnoresEmergency()
                                || o.ueKeepsSessionOnReauth()
                                || caps.tamperedLinks().contains("Uu")
                                || !caps.noContextUes().isEmpty()
                        ? Set.of(1)
                        : Set.of(),
                compromised,
                1,
                caps);
        Runner runner = targeted ? Runner.defaultWeights().targeting(invariant) : Runner.defaultWeights();
        Runner.Run bad = runner.explore(s, 11, 5000, 60, null);
        assertNotNull(bad, "no violation found for " + option);
        assertEquals(
                invariant,
                bad.violated(),
                "first violation\n"
                        + Flow.ofSteps("", bad.setup(), bad.steps(), bad.violated())
                                .render());
        // Shrunk: the ddmin result replays to the same violation and no single step can be dropped.
        String only = targeted ? invariant : null;
        Runner.Run again = Runner.replay(s, bad.steps(), only);
        assertEquals(invariant, again.violated());
        for (int i = 0; i < bad.steps().size(); i++) {
            List<Step> fewer = new ArrayList<>(bad.steps());
            fewer.remove(i);
            assertTrue(
                    !invariant.equals(Runner.replay(s, fewer, only).violated())
                            || Runner.replay(s, fewer, only).steps().size() < fewer.size(),
                    "step " + (i + 1) + " could be dropped from the shrunk flow");
        }
        String flow = Flow.ofSteps("", s, bad.steps(), bad.violated()).render();
        assertTrue(flow.contains("=> " + invariant + " violated"));
        Path dir = Path.of("target/regressions");
        Files.createDirectories(dir);
        String scenario = Regressions.write(s, bad.steps(), invariant, targeted, flow);
        Files.writeString(dir.resolve(Regressions.fileName(invariant, p, option)), scenario);
        // the committed scenario (replayed by RegressionsTest) is this run's: a change in the search or the
        // procedure shows here, and the new file in target/regressions is the one to review and commit
        Path committed = Path.of("src/test/resources/regressions").resolve(Regressions.fileName(invariant, p, option));
        assertTrue(
                Files.exists(committed), "no committed scenario " + committed + "; review and copy target/regressions");
        assertEquals(Files.readString(committed), scenario, "the committed scenario " + committed + " is out of date");
    }
}

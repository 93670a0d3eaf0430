package org.srvcc.procedure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.srvcc.mutants.Mutants;

/**
 * TS 33.401 14.1: the UE stores an estimated DL NAS COUNT only when it is greater than the stored one,
 * so the stored COUNT never decreases. The run: the AMF derives at COUNT 0 and moves to 1, one DL NAS
 * message with COUNT 1 reaches the UE before the command (nasDuringHandover), the command carries the
 * 4 LSBs 0. The closest estimate from stored 1 is 0 (distance 1 against 15 up), so the keys agree and
 * the stored COUNT must stay 1; the mutant ueLowersStoredCount stores 0. Whether the UE stores an estimate at all
 * is the option ueStoresEstimate.
 */
class StoredCountTest {
    static final Bounds B = Bounds.of(1).attempts(3).count(5).kamf(1).faults(1);

    static Srvcc run(String... options) {
        return drive(
                List.of(
                        Action.GnbSendHandoverRequired,
                        Action.AmfStartSrvcc,
                        Action.AmfSendDownlinkNas,
                        Action.MmeHandleForwardRelocationRequest,
                        Action.MscHandlePsToCsRequest,
                        Action.MmeHandlePsToCsResponse,
                        Action.AmfHandleResponse,
                        Action.UeHandleDownlinkNas,
                        Action.GnbForwardHandoverCommand,
                        Action.UeHandleHandoverCommand),
                options);
    }

    /** Takes these steps for UE 1, each of which must be enabled, under the options given. */
    static Srvcc drive(List<Action> steps, String... options) {
        Options o = Options.STANDARD.with(List.of(options));
        Srvcc s = new Srvcc(
                Profile.TS33501, o, Mutants.of(o), B, Set.of(), Set.of(), Set.of(), Capabilities.NONE, 1, null);
        for (Action a : steps) {
            Step st = new Step(a, 1, 0);
            assertTrue(s.enabled().contains(st), a + " is not enabled");
            s.apply(st);
        }
        return s;
    }

    @Test
    void theStandardUeKeepsTheGreaterStoredCount() {
        Srvcc s = run("nasDuringHandover=true", "ueEstimate=closest");
        assertEquals(Ue.State.HoCommanded, s.ue(1).state());
        assertEquals(Set.of(0), s.ue(1).used(), "derived from the AMF's COUNT 0");
        assertEquals(1, s.ue(1).dl(), "the estimate 0 is below the stored 1: not stored");
        assertEquals(List.of(), Invariants.violatedParts(s));
    }

    @Test
    void theMutantLowersItAndUeCountMonotonicSaysSo() {
        Srvcc s = run("nasDuringHandover=true", "ueEstimate=closest", "ueLowersStoredCount=true");
        assertEquals(0, s.ue(1).dl());
        assertEquals(List.of("UeCountMonotonic"), Invariants.violatedParts(s));
    }

    /**
     * The store rule is an option (J.1.2 states none): the UE misses DL NAS COUNT 0, the AMF derives at COUNT 1, the
     * UE estimates 1 from its stored 0 and stores it only under ueStoresEstimate.
     */
    @Test
    void theUeStoresTheCountItDerivedFromOnlyUnderTheOption() {
        List<Action> steps = new ArrayList<>(List.of(Action.AmfSendDownlinkNas, Action.UeMissDownlinkNas));
        steps.addAll(Drive.TO_CALL.subList(0, 8)); // to the UE's derivation
        for (boolean stores : List.of(true, false)) {
            Srvcc s = drive(steps, "ueStoresEstimate=" + stores);
            assertEquals(Set.of(1), s.ue(1).used(), "the UE derived from COUNT 1");
            assertEquals(stores ? 1 : 0, s.ue(1).dl(), "the stored DL NAS COUNT with ueStoresEstimate=" + stores);
            assertEquals(List.of(), Invariants.violatedParts(s));
        }
    }

    /**
     * TS 24.501 4.4.3.1: each downlink NAS message increases the AMF's DL NAS COUNT. The AMF derives at
     * COUNT 0 and moves to 1; the MME refuses; the mutant amfRewindsCount takes the COUNT back to 0.
     */
    static Srvcc refused(String... options) {
        return drive(
                List.of(
                        Action.GnbSendHandoverRequired,
                        Action.AmfStartSrvcc,
                        Action.MmeRejectPreparation,
                        Action.AmfHandleResponse),
                options);
    }

    @Test
    void theStandardAmfKeepsItsCountPastAFailedPreparation() {
        Srvcc s = refused();
        assertEquals(1, s.amf(1).dl());
        assertEquals(List.of(), Invariants.violatedParts(s));
    }

    @Test
    void theMutantAmfRewindsItAndAmfCountMonotonicSaysSo() {
        Srvcc s = refused("amfRewindsCount=true");
        assertEquals(0, s.amf(1).dl());
        assertEquals(List.of("AmfCountPastUsed", "AmfCountMonotonic"), Invariants.violatedParts(s));
    }

    @Test
    void theSmallestEstimateDerivesAWindowTooHigh() {
        Srvcc s = run("nasDuringHandover=true");
        assertEquals(Set.of(16), s.ue(1).used(), "smallest COUNT >= 1 with LSBs 0 at 4 bits");
        assertEquals(16, s.ue(1).dl());
    }
}

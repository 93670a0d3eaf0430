package org.srvcc.procedure;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.srvcc.procedure.Drive.*;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.srvcc.kdf.InsecureKeyAccess;

/**
 * The edges of the value types (each limit accepted, the next value refused, with a message that
 * names the value) and the node each action belongs to.
 */
class ValuesTest {
    static final InsecureKeyAccess A = InsecureKeyAccess.get();

    @Test
    void boundsAcceptTheirLimitsAndRefuseTheNextValue() {
        assertDoesNotThrow(() -> Bounds.of(1).attempts(0).count(0).kamf(1));
        assertDoesNotThrow(() -> Bounds.of(2).attempts(0).count(0xFFFFFF).kamf(2));
        for (int[] b : new int[][] {
            {0, 0, 0, 1, 0, 0, 0},
            {1, -1, 0, 1, 0, 0, 0},
            {1, 0, -1, 1, 0, 0, 0},
            {1, 0, 0x1000000, 1, 0, 0, 0},
            {2, 0, 0, 1, 0, 0, 0},
            {1, 0, 0, 1, -1, 0, 0},
            {1, 0, 0, 1, 0, -1, 0},
            {1, 0, 0, 1, 0, 0, -1}
        })
            assertThrows(
                    IllegalArgumentException.class,
                    () -> new Bounds(b[0], b[1], b[2], b[3], b[4], b[5], b[6], false, false, false),
                    Arrays.toString(b));
    }

    @Test
    void optionsRefuseValuesOutsideTheirRange() {
        assertEquals(1, Options.STANDARD.with(List.of("countLsbBits=1")).countLsbBits());
        assertEquals(4, Options.STANDARD.with(List.of("countLsbBits=4")).countLsbBits());
        assertEquals(24, Options.STANDARD.with(List.of("countLsbBits=24")).countLsbBits());
        for (String v : List.of("0", "5", "23", "25", "x"))
            assertEquals(
                    "option countLsbBits=" + v + ": expected 1..4, or 24 (the whole COUNT)",
                    assertThrows(
                                    IllegalArgumentException.class,
                                    () -> Options.STANDARD.with(List.of("countLsbBits=" + v)))
                            .getMessage());
        Map<String, String> m = new LinkedHashMap<>(Options.STANDARD.asMap());
        m.put("countLsbBits", "5");
        assertThrows(IllegalArgumentException.class, () -> Options.fromMap(m));
        assertEquals(
                "option '=x' must be name=value",
                assertThrows(IllegalArgumentException.class, () -> Options.STANDARD.with(List.of("=x")))
                        .getMessage());
        assertEquals(
                "option amfFc=0x74: expected one of new, reuse-0x74, unnumbered",
                assertThrows(IllegalArgumentException.class, () -> Options.STANDARD.with(List.of("amfFc=0x74")))
                        .getMessage());
        assertEquals(
                Options.AmfFc.REUSE_0X74,
                Options.STANDARD.with(List.of("amfFc=reuse-0x74")).amfFc());
    }

    @Test
    void stepsPlacesAndProfilesParseFromTheirNames() {
        assertEquals(new Step(Action.AmfStartSrvcc, 2, 3), Step.parse("AmfStartSrvcc(2, #3)"));
        assertEquals(new Step(Action.UeEndCall, 1, 0), Step.parse("UeEndCall(1)"));
        for (String bad : List.of("UeEndCall", "UeEndCall)1(", "UeEndCall(1"))
            assertThrows(IllegalArgumentException.class, () -> Step.parse(bad), bad);
        assertEquals(Place.MSC, Place.parse("MSC"));
        String msg = assertThrows(IllegalArgumentException.class, () -> Place.parse("HSS"))
                .getMessage();
        assertEquals("unknown place 'HSS' (expected one of gNB, MME_SRVCC, MSC, Sv)", msg);
        assertEquals(
                List.of("ts33501", "draft-via-mme", "draft-direct"),
                Arrays.stream(Profile.values()).map(Profile::cliName).toList());
    }

    @Test
    void everyActionBelongsToTheNodeItsNameStartsWith() {
        Map<String, String> node = Map.of(
                "Gnb",
                "gNB",
                "Amf",
                "AMF",
                "Mme",
                "MME_SRVCC",
                "Msc",
                "MSC",
                "Ue",
                "UE",
                "Attacker",
                "attacker",
                "Net",
                "network");
        for (Action a : Action.values()) {
            String prefix = node.keySet().stream()
                    .filter(a.name()::startsWith)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(a + " has no node prefix"));
            assertEquals(node.get(prefix), a.node(), a.name());
        }
        assertEquals("MME_SRVCC", Action.MmeRejectPreparation.node());
        assertEquals("network", Action.NetDuplicate.node());
    }

    @Test
    void everyMutantSwitchMakesTheOptionsAMutant() {
        assertFalse(Options.STANDARD.isMutant());
        for (String m : List.of(
                "amfSendsKamf",
                "mmeMapsWrongKsi",
                "ueSkipsReauth",
                "allowReverseSrvcc",
                "nullAlgorithmsAlways",
                "mmeMapsNoKeyKsi",
                "mscKeepsKsiOnFailure",
                "mscIgnoresEmergency",
                "ueKeepsKeysOnReturn"))
            assertTrue(Options.STANDARD.with(List.of(m + "=true")).isMutant(), m);
        for (String o : List.of(
                "amfIncrementsCount=false",
                "mmeCount=received",
                "amfFc=reuse-0x74",
                "countLsbBits=2",
                "ueEstimate=closest"))
            assertFalse(Options.STANDARD.with(List.of(o)).isMutant(), o + " is a design option, not a mutant");
    }
}

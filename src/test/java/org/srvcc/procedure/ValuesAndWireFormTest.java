package org.srvcc.procedure;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.srvcc.kdf.CkIk;
import org.srvcc.kdf.InsecureKeyAccess;
import org.srvcc.kdf.Key128;
import org.srvcc.kdf.Key256;
import org.srvcc.kdf.KeyLedger;
import org.srvcc.kdf.KeyTerm;
import org.srvcc.kdf.Ksi;
import org.srvcc.kdf.NasCount;
import org.srvcc.wire.Gtpv2Message;

/**
 * The edges of the value types (each limit accepted, the next value refused, with a message that
 * names the value), the node each action belongs to, and the receiver's check that the octets it
 * decodes carry the keys the record was sent with.
 */
class ValuesAndWireFormTest {
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

    static Message.ForwardRelocationRequest frr(byte fill) {
        byte[] k = new byte[32];
        Arrays.fill(k, fill);
        return new Message.ForwardRelocationRequest(
                1, 1, 1, Key256.of(k, new KeyTerm.KamfTerm(9), A), Ksi.ofKamf(1), NasCount.ZERO, Session.NORMAL);
    }

    @Test
    void theReceiverRefusesOctetsWhoseKeysDifferFromTheRecordSent() {
        Message.ForwardRelocationRequest sent = frr((byte) 0x11), other = frr((byte) 0x22);
        Gtpv2Message g = WireForm.encode(sent, Profile.TS33501);
        Message got = WireForm.decode(Gtpv2Message.decode(g.encode()), sent);
        assertTrue(((Message.ForwardRelocationRequest) got).kasme().sameAs(sent.kasme()));
        long live = KeyLedger.live();
        IllegalStateException e = assertThrows(
                IllegalStateException.class, () -> WireForm.decode(Gtpv2Message.decode(g.encode()), other));
        assertEquals(live, KeyLedger.live(), "the refused decode destroyed the key it had built");
        assertEquals("wire form of ForwardRelocationRequest for UE 1 decodes to different fields", e.getMessage());

        byte[] ck = new byte[16], ik = new byte[16];
        ik[0] = 1;
        KeyTerm src = new KeyTerm.KamfTerm(9),
                tck = new KeyTerm.HalfTerm(src, "ck"),
                tik = new KeyTerm.HalfTerm(src, "ik");
        Message.PsToCsRequest ps = new Message.PsToCsRequest(
                1,
                1,
                1,
                new CkIk(Key128.of(ck, tck, A), Key128.of(ik, tik, A)),
                Ksi.ofKamf(1),
                NasCount.ZERO,
                Session.NORMAL);
        // same terms, so the same identity; the octets of CK and IK swapped
        Message.PsToCsRequest swapped = new Message.PsToCsRequest(
                1,
                1,
                1,
                new CkIk(Key128.of(ik, tck, A), Key128.of(ck, tik, A)),
                Ksi.ofKamf(1),
                NasCount.ZERO,
                Session.NORMAL);
        Gtpv2Message h = WireForm.encode(ps, Profile.TS33501);
        assertDoesNotThrow(
                () -> WireForm.decode(Gtpv2Message.decode(h.encode()), ps).destroyKeys());
        assertThrows(IllegalStateException.class, () -> WireForm.decode(Gtpv2Message.decode(h.encode()), swapped));
        for (Message m : List.of(sent, other, got, ps, swapped)) m.destroyKeys();
    }
}

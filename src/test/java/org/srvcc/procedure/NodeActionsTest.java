package org.srvcc.procedure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.srvcc.kdf.InsecureKeyAccess;

/**
 * Node actions the random runs rarely or never take (the attacker's replay, downlink reordering,
 * runs of DL NAS messages) and the whole-system views (held keys, revealed keys, destruction),
 * each checked against values worked out by hand from the procedure's rules.
 */
class NodeActionsTest {
    static Srvcc start(Bounds b) {
        return new Srvcc(Profile.TS33501, Options.STANDARD, b, Set.of(), Set.of(), Set.<Place>of(), 1);
    }

    static void step(Srvcc s, Action a) {
        assertTrue(s.enabled().contains(new Step(a, 1, 0)), a + " is not enabled");
        s.apply(new Step(a, 1, 0));
    }

    @Test
    void theAttackerReplaysTheHandoverCommandSeenOnTheRadio() {
        Srvcc s = start(Bounds.of(1).attempts(2).count(5).kamf(2).replays(1));
        for (Action a : List.of(
                Action.GnbSendHandoverRequired,
                Action.AmfStartSrvcc,
                Action.MmeHandleForwardRelocationRequest,
                Action.MscHandlePsToCsRequest,
                Action.MmeHandlePsToCsResponse,
                Action.AmfHandleResponse,
                Action.GnbForwardHandoverCommand)) step(s, a);
        assertEquals(1, s.network().radio().size());
        step(s, Action.AttackerReplay);
        assertEquals(1, s.network().replays());
        assertEquals(2, s.network().downlink(1).size(), "original and replayed HandoverCommandUe");
        assertEquals(3, s.network().downlink(1).get(1).copy(), "copy 3 marks the attacker's replay");
        assertTrue(
                s.enabled().stream().noneMatch(x -> x.action() == Action.AttackerReplay),
                "the replay budget (1) is spent");
    }

    @Test
    void reorderingSwapsNeighboursOnTheDownlink() {
        Srvcc s = start(Bounds.of(1).attempts(2).count(5).kamf(2).reorders(1));
        step(s, Action.AmfSendDownlinkNas);
        step(s, Action.AmfSendDownlinkNas);
        List<Message> before = s.network().downlink(1);
        assertEquals(
                List.of(0, 1),
                before.stream().map(m -> ((Message.Nas) m).count().value()).toList());
        step(s, Action.NetReorderDownlink);
        assertEquals(
                List.of(1, 0),
                s.network().downlink(1).stream()
                        .map(m -> ((Message.Nas) m).count().value())
                        .toList());
        assertEquals(1, s.network().reorders());
    }

    @Test
    void runsOfNasMessagesMoveTheCountsByAWindow() {
        // 4 LSBs: a received run is 15 messages (COUNT 0..14), a missed run 16 (COUNT 0..15)
        Bounds b = Bounds.of(1).attempts(1).count(2).kamf(1).nasRuns(true, true);
        Srvcc s = new Srvcc(Profile.TS33501, Options.STANDARD, b, Set.of(), Set.of(), Set.<Place>of(), 1);
        step(s, Action.UeReceiveNasRun);
        assertEquals(15, s.amf(1).dl());
        assertEquals(14, s.ue(1).dl(), "the UE stores the last COUNT it received");
        assertFalse(s.enabled().contains(new Step(Action.UeMissNasRun, 1, 0)), "no second run once the window is used");
        Srvcc m = new Srvcc(Profile.TS33501, Options.STANDARD, b, Set.of(), Set.of(), Set.<Place>of(), 1);
        step(m, Action.UeMissNasRun);
        assertEquals(16, m.amf(1).dl());
        assertEquals(0, m.ue(1).dl(), "a missed run leaves the UE's COUNT behind");
    }

    @Test
    void heldKeysListEveryLiveHandleAndDestroyKeysEndsThem() {
        Srvcc s = start(Bounds.of(1).attempts(2).count(5).kamf(2));
        for (Action a :
                List.of(Action.GnbSendHandoverRequired, Action.AmfStartSrvcc, Action.MmeHandleForwardRelocationRequest))
            step(s, a);
        InsecureKeyAccess a = InsecureKeyAccess.get();
        List<String> where = s.heldKeys(a).stream().map(Srvcc.HeldKey::where).toList();
        assertEquals(List.of("AMF KAMF", "UE KAMF", "PsToCsRequest CK", "PsToCsRequest IK"), where);
        Srvcc.HeldKey ck = s.heldKeys(a).get(2);
        assertEquals("Half(KDF(KDF(KAMF1,0x7D,0),0x1A,0),ck)", ck.term().toString());
        step(s, Action.MscHandlePsToCsRequest);
        Map<String, byte[]> revealed = s.revealCsKeys(1, a);
        assertArrayEquals(ck.bytes(), revealed.get("MSC CK_SRVCC"), "the MSC holds what the message carried");
        assertEquals(null, revealed.get("UE CK_SRVCC"), "the UE has derived nothing yet");
        s.destroyKeys();
        assertEquals(List.of(), s.heldKeys(a), "no live handle after destroyKeys");
        assertTrue(s.msc.ctx.get(1).key.isDestroyed());
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

package org.srvcc.procedure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.srvcc.procedure.Drive.*;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The network: duplication, downlink reordering and loss, the attacker's radio replay, the fault budget, and the
 * records that do not cross the GTPv2-C wire. */
class NetworkTest {
    @Test
    void aMessageIsDuplicatedOnceAndCountsAsAFault() {
        Srvcc s = start(Bounds.of(1).attempts(2).count(5).kamf(2).faults(3));
        step(s, Action.GnbSendHandoverRequired);
        assertEquals(
                List.of(Message.Type.HandoverRequired),
                s.network().uplink(1).stream().map(Message::type).toList());
        step(s, Action.AmfStartSrvcc);
        step(s, Action.NetDuplicate);
        assertEquals(1, s.network().faults());
        // the original's copy is in flight, and a copy is never copied (the model's NetDuplicateMsg)
        assertFalse(enabled(s, Action.NetDuplicate), "a second duplicate of the same request");
        step(s, Action.NetLose);
        assertEquals(2, s.network().faults());
    }

    @Test
    void neighboursSwapOncePerPairAndTheAttackerReplaysOnlyThatUesCommand() {
        Srvcc s = start(Bounds.of(2).attempts(2).count(5).kamf(2).reorders(1).replays(1));
        s.apply(new Step(Action.AmfSendDownlinkNas, 1, 0));
        s.apply(new Step(Action.AmfSendDownlinkNas, 1, 0));
        assertEquals(
                1,
                s.enabled().stream()
                        .filter(x -> x.action() == Action.NetReorderDownlink && x.ue() == 1)
                        .count(),
                "two messages, one pair");
        s.apply(new Step(Action.AmfSendDownlinkNas, 1, 0));
        assertEquals(
                2,
                s.enabled().stream()
                        .filter(x -> x.action() == Action.NetReorderDownlink && x.ue() == 1)
                        .count(),
                "three messages, two pairs");
        for (int i = 0; i < 3; i++) s.apply(new Step(Action.UeHandleDownlinkNas, 1, 0));
        for (Action a : TO_CALL.subList(0, 7)) {
            assertTrue(s.enabled().contains(new Step(a, 1, 0)), a.toString());
            s.apply(new Step(a, 1, 0));
        }
        assertTrue(s.enabled().contains(new Step(Action.AttackerReplay, 1, 0)));
        assertFalse(
                s.enabled().stream().anyMatch(x -> x.action() == Action.AttackerReplay && x.ue() == 2),
                "UE 2 never had a command to replay");
    }

    @Test
    void aRecordThatDoesNotGoOnTheGtpWireIsDeliveredAsItIs() {
        Srvcc s = start(Profile.TS33501, Options.STANDARD, Set.of());
        step(s, Action.GnbSendHandoverRequired);
        step(s, Action.AmfStartSrvcc);
        step(s, Action.MmeRejectPreparation);
        Message answer =
                s.network().inFlight(1, Message.Type.ForwardRelocationResponse).get(0);
        Message taken = s.network().take(answer);
        assertEquals(answer.identity(), taken.identity(), "decoded from the octets");
        Message.Plain release = new Message.Plain(Message.Type.CallRelease, 1, 0, 1);
        assertTrue(s.network().take(release) == release, "a record without a wire form is handed over as it is");
    }

    @Test
    void faultsSpendTheBudgetAndDownlinkNasFollowsTheOption() {
        Srvcc s = new Srvcc(
                Profile.TS33501,
                Options.STANDARD.with(List.of("nasDuringHandover=true")),
                Bounds.of(1).attempts(2).count(5).kamf(2).faults(3),
                Set.of(),
                Set.of(),
                Set.<Place>of(),
                1);
        for (Action a : TO_CALL.subList(0, 6)) step(s, a); // the AMF is Commanded
        assertEquals(Amf.State.Commanded, s.amf(1).state());
        assertTrue(enabled(s, Action.AmfSendDownlinkNas), "nasDuringHandover lets the AMF send while Commanded");
        step(s, Action.NetLoseDownlink);
        assertEquals(1, s.network().faults());
        s.apply(new Step(Action.MscRestart, 0, 0)); // a restart is no UE's step
        assertEquals(2, s.network().faults());
        assertEquals(MscServer.State.Idle, s.msc(1).state());
        Srvcc std = start(Profile.TS33501, Options.STANDARD, Set.of());
        for (Action a : TO_CALL.subList(0, 6)) step(std, a);
        assertFalse(enabled(std, Action.AmfSendDownlinkNas), "the standard models send no DL NAS while Commanded");
    }

    @Test
    void theAttackerReplaysTheHandoverCommandSeenOnTheRadio() {
        Srvcc s = start(Bounds.of(1).attempts(2).count(5).kamf(2).replays(1));
        for (Action a : TO_CALL.subList(0, 7)) step(s, a);
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
}

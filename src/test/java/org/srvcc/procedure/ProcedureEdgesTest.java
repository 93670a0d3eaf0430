package org.srvcc.procedure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.srvcc.kdf.Fc;
import org.srvcc.kdf.InsecureKeyAccess;
import org.srvcc.kdf.KeyTerm;
import org.srvcc.mutants.Mutants;

/**
 * Edges of the node handlers that the success path does not reach: duplicated requests, rejections
 * after an accepted attempt, what a compromised MME_SRVCC or Sv link learns, and the wire scan
 * after the leaking message has been consumed. Expected values follow from TS 33.501 J.1.2 and the
 * model's actions of the same names.
 */
class ProcedureEdgesTest {
    static final Bounds B = Bounds.of(1).attempts(2).count(5).kamf(2).faults(1);

    static Srvcc start(Profile p, Options o, Set<Place> compromised) {
        return new Srvcc(p, o, Mutants.of(o), B, Set.of(), Set.of(), compromised, Capabilities.NONE, 1, null);
    }

    static void step(Srvcc s, Action a) {
        assertTrue(s.enabled().contains(new Step(a, 1, 0)), a + " is not enabled; enabled: " + s.enabled());
        s.apply(new Step(a, 1, 0));
    }

    static boolean enabled(Srvcc s, Action a) {
        return s.enabled().stream().anyMatch(x -> x.action() == a);
    }

    static final List<Action> TO_CALL = List.of(
            Action.GnbSendHandoverRequired,
            Action.AmfStartSrvcc,
            Action.MmeHandleForwardRelocationRequest,
            Action.MscHandlePsToCsRequest,
            Action.MmeHandlePsToCsResponse,
            Action.AmfHandleResponse,
            Action.GnbForwardHandoverCommand,
            Action.UeHandleHandoverCommand,
            Action.UeArriveUtran,
            Action.MscHandleHandoverComplete,
            Action.MmeHandlePsToCsComplete,
            Action.AmfHandleComplete);

    @Test
    void aDuplicatedForwardRelocationRequestIsHandledOnceAndNotRejectedLater() {
        Srvcc s = start(Profile.TS33501, Options.STANDARD, Set.of());
        step(s, Action.GnbSendHandoverRequired);
        step(s, Action.AmfStartSrvcc);
        step(s, Action.NetDuplicate);
        assertEquals(
                2,
                s.network().inFlight(1, Message.Type.ForwardRelocationRequest).size());
        s.apply(new Step(Action.MmeHandleForwardRelocationRequest, 1, 0));
        assertEquals(1, s.network().inFlight(1, Message.Type.PsToCsRequest).size());
        assertEquals(MmeSrvcc.State.Preparing, s.mme(1).state());
        // the copy: taken, but no second PS to CS Request, and no rejection of an accepted attempt
        assertFalse(enabled(s, Action.MmeRejectPreparation), "MmeRejectPreparation of the accepted attempt's copy");
        s.apply(new Step(Action.MmeHandleForwardRelocationRequest, 1, 0));
        assertEquals(List.of(), s.network().lastSent(), "the duplicate made the MME send");
        assertEquals(1, s.network().inFlight(1, Message.Type.PsToCsRequest).size());
        assertEquals(1, s.mme(1).att());
    }

    @Test
    void aDuplicatedPsToCsRequestIsNotRejectedAfterAcceptance() {
        Srvcc s = start(Profile.TS33501, Options.STANDARD, Set.of());
        for (Action a : TO_CALL.subList(0, 3)) step(s, a);
        step(s, Action.NetDuplicate);
        step(s, Action.MscHandlePsToCsRequest);
        assertEquals(MscServer.State.Prepared, s.msc(1).state());
        assertFalse(enabled(s, Action.MscRejectPreparation), "MscRejectPreparation of the accepted attempt's copy");
    }

    @Test
    void theMmeIsIdleAgainOnceTheCallIsEstablished() {
        Srvcc s = start(Profile.TS33501, Options.STANDARD, Set.of());
        for (Action a : TO_CALL) step(s, a);
        assertEquals(MmeSrvcc.State.Idle, s.mme(1).state());
        assertEquals(MscServer.State.Active, s.msc(1).state());
        assertEquals(List.of(), Invariants.violated(s));
    }

    @Test
    void aCompromisedMmeOrSvLinkKnowsTheCallKeys() {
        // TS 33.501 J.1.2: the MME_SRVCC derives CK_SRVCC||IK_SRVCC and sends them over Sv in the clear of its own
        // domain
        for (Place p : List.of(Place.MME_SRVCC, Place.SV)) {
            Srvcc s = start(Profile.TS33501, Options.STANDARD, Set.of(p));
            for (Action a : TO_CALL) step(s, a);
            assertEquals(List.of("CkIkSecrecy"), Invariants.violated(s), p.toString());
        }
        Srvcc gnb = start(Profile.TS33501, Options.STANDARD, Set.of(Place.GNB));
        for (Action a : TO_CALL) step(gnb, a);
        assertEquals(List.of(), Invariants.violated(gnb), "the gNB sees no key in the standard procedure");
    }

    @Test
    void aRejectingNodeHasSeenTheKeyOfTheRejectedAttempt() {
        Srvcc s = start(Profile.TS33501, Options.STANDARD, Set.of());
        step(s, Action.GnbSendHandoverRequired);
        step(s, Action.AmfStartSrvcc);
        KeyTerm kasme = ((Message.ForwardRelocationRequest) s.network()
                        .inFlight(1, Message.Type.ForwardRelocationRequest)
                        .get(0))
                .kasme()
                .term();
        step(s, Action.MmeRejectPreparation);
        assertTrue(s.evidence().held().get(Place.MME_SRVCC).contains(kasme));

        Srvcc t = start(Profile.TS33501, Options.STANDARD, Set.of());
        for (Action a : TO_CALL.subList(0, 3)) step(t, a);
        KeyTerm ck = ((Message.PsToCsRequest)
                        t.network().inFlight(1, Message.Type.PsToCsRequest).get(0))
                .keys()
                .source();
        step(t, Action.MscRejectPreparation);
        assertTrue(t.evidence().held().get(Place.MSC).contains(ck));
        assertEquals(MscServer.State.Idle, t.msc(1).state());
    }

    @Test
    void theWireScanStillReportsAKamfLeakAfterTheMessageIsGone() {
        Srvcc s = start(Profile.TS33501, Options.STANDARD.with(List.of("amfSendsKamf=true")), Set.of());
        step(s, Action.GnbSendHandoverRequired);
        step(s, Action.AmfStartSrvcc);
        step(s, Action.MmeHandleForwardRelocationRequest);
        assertEquals(List.of(), s.network().inFlight(1, Message.Type.ForwardRelocationRequest));
        assertFalse(Invariants.kamfNotInMessages(s), "the Forward Relocation Request carried KAMF's octets");
        assertEquals(
                List.of(
                        "AMF -> MME_SRVCC GTPv2-C for UE 1 carries the bytes of the AMF's KAMF1",
                        "AMF -> MME_SRVCC GTPv2-C for UE 1 carries the bytes of the UE's KAMF1"),
                s.evidence().wireLeaks());
    }

    @Test
    void theWireScanKnowsTheKamfOfAReauthentication() {
        Srvcc s = start(Profile.TS33501, Options.STANDARD.with(List.of("amfSendsKamf=true")), Set.of());
        for (Action a : TO_CALL) step(s, a);
        step(s, Action.UeEndCall);
        step(s, Action.UeAuthenticate);
        assertEquals(2, s.ue(1).kamfId());
        step(s, Action.GnbSendHandoverRequired);
        step(s, Action.AmfStartSrvcc);
        List<String> leaks = s.evidence().wireLeaks();
        assertTrue(
                leaks.contains("AMF -> MME_SRVCC GTPv2-C for UE 1 carries the bytes of the AMF's KAMF2"),
                leaks.toString());
        assertTrue(
                leaks.contains("AMF -> MME_SRVCC GTPv2-C for UE 1 carries the bytes of the UE's KAMF2"),
                leaks.toString());
    }

    @Test
    void aMessageIsDuplicatedOnceAndCountsAsAFault() {
        Srvcc s = new Srvcc(
                Profile.TS33501,
                Options.STANDARD,
                Bounds.of(1).attempts(2).count(5).kamf(2).faults(3),
                Set.of(),
                Set.of(),
                Set.of(),
                1);
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
        Srvcc s = new Srvcc(
                Profile.TS33501,
                Options.STANDARD,
                Bounds.of(2).attempts(2).count(5).kamf(2).reorders(1).replays(1),
                Set.of(),
                Set.of(),
                Set.of(),
                1);
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
    void theAmfReleasesItsContextOnCompleteAndTheUeReauthenticatesOnlyAfterThat() {
        Srvcc s = start(Profile.TS33501, Options.STANDARD, Set.of());
        for (Action a : TO_CALL.subList(0, TO_CALL.size() - 1)) step(s, a);
        step(s, Action.UeEndCall);
        assertEquals(Amf.State.Commanded, s.amf(1).state());
        assertFalse(
                enabled(s, Action.UeAuthenticate),
                "authentication while the AMF still waits for the Forward Relocation Complete");
        step(s, Action.AmfHandleComplete);
        assertEquals(Amf.State.Released, s.amf(1).state());
        assertEquals(0, s.amf(1).kamfId(), "the 5G context (KAMF) is released");
        step(s, Action.UeAuthenticate);
        assertEquals(2, s.nextKamf() - 1, "KAMF2 issued");
        assertEquals(Amf.State.Idle, s.amf(1).state());
    }

    @Test
    void boundsOnAttemptsAndKamfsCloseTheActions() {
        // one attempt, one KAMF: after a rejection no second Handover Required, after the call no re-authentication
        Srvcc s = new Srvcc(
                Profile.TS33501,
                Options.STANDARD,
                Bounds.of(1).attempts(1).count(5).kamf(1),
                Set.of(),
                Set.of(),
                Set.of(),
                1);
        assertEquals(2, s.nextKamf());
        step(s, Action.GnbSendHandoverRequired);
        step(s, Action.AmfStartSrvcc);
        step(s, Action.MmeRejectPreparation);
        step(s, Action.AmfHandleResponse);
        step(s, Action.GnbHandlePreparationFailure);
        assertEquals(Gnb.State.Idle, s.gnb(1));
        assertFalse(enabled(s, Action.GnbSendHandoverRequired), "a second attempt beyond MaxAttempts 1");
        Srvcc t = new Srvcc(
                Profile.TS33501,
                Options.STANDARD,
                Bounds.of(1).attempts(1).count(5).kamf(1),
                Set.of(),
                Set.of(),
                Set.of(),
                1);
        for (Action a : TO_CALL) step(t, a);
        step(t, Action.UeEndCall);
        assertFalse(enabled(t, Action.UeAuthenticate), "a second KAMF beyond MaxKamf 1");
        IllegalStateException e =
                Assertions.assertThrows(IllegalStateException.class, () -> t.apply(new Step(Action.UeEndCall, 1, 0)));
        assertEquals("step UeEndCall(1) is not enabled", e.getMessage());
        Srvcc u = start(Profile.TS33501, Options.STANDARD, Set.of());
        step(u, Action.GnbSendHandoverRequired);
        Assertions.assertThrows(
                IllegalStateException.class,
                () -> u.apply(new Step(Action.AmfStartSrvcc, 1, 1)),
                "choice 1 of an action with one way");
    }

    @Test
    void aNasRunNeedsAnIdleAmf() {
        Srvcc s = new Srvcc(
                Profile.TS33501,
                Options.STANDARD,
                Bounds.of(1).attempts(1).count(5).kamf(1).nasRuns(true, true),
                Set.of(),
                Set.of(),
                Set.of(),
                1);
        assertTrue(enabled(s, Action.UeReceiveNasRun) && enabled(s, Action.UeMissNasRun));
        step(s, Action.GnbSendHandoverRequired);
        step(s, Action.AmfStartSrvcc);
        assertFalse(
                enabled(s, Action.UeReceiveNasRun) || enabled(s, Action.UeMissNasRun),
                "a NAS run while the AMF prepares");
    }

    @Test
    void theDirectVariantsAmfToMscLinkCarriesTheCallKeys() {
        // the draft's X.1.2: CK/IK cross from the AMF to the MSC (the TLA+ twin: DraftDirectCompromiseSv)
        Srvcc s = start(Profile.DRAFT_DIRECT, Options.STANDARD, Set.of(Place.SV));
        for (Action a : List.of(
                Action.GnbSendHandoverRequired,
                Action.AmfStartSrvcc,
                Action.MscHandlePsToCsRequest,
                Action.AmfHandleResponse,
                Action.GnbForwardHandoverCommand,
                Action.UeHandleHandoverCommand,
                Action.UeArriveUtran,
                Action.MscHandleHandoverComplete)) step(s, a);
        assertEquals(List.of("CkIkSecrecy"), Invariants.violated(s));
    }

    @Test
    void revealedKeysAreTheCallKeysAndNothingOnceDeleted() {
        Srvcc s = start(Profile.TS33501, Options.STANDARD, Set.of());
        for (Action a : TO_CALL) step(s, a);
        Map<String, byte[]> k = s.revealCsKeys(1, InsecureKeyAccess.get());
        assertEquals(List.of("UE CK_SRVCC", "UE IK_SRVCC", "MSC CK_SRVCC", "MSC IK_SRVCC"), List.copyOf(k.keySet()));
        assertTrue(Arrays.equals(k.get("UE CK_SRVCC"), k.get("MSC CK_SRVCC"))
                && Arrays.equals(k.get("UE IK_SRVCC"), k.get("MSC IK_SRVCC")));
        assertFalse(Arrays.equals(k.get("UE CK_SRVCC"), k.get("UE IK_SRVCC")));
        assertEquals(16, k.get("UE CK_SRVCC").length);
        step(s, Action.UeEndCall);
        Map<String, byte[]> after = s.revealCsKeys(1, InsecureKeyAccess.get());
        assertEquals(null, after.get("UE CK_SRVCC"));
        assertEquals(null, after.get("UE IK_SRVCC"));
        assertEquals(
                16, after.get("MSC IK_SRVCC").length, "the MSC keeps the call context until the release reaches it");
        step(s, Action.MscHandleCallRelease);
        assertEquals(null, s.revealCsKeys(1, InsecureKeyAccess.get()).get("MSC CK_SRVCC"));
    }

    @Test
    void readLiterallyTheDraftHandsTheGnbTheKeyInTheHandoverCommand() {
        // X.1.1 step 7 / X.1.2 step 5: "HO command with the security parameters" of step 4 (CK, IK) (models
        // *AsWrittenCompromisegNB)
        Options literal = Options.STANDARD.with(List.of("gnbSeesKeys=true", "amfFc=reuse-0x74", "countLsbBits=24"));
        Srvcc s = start(Profile.DRAFT_VIA_MME, literal, Set.of(Place.GNB));
        for (Action a : TO_CALL.subList(0, 7)) step(s, a);
        KeyTerm sent = s.evidence().held().get(Place.MME_SRVCC).iterator().next();
        assertEquals(
                "74",
                ((KeyTerm.KdfTerm) sent).fc().toString().replace("0x", "").toUpperCase(),
                "X.1.1 step 2: similar to A.14.2");
        KeyTerm ckIk = new KeyTerm.KdfTerm(sent, Fc.CK_IK_SRVCC, 0);
        assertEquals(
                Set.of(ckIk),
                s.evidence().held().get(Place.GNB),
                "the gNB holds MME_SRVCC's CK||IK of step 4, not the K'ASME");
        assertEquals(Set.of(ckIk), s.evidence().held().get(Place.MSC), "the very keys the MSC got");
        for (Action a : TO_CALL.subList(7, TO_CALL.size())) step(s, a);
        assertEquals(List.of("CkIkSecrecy"), Invariants.violated(s));
        Srvcc std = start(Profile.DRAFT_VIA_MME, Options.STANDARD, Set.of(Place.GNB));
        for (Action a : TO_CALL) step(std, a);
        assertEquals(Set.of(), std.evidence().held().get(Place.GNB));
    }

    @Test
    void theAmfDerivesKPrimeAsmeForEpsOncePerKamfFromTheRightCount() {
        Srvcc s = new Srvcc(
                Profile.TS33501,
                Options.STANDARD,
                Bounds.of(1).attempts(2).count(5).kamf(2).withEpsMobility(true),
                Set.of(),
                Set.of(),
                Set.<Place>of(),
                1);
        s.apply(new Step(Action.AmfSendDownlinkNas, 1, 0));
        step(s, Action.AmfTransferEpsContext);
        step(s, Action.AmfPrepareEpsHandover);
        // A.14.1 from the UL NAS COUNT (0: the first TAU), A.14.2 from the DL NAS COUNT (1: one NAS message sent)
        KeyTerm kamf = new KeyTerm.KamfTerm(1);
        assertEquals(
                Set.of(
                        new KeyTerm.KdfTerm(kamf, Fc.K_PRIME_ASME_IDLE, 0),
                        new KeyTerm.KdfTerm(kamf, Fc.K_PRIME_ASME_HANDOVER, 1)),
                s.evidence().epsKeys());
        assertEquals(1, s.amf(1).ul());
        assertEquals(2, s.amf(1).dl(), "the DL COUNT used for A.14.2 is passed");
        assertEquals(Set.of(1), s.amf(1).used());
        assertFalse(
                enabled(s, Action.AmfTransferEpsContext) || enabled(s, Action.AmfPrepareEpsHandover), "once per KAMF");
        step(s, Action.GnbSendHandoverRequired);
        step(s, Action.AmfStartSrvcc);
        assertFalse(enabled(s, Action.AmfTransferEpsContext), "not while a handover is prepared");
        assertEquals(List.of(), Invariants.violated(s));
    }

    @Test
    void anUnauthenticatedUeThatAuthenticatesGetsACipheredSecondCall() {
        Srvcc s = new Srvcc(Profile.TS33501, Options.STANDARD, B, Set.of(), Set.of(1), Set.<Place>of(), 1);
        for (Action a : TO_CALL) step(s, a);
        assertEquals(Selection.NULL, s.msc(1).alg());
        step(s, Action.UeEndCall);
        step(s, Action.MscHandleCallRelease);
        step(s, Action.UeAuthenticate);
        assertEquals(Session.NORMAL, s.ue(1).session());
        for (Action a : TO_CALL) step(s, a);
        assertEquals(Session.NORMAL, s.msc(1).session(), "the AMF told the MSC a normal session");
        assertEquals(new Selection("uea2", "uia2"), s.msc(1).alg());
        assertEquals(List.of(), Invariants.violated(s));
    }

    @Test
    void afterTheAmfsTimerReleasesTheContextNoHandoverStartsUntilANewKamf() {
        Srvcc s = start(Profile.TS33501, Options.STANDARD, Set.of());
        for (Action a : TO_CALL.subList(0, 8)) step(s, a); // the UE is commanded
        step(s, Action.AmfTimerExpiry);
        assertEquals(Amf.State.Released, s.amf(1).state());
        assertEquals(0, s.amf(1).kamfId(), "the timer releases KAMF with the context");
        step(s, Action.UeReturnTo5G);
        assertEquals(Gnb.State.Cancelling, s.gnb(1), "back on NR, the UE makes the gNB cancel");
        step(s, Action.AmfHandleHandoverCancel);
        step(s, Action.GnbHandleCancelAcknowledge);
        assertEquals(Gnb.State.Idle, s.gnb(1));
        assertTrue(s.ue(1).state() == Ue.State.Connected5G);
        assertFalse(enabled(s, Action.GnbSendHandoverRequired), "no Handover Required without a KAMF at the AMF");
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
    void aReceivedNasRunStartsFromTheAmfsCurrentCount() {
        Srvcc s = new Srvcc(
                Profile.TS33501,
                Options.STANDARD,
                Bounds.of(1).attempts(1).count(5).kamf(1).nasRuns(true, false),
                Set.of(),
                Set.of(),
                Set.<Place>of(),
                1);
        step(s, Action.AmfSendDownlinkNas);
        step(s, Action.UeHandleDownlinkNas);
        step(s, Action.UeReceiveNasRun);
        // 15 messages with COUNTs 1..15 after COUNT 0: the UE stores 15, the AMF is at 16
        assertEquals(15, s.ue(1).dl());
        assertEquals(16, s.amf(1).dl());
    }
}

package org.srvcc.procedure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.srvcc.procedure.Drive.*;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.srvcc.kdf.Fc;
import org.srvcc.kdf.KeyTerm;

/** The AMF node: its context on completion and on timer expiry, K'ASME for EPS, and runs of DL NAS messages. */
class AmfTest {
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
    void aNasRunNeedsAnIdleAmf() {
        Srvcc s = start(Bounds.of(1).attempts(1).count(5).kamf(1).nasRuns(true, true));
        assertTrue(enabled(s, Action.UeReceiveNasRun) && enabled(s, Action.UeMissNasRun));
        step(s, Action.GnbSendHandoverRequired);
        step(s, Action.AmfStartSrvcc);
        assertFalse(
                enabled(s, Action.UeReceiveNasRun) || enabled(s, Action.UeMissNasRun),
                "a NAS run while the AMF prepares");
    }

    @Test
    void theAmfDerivesKPrimeAsmeForEpsOncePerKamfFromTheRightCount() {
        Srvcc s = start(Bounds.of(1).attempts(2).count(5).kamf(2).withEpsMobility(true));
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
    void aReceivedNasRunStartsFromTheAmfsCurrentCount() {
        Srvcc s = start(Bounds.of(1).attempts(1).count(5).kamf(1).nasRuns(true, false));
        step(s, Action.AmfSendDownlinkNas);
        step(s, Action.UeHandleDownlinkNas);
        step(s, Action.UeReceiveNasRun);
        // 15 messages with COUNTs 1..15 after COUNT 0: the UE stores 15, the AMF is at 16
        assertEquals(15, s.ue(1).dl());
        assertEquals(16, s.amf(1).dl());
    }
}

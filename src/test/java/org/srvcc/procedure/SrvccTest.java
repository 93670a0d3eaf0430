package org.srvcc.procedure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.srvcc.procedure.Drive.*;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.srvcc.kdf.InsecureKeyAccess;

/** The whole system: budgets close the actions, held keys list every live handle, destruction ends them. */
class SrvccTest {
    @Test
    void boundsOnAttemptsAndKamfsCloseTheActions() {
        // one attempt, one KAMF: after a rejection no second Handover Required, after the call no re-authentication
        Srvcc s = start(Bounds.of(1).attempts(1).count(5).kamf(1));
        assertEquals(2, s.nextKamf());
        step(s, Action.GnbSendHandoverRequired);
        step(s, Action.AmfStartSrvcc);
        step(s, Action.MmeRejectPreparation);
        step(s, Action.AmfHandleResponse);
        step(s, Action.GnbHandlePreparationFailure);
        assertEquals(Gnb.State.Idle, s.gnb(1));
        assertFalse(enabled(s, Action.GnbSendHandoverRequired), "a second attempt beyond MaxAttempts 1");
        Srvcc t = start(Bounds.of(1).attempts(1).count(5).kamf(1));
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
}

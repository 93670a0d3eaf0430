package org.srvcc.procedure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.srvcc.procedure.Drive.*;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.srvcc.kdf.InsecureKeyAccess;
import org.srvcc.kdf.KeyTerm;

/** What the evidence records: what a compromised node or link learns, the keys a rejecting node saw, and the
 * KAMF wire scan after the leaking message is gone. */
class EvidenceTest {
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

    /** SentKsiIsNgKsi sees a wrong KSI on the wire, on Sv, before any node stores it; the N26 request was right. */
    @Test
    void aWronglyMappedKsiIsCaughtOnTheWireBeforeTheMscStoresIt() {
        for (boolean mutant : List.of(false, true)) {
            Options o = Options.STANDARD.with(List.of("mmeMapsWrongKsi=" + mutant));
            Srvcc s = start(Profile.TS33501, o, Set.of());
            step(s, Action.GnbSendHandoverRequired);
            step(s, Action.AmfStartSrvcc);
            assertEquals(List.of(), Invariants.violatedParts(s), "the Forward Relocation Request's eKSI is the ngKSI");
            step(s, Action.MmeHandleForwardRelocationRequest);
            assertEquals(mutant ? List.of("SentKsiIsNgKsi") : List.of(), Invariants.violatedParts(s));
            step(s, Action.MscHandlePsToCsRequest);
            assertEquals(
                    mutant ? List.of("MappedKsiIsNgKsi") : List.of(),
                    Invariants.violatedParts(s),
                    "the request was taken off the wire; the MSC now holds the wrong KSI");
            s.destroyKeys();
        }
    }
}

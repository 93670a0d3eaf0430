package org.srvcc.procedure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.srvcc.kdf.CkIk;
import org.srvcc.kdf.InsecureKeyAccess;
import org.srvcc.kdf.Key128;
import org.srvcc.kdf.Key256;
import org.srvcc.kdf.KeyLedger;
import org.srvcc.kdf.KeyTerm;
import org.srvcc.kdf.Ksi;
import org.srvcc.kdf.NasCount;
import org.srvcc.mutants.Mutants;
import org.srvcc.wire.Gtpv2Message;
import org.srvcc.wire.Plan;

/**
 * The capability attacker's budget and effects, the MSC's refusal when no algorithm is common,
 * and the no-SIM case (KSI 7, no key) node by node and on the wire. Expected values follow from
 * TS 33.501 J.1.2, J.2 and the model's actions of the same names (spec/Srvcc.tla).
 */
class CapabilitiesAndNoContextTest {
    static final Bounds B = Bounds.of(1).attempts(2).count(5).kamf(2).faults(1);

    static Srvcc start(Profile p, Options o, Set<Integer> unauth, Capabilities c) {
        return new Srvcc(p, o, Mutants.of(o), B, Set.of(), unauth, Set.of(), c, 1, null);
    }

    static void step(Srvcc s, Action a, int choice) {
        Step st = new Step(a, 1, choice);
        assertTrue(s.enabled().contains(st), st + " is not enabled; enabled: " + s.enabled());
        s.apply(st);
    }

    static boolean enabled(Srvcc s, Action a) {
        return s.enabled().stream().anyMatch(x -> x.action() == a);
    }

    /** TS 23.216 6.5.4 step 4 as written: the AMF acts on the indication, so the forgery alone prepares SRVCC. */
    @Test
    void theNgapForgeryIsEnoughForAnAmfThatActsOnTheIndication() {
        Srvcc s = start(
                Profile.TS33501, Options.STANDARD, Set.of(), new Capabilities(Set.of(), Set.of(1), Set.of("N2"), 1));
        step(s, Action.AttackerRewriteSrvccIndication, 0);
        step(s, Action.GnbSendHandoverRequired, 0);
        step(s, Action.AmfStartSrvcc, 0);
        assertEquals(1, s.amf(1).att(), "the AMF prepared SRVCC for a UE without the 5G-SRVCC capability");
        assertEquals(List.of("SrvccOnlyForCapableUe"), Invariants.violatedParts(s));
    }

    /** The proposed measure amfChecksSrvccCapability: the AMF's own record of the registration decides. */
    @Test
    void theNgapForgeryFlipsTheIndicationOnceAndTheAmfRefuses() {
        Srvcc s = start(
                Profile.TS33501,
                Options.STANDARD.with(List.of("amfChecksSrvccCapability=true")),
                Set.of(),
                new Capabilities(Set.of(), Set.of(1), Set.of("N2"), 1));
        assertFalse(s.gnbSrvccPossible(1));
        assertFalse(enabled(s, Action.GnbSendHandoverRequired), "the gNB asks only with the indication");
        step(s, Action.AttackerRewriteSrvccIndication, 0);
        assertTrue(s.gnbSrvccPossible(1));
        assertEquals(1, s.network().tampers());
        assertFalse(enabled(s, Action.AttackerRewriteSrvccIndication), "the budget of one rewrite is spent");
        step(s, Action.GnbSendHandoverRequired, 0);
        step(s, Action.AmfStartSrvcc, 0);
        assertEquals(0, s.amf(1).att(), "the AMF's own record says no 5G-SRVCC");
        assertEquals(
                List.of(Message.Type.HandoverPreparationFailure),
                s.network().downlink(1).stream().map(Message::type).toList());
        step(s, Action.GnbHandlePreparationFailure, 0);
        assertEquals(Gnb.State.Idle, s.gnb(1));
        assertTrue(Invariants.violated(s).isEmpty(), Invariants.violatedParts(s).toString());
    }

    @Test
    void aForgedRegistrationNeedsAUeWithoutNasSecurity() {
        Capabilities uu = new Capabilities(Set.of(), Set.of(1), Set.of("Uu"), 2);
        assertFalse(
                enabled(start(Profile.TS33501, Options.STANDARD, Set.of(), uu), Action.AttackerForgeRegistration),
                "a protected Registration Request fails its MAC check");
        Srvcc s = start(Profile.TS33501, Options.STANDARD, Set.of(1), uu);
        step(s, Action.AttackerForgeRegistration, 0);
        assertTrue(s.amf(1).srvccCap() && s.gnbSrvccPossible(1), "the AMF records the forgery and tells the gNB");
        assertEquals(1, s.network().tampers());
        step(s, Action.GnbSendHandoverRequired, 0);
        step(s, Action.AmfStartSrvcc, 0);
        assertEquals(List.of("SrvccOnlyForCapableUe"), Invariants.violatedParts(s));
    }

    @Test
    void anEmptiedCapabilityIsRefusedByTheMscAndLeavesNoKeyBehind() {
        long base = KeyLedger.live();
        Srvcc s = start(
                Profile.TS33501, Options.STANDARD, Set.of(), new Capabilities(Set.of(), Set.of(), Set.of("N26"), 1));
        step(s, Action.GnbSendHandoverRequired, 0);
        step(s, Action.AmfStartSrvcc, 0);
        step(s, Action.AttackerRewriteCapability, 0); // choice 0: the empty capability
        Message.ForwardRelocationRequest f = (Message.ForwardRelocationRequest)
                s.network().inFlight(1, Message.Type.ForwardRelocationRequest).get(0);
        assertEquals(Set.of(), f.cap());
        assertEquals(1, s.network().inFlight().size(), "the rewritten request replaces the original");
        step(s, Action.MmeHandleForwardRelocationRequest, 0);
        step(s, Action.MscHandlePsToCsRequest, 0);
        assertEquals(MscServer.State.Idle, s.msc(1).state());
        assertNull(s.msc(1).key());
        Message.Answer a = (Message.Answer)
                s.network().inFlight(1, Message.Type.PsToCsResponse).get(0);
        assertFalse(a.ok());
        assertEquals(Selection.NONE, a.alg(), "no UIA in common: refused");
        assertTrue(s.evidence().held().get(Place.MSC).size() == 1, "the refusing MSC saw the key");
        assertTrue(Invariants.violated(s).isEmpty(), Invariants.violatedParts(s).toString());
        s.destroyKeys();
        assertEquals(base, KeyLedger.live(), "handles left after the rewrite, the refusal and destroyKeys");
    }

    /** The UEA0 fallback turns ciphering off, not integrity: the call is bid down, its keys still agree. */
    @Test
    void withUea0AllowedTheEmptiedCapabilityTurnsCipheringOffButNotIntegrity() {
        Srvcc s = start(
                Profile.DRAFT_DIRECT,
                Options.STANDARD.with(List.of("mscAllowsUea0=true")),
                Set.of(),
                new Capabilities(Set.of(), Set.of(), Set.of("Sv"), 1));
        step(s, Action.GnbSendHandoverRequired, 0);
        step(s, Action.AmfStartSrvcc, 0);
        step(
                s,
                Action.AttackerRewriteCapability,
                s.network().rewriteChoice(1, Set.of(Algorithm.UIA1, Algorithm.UIA2))); // every UEA stripped
        step(s, Action.MscHandlePsToCsRequest, 0);
        assertEquals(new Selection("uea0", "uia2"), s.msc(1).alg());
        assertEquals(List.of("NoBiddingDown"), Invariants.violatedParts(s));
        for (Action a : List.of(
                Action.AmfHandleResponse,
                Action.GnbForwardHandoverCommand,
                Action.UeHandleHandoverCommand,
                Action.UeArriveUtran,
                Action.MscHandleHandoverComplete)) step(s, a, 0);
        assertEquals(MscServer.State.Active, s.msc(1).state());
        assertEquals(Ue.State.InUtranCall, s.ue(1).state());
        assertEquals(
                List.of("NoBiddingDown"),
                Invariants.violatedParts(s),
                "CallKeysAgree and CkIkSecrecy hold on the UEA0 call");
        s.destroyKeys();
    }

    /**
     * KeyAgreement covers a UEA0 call (integrity uses IK): MME_SRVCC feeding the wrong COUNT into A.12 is caught there
     * too.
     */
    @Test
    void aUea0CallWithDifferentKeysBreaksCallKeysAgree() {
        Srvcc s = start(
                Profile.TS33501,
                Options.STANDARD.with(List.of("mscAllowsUea0=true", "mmeCount=received", "countLsbBits=2")),
                Set.of(),
                new Capabilities(Set.of(), Set.of(), Set.of("N26"), 1));
        step(s, Action.AmfSendDownlinkNas, 0);
        step(s, Action.UeHandleDownlinkNas, 0);
        step(s, Action.GnbSendHandoverRequired, 0);
        step(s, Action.AmfStartSrvcc, 0);
        step(
                s,
                Action.AttackerRewriteCapability,
                s.network().rewriteChoice(1, Set.of(Algorithm.UIA1, Algorithm.UIA2))); // every UEA stripped
        for (Action a : Drive.TO_CALL.subList(2, 10)) step(s, a, 0);
        assertEquals(new Selection("uea0", "uia2"), s.msc(1).alg());
        assertTrue(
                Invariants.violatedParts(s).contains("CallKeysAgree"),
                Invariants.violatedParts(s).toString());
        s.destroyKeys();
    }

    @Test
    void capabilitiesParseTheirOwnTextAndRefuseNonsense() {
        Capabilities c = new Capabilities(Set.of(1, 3), Set.of(2), Set.of("Sv", "N2"), 16, Set.of(3));
        assertEquals("weak=1,3 incapable=2 links=N2,Sv tampers=16 nocontext=3", c.text());
        assertEquals(c, Capabilities.parse(c.text()));
        assertEquals(Capabilities.NONE, Capabilities.parse(""));
        assertTrue(
                Capabilities.NONE.isNone() && !Capabilities.noContext(Set.of(1)).isNone());
        assertEquals(0, new Capabilities(Set.of(), Set.of(), Set.of(), 0).maxTampers());
        assertThrows(IllegalArgumentException.class, () -> new Capabilities(Set.of(), Set.of(), Set.of(), 17));
        assertThrows(IllegalArgumentException.class, () -> new Capabilities(Set.of(), Set.of(), Set.of(), -1));
        assertThrows(IllegalArgumentException.class, () -> Capabilities.parse("links=X2"));
        assertThrows(IllegalArgumentException.class, () -> Capabilities.parse("weak"));
        assertThrows(IllegalArgumentException.class, () -> Capabilities.parse("colour=1"));
        assertEquals(Algorithm.ALL, c.capabilityOf(2));
        assertEquals(Set.of(Algorithm.UEA1, Algorithm.UIA1), c.capabilityOf(1));
        assertFalse(c.srvccCapable(2));
        assertThrows(
                IllegalArgumentException.class,
                () -> start(Profile.TS33501, Options.STANDARD, Set.of(), Capabilities.noContext(Set.of(1))),
                "a UE without a SIM is an unauthenticated one");
    }

    @Test
    void theSelectionIsTheStrongestCommonPairAndNullOnlyWhereJ2SaysSo() {
        Options.Prefers two = Options.Prefers.UEA2, one = Options.Prefers.UEA1;
        Set<Algorithm> all = Algorithm.ALL;
        assertEquals(new Selection("uea2", "uia2"), Selection.select(Session.NORMAL, all, false, two));
        assertEquals(
                new Selection("uea1", "uia1"),
                Selection.select(Session.NORMAL, all, false, one),
                "the operator's preference");
        assertEquals(
                new Selection("uea2", "uia1"),
                Selection.select(Session.NORMAL, Set.of(Algorithm.UEA2, Algorithm.UIA1), false, one),
                "UEA and UIA are chosen each on its own");
        assertEquals(
                new Selection("uea1", "uia2"),
                Selection.select(Session.NORMAL, Set.of(Algorithm.UEA1, Algorithm.UIA1, Algorithm.UIA2), false, two));
        assertEquals(
                new Selection("uea1", "uia1"),
                Selection.select(Session.EMERGENCY, Set.of(Algorithm.UEA1, Algorithm.UIA1), false, two));
        assertEquals(Selection.NONE, Selection.select(Session.NORMAL, Set.of(), false, two));
        assertEquals(
                Selection.NONE,
                Selection.select(Session.NORMAL, Set.of(), true, two),
                "no UIA in common: refused even with UEA0 allowed");
        assertEquals(
                Selection.NONE,
                Selection.select(Session.NORMAL, Set.of(Algorithm.UEA2), true, two),
                "no integrity is no call");
        assertEquals(Selection.NONE, Selection.select(Session.NORMAL, Set.of(Algorithm.UIA1), false, two));
        assertEquals(
                new Selection("uea0", "uia1"),
                Selection.select(Session.NORMAL, Set.of(Algorithm.UIA1), true, two),
                "no ciphering, integrity on");
        assertEquals(Selection.NULL, Selection.select(Session.EMERGENCY_UNAUTH, all, false, two));
        assertTrue(
                new Selection("uea0", "uia1").usesKeys() && !Selection.NULL.usesKeys() && !Selection.NONE.usesKeys());
        assertTrue(new Selection("uea0", "uia1").executableBy(Set.of(Algorithm.UIA1))
                && !new Selection("uea2", "uia1").executableBy(Set.of(Algorithm.UIA1)));
        assertTrue(Selection.NULL.executableBy(Set.of()) && !Selection.NONE.executableBy(all));
        assertEquals(Algorithm.UEA2, Algorithm.parse("uea2"));
        assertThrows(IllegalArgumentException.class, () -> Algorithm.parse("uea3"));
    }

    /** The no-SIM UE: nothing is derived anywhere, KSI 7 travels without a key, the call runs on NULL. */
    @Test
    void aUeWithoutASecurityContextGetsACallWithoutKeysInEveryProfile() {
        for (Profile p : Profile.values()) {
            long base = KeyLedger.live();
            Srvcc s = start(p, Options.STANDARD, Set.of(1), Capabilities.noContext(Set.of(1)));
            assertEquals(0, s.amf(1).kamfId());
            for (Action a : List.of(Action.GnbSendHandoverRequired, Action.AmfStartSrvcc)) step(s, a, 0);
            assertEquals(Set.of(), s.amf(1).used(), p + ": no COUNT used");
            assertEquals(0, s.amf(1).dl(), p + ": nothing derived, nothing to count up");
            if (p.viaMme()) {
                Message.ForwardRelocationRequest f = (Message.ForwardRelocationRequest)
                        s.network().inFlight().get(0);
                assertNull(f.kasme());
                assertEquals(Ksi.NO_KEY_AVAILABLE, f.ksi());
                step(s, Action.MmeHandleForwardRelocationRequest, 0);
                assertTrue(s.mme(1).ksi().namesContext(), p + ": MME_SRVCC maps nothing");
            }
            Message.PsToCsRequest r = (Message.PsToCsRequest)
                    s.network().inFlight(1, Message.Type.PsToCsRequest).get(0);
            assertNull(r.keys());
            assertEquals(Ksi.NO_KEY_AVAILABLE, r.ksi());
            for (Action a : p.viaMme()
                    ? List.of(Action.MscHandlePsToCsRequest, Action.MmeHandlePsToCsResponse, Action.AmfHandleResponse)
                    : List.of(Action.MscHandlePsToCsRequest, Action.AmfHandleResponse)) step(s, a, 0);
            assertEquals(Selection.NULL, s.msc(1).alg());
            assertNull(s.msc(1).key());
            assertEquals(Ksi.NO_KEY_AVAILABLE, s.msc(1).ksi());
            assertTrue(s.evidence().issued().isEmpty(), p + ": no context was mapped");
            for (Action a : List.of(
                    Action.GnbForwardHandoverCommand,
                    Action.UeHandleHandoverCommand,
                    Action.UeArriveUtran,
                    Action.MscHandleHandoverComplete)) step(s, a, 0);
            assertEquals(Ue.State.InUtranCall, s.ue(1).state());
            assertNull(s.ue(1).key(), p + ": the UE derived nothing");
            assertEquals(Ksi.NO_KEY_AVAILABLE, s.ue(1).ksi());
            assertTrue(Invariants.violated(s).isEmpty(), p + ": " + Invariants.violatedParts(s));
            step(s, Action.UeEndCall, 0);
            assertFalse(enabled(s, Action.UeAuthenticate), p + ": no SIM, no authentication");
            s.destroyKeys();
            assertEquals(base, KeyLedger.live(), p.toString());
        }
    }

    @Test
    void aKeyUnderKsi7IsCaughtInFlightAtTheMscAndInTheDirectRequest() {
        Options mutant = Options.STANDARD.with(List.of("amfKeysWithoutContext=true"));
        long base = KeyLedger.live();
        Srvcc direct = start(Profile.DRAFT_DIRECT, mutant, Set.of(1), Capabilities.noContext(Set.of(1)));
        step(direct, Action.GnbSendHandoverRequired, 0);
        step(direct, Action.AmfStartSrvcc, 0);
        assertEquals(
                List.of("SentKsiIsNgKsi", "NothingKeyedFromNoKsi"),
                Invariants.violatedParts(direct),
                "the PS to CS Request carries a key under KSI 7, which names no KAMF");
        step(direct, Action.MscHandlePsToCsRequest, 0);
        assertTrue(
                Invariants.violatedParts(direct).contains("NothingKeyedFromNoKsi"), "the MSC holds a key under KSI 7");
        assertTrue(Invariants.violatedParts(direct).contains("MappedKsiNamesAContext"));
        direct.destroyKeys();
        Srvcc viaMme = start(Profile.TS33501, mutant, Set.of(1), Capabilities.noContext(Set.of(1)));
        for (Action a : List.of(Action.GnbSendHandoverRequired, Action.AmfStartSrvcc)) step(viaMme, a, 0);
        assertEquals(List.of("SentKsiIsNgKsi", "NothingKeyedFromNoKsi"), Invariants.violatedParts(viaMme));
        viaMme.destroyKeys();
        assertEquals(base, KeyLedger.live(), "the all-zero KAMF the mutant derived from is destroyed too");
    }

    @Test
    void onTheWireKsi7CarriesZeroOctetsAndDecodesToNoKey() {
        Message.ForwardRelocationRequest none = new Message.ForwardRelocationRequest(
                1, 1, 1, null, Ksi.NO_KEY_AVAILABLE, NasCount.ZERO, Session.EMERGENCY_UNAUTH, Set.of(Algorithm.UEA1));
        Gtpv2Message g = WireForm.encode(none, Profile.TS33501);
        byte[] octets = g.encode();
        Message got = WireForm.decode(Gtpv2Message.decode(octets), WireForm.Envelope.of(none));
        assertNull(((Message.ForwardRelocationRequest) got).kasme());
        assertEquals(
                Set.of(Algorithm.UEA1),
                ((Message.ForwardRelocationRequest) got).cap(),
                "the capability is on the N26 wire");
        Message.PsToCsRequest ps =
                new Message.PsToCsRequest(1, 1, 1, null, Ksi.NO_KEY_AVAILABLE, NasCount.ZERO, Session.EMERGENCY_UNAUTH);
        Message back = WireForm.decode(
                Gtpv2Message.decode(WireForm.encode(ps, Profile.TS33501).encode()), WireForm.Envelope.of(ps));
        assertNull(((Message.PsToCsRequest) back).keys());
        // a key under KSI 7 on the wire stays a key (the invariants judge it); an envelope that names no key refuses it
        byte[] k = new byte[32];
        k[0] = 1;
        Message.ForwardRelocationRequest keyed = new Message.ForwardRelocationRequest(
                1,
                1,
                1,
                Key256.of(k, new KeyTerm.KamfTerm(0), InsecureKeyAccess.get()),
                Ksi.NO_KEY_AVAILABLE,
                NasCount.ZERO,
                Session.EMERGENCY_UNAUTH,
                Set.of(Algorithm.UEA1)); // differs from `none` in the key only
        byte[] keyedOctets = WireForm.encode(keyed, Profile.TS33501).encode();
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> WireForm.decode(Gtpv2Message.decode(keyedOctets), WireForm.Envelope.of(none)));
        assertTrue(e.getMessage().contains("that its envelope names no key for"), e.getMessage());
        keyed.destroyKeys();
        byte[] ck = new byte[16], ik = new byte[16];
        ik[15] = 1; // one non-zero octet, in IK only
        KeyTerm src = new KeyTerm.KamfTerm(0);
        Message.PsToCsRequest keyedPs = new Message.PsToCsRequest(
                1,
                1,
                1,
                new CkIk(
                        Key128.of(ck, new KeyTerm.HalfTerm(src, "ck"), InsecureKeyAccess.get()),
                        Key128.of(ik, new KeyTerm.HalfTerm(src, "ik"), InsecureKeyAccess.get())),
                Ksi.NO_KEY_AVAILABLE,
                NasCount.ZERO,
                Session.EMERGENCY_UNAUTH);
        byte[] keyedPsOctets = WireForm.encode(keyedPs, Profile.TS33501).encode();
        assertThrows(
                IllegalStateException.class,
                () -> WireForm.decode(Gtpv2Message.decode(keyedPsOctets), WireForm.Envelope.of(ps)));
        keyedPs.destroyKeys();
        // UEA/UIA octets of the UE network capability (TS 24.301 9.9.3.34): octet 3 UEA0..UEA2, octet 4 UIA1, UIA2,
        // each bit on its own
        assertEquals(
                List.of(true, false, true, false),
                bools(Plan.utranAlgorithms(Plan.ueNetworkCapability(true, false, true, false))));
        assertEquals(
                List.of(false, true, false, true),
                bools(Plan.utranAlgorithms(new byte[] {(byte) 0xE0, 0x60, (byte) 0xA0, 0x20})));
        assertEquals(
                List.of(true, true, false, false),
                bools(Plan.utranAlgorithms(new byte[] {(byte) 0xE0, 0x60, (byte) 0xE0, 0x00})),
                "UEA without UIA");
        assertEquals(
                List.of(false, false, true, false),
                bools(Plan.utranAlgorithms(new byte[] {(byte) 0xE0, 0x60, (byte) 0x80, 0x40})),
                "UIA1 only");
        assertEquals(List.of(false, false, false, false), bools(Plan.utranAlgorithms(new byte[] {(byte) 0xE0, 0x60})));
        assertEquals(0xC0, Plan.ueNetworkCapability(true, false, false, true)[2] & 0xFF); // UEA0 | UEA1
        assertEquals(0x20, Plan.ueNetworkCapability(true, false, false, true)[3] & 0xFF); // UIA2
    }

    static List<Boolean> bools(boolean[] b) {
        return List.of(b[0], b[1], b[2], b[3]);
    }
}

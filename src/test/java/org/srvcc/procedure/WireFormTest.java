package org.srvcc.procedure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
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
import org.srvcc.wire.Gtpv2Message;

/**
 * The wire form in one direction: a receiver builds its message from the octets and the envelope alone. That the
 * message it builds is the one sent is this round-trip property, over every GTPv2-C message type and every value of
 * each field a model varies (profile, session, key or none, KSI, COUNT, copy, capability, answer, selection).
 */
class WireFormTest {
    static final InsecureKeyAccess A = InsecureKeyAccess.get();

    @Test
    void everyMessageRoundTripsThroughItsOctetsAndEnvelope() {
        long before = KeyLedger.live();
        int n = 0;
        for (Profile p : Profile.values())
            for (Message m : messages()) {
                Gtpv2Message g = WireForm.encode(m, p);
                byte[] octets = g.encode();
                g.wipe();
                Gtpv2Message back = Gtpv2Message.decode(octets);
                Message got = WireForm.decode(back, WireForm.Envelope.of(m));
                back.wipe();
                assertEquals(m.identity(), got.identity(), () -> p + ": " + m.type() + " " + describe(m));
                assertTrue(sameKeyOctets(m, got), () -> p + ": the key octets of " + m.type() + " " + describe(m));
                got.destroyKeys();
                m.destroyKeys();
                n++;
            }
        assertEquals(11_088, n, "3 profiles x (3,456 keyed requests + 192 answers + 48 plain messages)");
        assertEquals(before, KeyLedger.live(), "every key built was destroyed");
    }

    /** The property can fail: keys whose terms agree but whose octets differ (CK and IK swapped) are told apart. */
    @Test
    void swappedKeyOctetsAreToldApart() {
        byte[] ck = new byte[16], ik = new byte[16];
        ik[0] = 1;
        KeyTerm src = new KeyTerm.KamfTerm(9),
                tck = new KeyTerm.HalfTerm(src, "ck"),
                tik = new KeyTerm.HalfTerm(src, "ik");
        Message.PsToCsRequest sent = new Message.PsToCsRequest(
                1,
                1,
                1,
                new CkIk(Key128.of(ck, tck, A), Key128.of(ik, tik, A)),
                Ksi.ofKamf(1),
                NasCount.ZERO,
                Session.NORMAL);
        Message.PsToCsRequest swapped = new Message.PsToCsRequest(
                1,
                1,
                1,
                new CkIk(Key128.of(ik, tck, A), Key128.of(ck, tik, A)),
                Ksi.ofKamf(1),
                NasCount.ZERO,
                Session.NORMAL);
        Message got = WireForm.decode(
                Gtpv2Message.decode(WireForm.encode(sent, Profile.TS33501).encode()), WireForm.Envelope.of(sent));
        assertEquals(swapped.identity(), got.identity(), "the identity sees terms only");
        assertTrue(sameKeyOctets(sent, got));
        assertFalse(sameKeyOctets(swapped, got), "the octets differ");
        for (Message m : List.of(sent, swapped, got)) m.destroyKeys();
    }

    /** Octets of a key arrive that the envelope names no key for: refused, with nothing left behind. */
    @Test
    void keyOctetsWithoutATermInTheEnvelopeAreRefused() {
        byte[] k = new byte[32];
        k[0] = 1;
        Message.ForwardRelocationRequest keyed = new Message.ForwardRelocationRequest(
                1,
                1,
                1,
                Key256.of(k, new KeyTerm.KamfTerm(0), A),
                Ksi.NO_KEY_AVAILABLE,
                NasCount.ZERO,
                Session.EMERGENCY_UNAUTH);
        WireForm.Envelope none = new WireForm.Envelope(1, null, null, null, null, null, null);
        byte[] octets = WireForm.encode(keyed, Profile.TS33501).encode();
        long live = KeyLedger.live();
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> WireForm.decode(Gtpv2Message.decode(octets), none));
        assertEquals(
                "octets of a key arrive in ForwardRelocationRequest for UE 1 that its envelope names no key for",
                e.getMessage());
        assertEquals(live, KeyLedger.live());
        keyed.destroyKeys();
    }

    private static List<Message> messages() {
        List<Message> out = new ArrayList<>();
        List<Set<Algorithm>> caps = new ArrayList<>();
        for (int bits = 0; bits < 16; bits++) {
            Set<Algorithm> c = EnumSet.noneOf(Algorithm.class);
            for (int b = 0; b < 4; b++) if ((bits & (1 << b)) != 0) c.add(Algorithm.values()[b]);
            caps.add(c);
        }
        int fill = 1;
        for (int u = 1; u <= 2; u++)
            for (int att = 1; att <= 2; att++)
                for (int copy = 1; copy <= 3; copy++)
                    for (Session s : Session.values())
                        for (Set<Algorithm> cap : caps) {
                            for (int count : new int[] {0, 5, 16777215}) {
                                Ksi ksi = s == Session.EMERGENCY_UNAUTH
                                        ? Ksi.NO_KEY_AVAILABLE
                                        : Ksi.ofKamf(u + count % 6);
                                boolean keyed = s != Session.EMERGENCY_UNAUTH || count == 5; // a key under KSI 7 too
                                out.add(new Message.ForwardRelocationRequest(
                                        u, att, copy, keyed ? key256(fill++) : null, ksi, new NasCount(count), s, cap));
                                out.add(new Message.PsToCsRequest(
                                        u, att, copy, keyed ? ckIk(fill++) : null, ksi, new NasCount(count), s, cap));
                            }
                        }
        for (int u = 1; u <= 2; u++)
            for (int att = 1; att <= 2; att++)
                for (int copy = 1; copy <= 3; copy++) {
                    for (Message.Type t : List.of(Message.Type.ForwardRelocationResponse, Message.Type.PsToCsResponse))
                        for (boolean ok : new boolean[] {true, false})
                            for (Selection sel : List.of(
                                    Selection.NONE,
                                    Selection.NULL,
                                    new Selection("uea2", "uia2"),
                                    new Selection("uea0", "uia1")))
                                out.add(new Message.Answer(t, u, att, copy, ok, sel));
                    for (Message.Type t : List.of(
                            Message.Type.RelocationCancel,
                            Message.Type.ForwardRelocationComplete,
                            Message.Type.PsToCsComplete,
                            Message.Type.PsToCsCancel)) out.add(new Message.Plain(t, u, att, copy));
                }
        return out;
    }

    private static Key256 key256(int fill) {
        byte[] k = new byte[32];
        for (int i = 0; i < k.length; i++) k[i] = (byte) (fill * 31 + i);
        return Key256.of(k, new KeyTerm.KamfTerm(fill), A);
    }

    private static CkIk ckIk(int fill) {
        byte[] ck = new byte[16], ik = new byte[16];
        for (int i = 0; i < 16; i++) {
            ck[i] = (byte) (fill * 7 + i);
            ik[i] = (byte) (fill * 13 + 2 * i + 1);
        }
        KeyTerm src = new KeyTerm.KamfTerm(fill);
        return new CkIk(
                Key128.of(ck, new KeyTerm.HalfTerm(src, "ck"), A), Key128.of(ik, new KeyTerm.HalfTerm(src, "ik"), A));
    }

    private static boolean sameKeyOctets(Message sent, Message got) {
        if (sent instanceof Message.ForwardRelocationRequest s && got instanceof Message.ForwardRelocationRequest g)
            return s.kasme() == null
                    ? g.kasme() == null
                    : g.kasme() != null && g.kasme().sameAs(s.kasme());
        if (sent instanceof Message.PsToCsRequest s && got instanceof Message.PsToCsRequest g)
            return s.keys() == null
                    ? g.keys() == null
                    : g.keys() != null && g.keys().sameAs(s.keys());
        return true;
    }

    private static String describe(Message m) {
        return m.getClass().getSimpleName() + " ue " + m.ue() + " att " + m.att() + " copy " + m.copy();
    }
}

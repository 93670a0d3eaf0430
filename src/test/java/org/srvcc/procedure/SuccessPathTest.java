package org.srvcc.procedure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.srvcc.kdf.CkIk;
import org.srvcc.kdf.InsecureKeyAccess;
import org.srvcc.kdf.Kamf;
import org.srvcc.kdf.Ksi;
import org.srvcc.mutants.Mutants;
import org.srvcc.simulation.Simulation;

/** The whole Annex J handover over random KAMF, DL NAS COUNT (edges mixed in) and ngKSI. */
class SuccessPathTest {
    static final Gen<byte[]> KAMFS =
            Generate.byteArrays(Generate.constant(32), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0));
    static final Gen<Integer> COUNTS =
            integers().between(0, 0xFFFFFE).mix(Generate.pick(List.of(0, 15, 16, 255, 256, 0xFFFFFE)), 40);

    static byte[] hmac(byte[] key, byte[] s) throws Exception {
        Mac m = Mac.getInstance("HmacSHA256");
        m.init(new SecretKeySpec(key, "HmacSHA256"));
        return m.doFinal(s);
    }

    @Test
    void ueAndMscDeriveTheAnnexJKeysForAnyKamfCountAndKsi() {
        qt().withExamples(150).forAll(KAMFS, COUNTS, integers().between(0, 6)).checkAssert((kamf, count, ngKsi) -> {
            Srvcc s = new Srvcc(
                    Profile.TS33501,
                    Options.STANDARD,
                    Bounds.of(1).attempts(2).count(0xFFFFFF).kamf(20),
                    Set.of(),
                    Set.of(),
                    Set.<Place>of(),
                    1);
            preset(s, Kamf.of(kamf, ngKsi + 7, InsecureKeyAccess.get()), count);
            Simulation.Result r = runSuccess(s);
            assertTrue(r.violated().isEmpty(), r.violated().toString());
            Ue.Ctx ue = s.ue.ctx.get(1);
            MscServer.Ctx msc = s.msc.ctx.get(1);
            assertEquals(Ue.State.InUtranCall, ue.state);
            assertEquals(MscServer.State.Active, msc.state);
            assertEquals(ngKsi, msc.ksi.value());
            assertEquals(ngKsi, ue.ksi.value());
            try { // independent: the JDK's HMAC on hand-built S strings
                byte[] kasme = hmac(
                        kamf,
                        new byte[] {0x7D, 0, (byte) (count >> 16), (byte) (count >> 8), (byte) (int) count, 0, 4});
                byte[] ckik = hmac(kasme, new byte[] {0x1A, 0, 0, 0, 0, 0, 4});
                InsecureKeyAccess a = InsecureKeyAccess.get();
                assertArrayEquals(Arrays.copyOfRange(ckik, 0, 16), msc.key.ck().bytes(a));
                assertArrayEquals(Arrays.copyOfRange(ckik, 16, 32), msc.key.ik().bytes(a));
                assertArrayEquals(Arrays.copyOfRange(ckik, 0, 16), ue.key.ck().bytes(a));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            assertTrue(s.net.radio().stream().anyMatch(m -> ((Message.HoCmd) m).lsb() == (count & 15)));
        });
    }

    @Test
    void noSrvccStartsOnTheLastCountBecauseTheIncrementWouldWrap() {
        Srvcc s = new Srvcc(
                Profile.TS33501,
                Options.STANDARD,
                Bounds.of(1).attempts(2).count(0xFFFFFF).kamf(20),
                Set.of(),
                Set.of(),
                Set.<Place>of(),
                1);
        preset(s, Kamf.of(new byte[32], 8, InsecureKeyAccess.get()), 0xFFFFFF);
        assertTrue(s.enabled().stream()
                .noneMatch(
                        x -> x.action() == Action.GnbSendHandoverRequired || x.action() == Action.AmfSendDownlinkNas));
    }

    @Test
    void keysAreDestroyedWhenContextsAreDeleted() {
        // J.1.2: a failed handover deletes CK_SRVCC, IK_SRVCC and KSI_SRVCC; the handles are zeroed
        Srvcc s = new Srvcc(
                Profile.TS33501,
                Options.STANDARD,
                Bounds.of(1).attempts(2).count(5).kamf(2),
                Set.of(),
                Set.of(),
                Set.<Place>of(),
                1);
        for (Action a : List.of(
                Action.GnbSendHandoverRequired,
                Action.AmfStartSrvcc,
                Action.MmeHandleForwardRelocationRequest,
                Action.MscHandlePsToCsRequest)) s.apply(new Step(a, 1, 0));
        CkIk mapped = s.msc.ctx.get(1).key;
        assertTrue(mapped != null && !mapped.isDestroyed());
        assertTrue(s.msc.ctx.get(1).ksi.namesContext());
        s.apply(new Step(Action.MscTimerExpiry, 1, 0));
        assertTrue(mapped.isDestroyed(), "the deleted context's keys were not zeroed");
        assertEquals(null, s.msc.ctx.get(1).key);
        assertEquals(Ksi.NO_KEY_AVAILABLE, s.msc.ctx.get(1).ksi);
        assertEquals(MscServer.State.Idle, s.msc.ctx.get(1).state);
        // the mutant that keeps the KSI is what MscKsiOnlyInHandover catches
        Options keepsKsi = Options.STANDARD.with(List.of("mscKeepsKsiOnFailure=true"));
        Srvcc m = new Srvcc(
                Profile.TS33501,
                keepsKsi,
                Mutants.of(keepsKsi),
                Bounds.of(1).attempts(2).count(5).kamf(2),
                Set.of(),
                Set.of(),
                Set.<Place>of(),
                Capabilities.NONE,
                1,
                null);
        for (Action a : List.of(
                Action.GnbSendHandoverRequired,
                Action.AmfStartSrvcc,
                Action.MmeHandleForwardRelocationRequest,
                Action.MscHandlePsToCsRequest,
                Action.MscTimerExpiry)) m.apply(new Step(a, 1, 0));
        assertEquals(List.of("MscKsiOnlyInHandover"), Invariants.violatedParts(m));
    }

    private static Simulation.Result runSuccess(Srvcc s) {
        s.apply(new Step(Action.GnbSendHandoverRequired, 1, 0));
        List<Step> steps = new ArrayList<>();
        return new Simulation.Result(steps, List.of(), s, Simulation.runToCompletion(s, steps), Set.of());
    }

    /** Gives UE 1 and the AMF this KAMF and both this DL NAS COUNT (test setup inside the package). */
    static void preset(Srvcc s, Kamf kamf, int dlCount) {
        Amf.Ctx f = s.amf.ctx.get(1);
        Ue.Ctx x = s.ue.ctx.get(1);
        f.kamf.destroy();
        x.kamf.destroy();
        f.kamf = kamf;
        x.kamf = kamf.copy();
        f.dl = dlCount;
        x.dl = dlCount;
        s.evidence.on(new Event.KamfIssued(1, f.kamf, x.kamf));
    }
}

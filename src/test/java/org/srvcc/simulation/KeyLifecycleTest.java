package org.srvcc.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.srvcc.kdf.InsecureKeyAccess;
import org.srvcc.kdf.Kamf;
import org.srvcc.kdf.KeyLedger;
import org.srvcc.kdf.Ksi;
import org.srvcc.kdf.NasCount;
import org.srvcc.procedure.Action;
import org.srvcc.procedure.Bounds;
import org.srvcc.procedure.KeyPlan;
import org.srvcc.procedure.Options;
import org.srvcc.procedure.Profile;
import org.srvcc.procedure.Srvcc;
import org.srvcc.procedure.Step;
import org.srvcc.procedure.TestVectors;

/**
 * Key material is destroyed when a context is deleted: after every step, every key handle that
 * exists (the kdf package's ledger counts them) is one a node context or a message in flight still
 * holds, and destroying the run leaves none. A handle dropped without destroy() -- a rejected
 * request's keys, the MME's KASME_SRVCC after the split, an old KAMF, a lost or duplicated message --
 * shows up as one more live handle than the procedure holds.
 */
class KeyLifecycleTest {
    static final InsecureKeyAccess A = InsecureKeyAccess.get();

    static int held(Srvcc s) {
        List<Srvcc.HeldKey> l = s.heldKeys(A);
        for (Srvcc.HeldKey h : l) Arrays.fill(h.bytes(), (byte) 0);
        return l.size();
    }

    static void check(long base, Srvcc s, String what) {
        assertEquals(
                base + held(s), KeyLedger.live(), what + ": live key handles other than the ones the procedure holds");
    }

    static final List<Options> OPTIONS = List.of(
            Options.STANDARD,
            Options.STANDARD.with(List.of("mmeKeyMode=split", "ueKeyMode=split")),
            Options.STANDARD.with(List.of("amfFc=reuse-0x74")),
            Options.STANDARD.with(List.of("mscDeletesOnFailure=false")));

    @Test
    void everyFaultOfEveryProfileLeavesNoOrphanHandle() {
        int runs = 0, steps = 0;
        for (Profile p : Profile.values())
            for (Options o : OPTIONS)
                for (Simulation.Fault f : Simulation.Fault.values()) {
                    if (f == Simulation.Fault.PREP_REJECT_MME && !p.viaMme()) continue;
                    Options opt = f == Simulation.Fault.NAS_DURING_PREPARATION
                            ? o.with(List.of("nasDuringHandover=true"))
                            : o;
                    for (String session : List.of("normal", "emergency", "emergency-unauth")) {
                        Set<Integer> em = session.equals("normal") ? Set.of() : Set.of(1);
                        Set<Integer> un = session.equals("emergency-unauth") ? Set.of(1) : Set.of();
                        Setup setup = new Setup(
                                p,
                                opt,
                                Bounds.of(1).attempts(4).count(0xFFFFFF).kamf(4).faults(4),
                                em,
                                un,
                                Set.of(),
                                7);
                        String what = setup.text() + " fault " + f.cli;
                        long base = KeyLedger.live();
                        int[] n = {0};
                        Simulation.Result r = Simulation.run(setup, Set.of(f), s -> {
                            check(base, s, what + " step " + ++n[0]);
                        });
                        assertTrue(held(r.end()) > 0, what + ": the run holds no key at its end (KAMFs at least)");
                        r.end().destroyKeys();
                        assertEquals(
                                base, KeyLedger.live(), what + ": handles left after the run's keys were destroyed");
                        runs++;
                        steps += n[0];
                    }
                }
        System.out.println("KeyLifecycleTest: " + runs + " simulations, " + steps + " steps checked");
        assertTrue(runs > 150, runs + " runs");
    }

    /**
     * Random walks through every enabled action (rejections, losses, duplicates, restarts, replays, re-authentication).
     */
    @Test
    void randomWalksLeaveNoOrphanHandle() {
        Random rnd = new Random(20261129L);
        int walks = 0, steps = 0;
        List<String> seen = new ArrayList<>();
        for (Profile p : Profile.values())
            for (Options o : OPTIONS)
                for (int w = 0; w < 25; w++) {
                    Setup setup = new Setup(
                            p,
                            o,
                            Bounds.of(2)
                                    .attempts(3)
                                    .count(6)
                                    .kamf(3)
                                    .faults(2)
                                    .reorders(1)
                                    .replays(1)
                                    .withEpsMobility(w % 4 < 2),
                            Set.of(2),
                            w % 2 == 0 ? Set.of(2) : Set.of(),
                            w % 3 == 0 ? Set.of("MSC") : Set.of(),
                            w);
                    long base = KeyLedger.live();
                    Srvcc s = setup.start();
                    check(base, s, setup.text() + " start");
                    for (int i = 0; i < 200; i++) {
                        List<Step> en = s.enabled();
                        if (en.isEmpty()) break;
                        Step st = en.get(rnd.nextInt(en.size()));
                        s.apply(st);
                        if (!seen.contains(st.action().name()))
                            seen.add(st.action().name());
                        check(base, s, setup.text() + " step " + (i + 1) + " " + st);
                        steps++;
                    }
                    s.destroyKeys();
                    assertEquals(
                            base,
                            KeyLedger.live(),
                            setup.text() + ": handles left after the run's keys were destroyed");
                    walks++;
                }
        System.out.println(
                "KeyLifecycleTest: " + walks + " random walks, " + steps + " steps, " + seen.size() + " actions taken");
        for (String a : List.of(
                "MmeRejectPreparation",
                "MscRejectPreparation",
                "NetLose",
                "NetDuplicate",
                "MscRestart",
                "UeAuthenticate",
                "AmfTimerExpiry",
                "MscTimerExpiry",
                "UeReturnTo5G",
                "AttackerReplay",
                "AmfPrepareEpsHandover",
                "AmfTransferEpsContext"))
            assertTrue(seen.contains(a), a + " never taken: the walks do not cover it; taken: " + seen);
    }

    @Test
    void destroyingARunEndsTheKeysOfMessagesInFlight() {
        long base = KeyLedger.live();
        Srvcc s = new Setup(
                        Profile.TS33501,
                        Options.STANDARD,
                        Bounds.of(1).attempts(1).count(2).kamf(1),
                        Set.of(),
                        Set.of(),
                        Set.of(),
                        1)
                .start();
        s.apply(new Step(Action.GnbSendHandoverRequired, 1, 0));
        s.apply(new Step(Action.AmfStartSrvcc, 1, 0));
        assertEquals(base + 3, KeyLedger.live(), "the AMF's and the UE's KAMF, and the KASME_SRVCC in flight");
        s.destroyKeys();
        assertEquals(base, KeyLedger.live());
    }

    @Test
    void theDeriveChainAndTheVectorsLeaveNoHandle() {
        long base = KeyLedger.live();
        assertTrue(TestVectors.rows().size() > 0);
        for (Profile p : Profile.values())
            for (Options o : OPTIONS) {
                Kamf k = Kamf.of(new byte[32], 1, A);
                KeyPlan.chain(p, o, k, NasCount.of(3), new Ksi(2));
                k.destroy();
            }
        assertEquals(base, KeyLedger.live(), "derive's chain or the test vectors left key handles undestroyed");
    }
}

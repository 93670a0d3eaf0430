package org.srvcc.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.srvcc.kdf.InsecureKeyAccess;
import org.srvcc.kdf.KeyLedger;
import org.srvcc.model.Mapping;
import org.srvcc.procedure.Action;
import org.srvcc.procedure.Bounds;
import org.srvcc.procedure.Capabilities;
import org.srvcc.procedure.Invariants;
import org.srvcc.procedure.Options;
import org.srvcc.procedure.Profile;
import org.srvcc.procedure.Srvcc;
import org.srvcc.procedure.Step;
import org.srvcc.simulation.Setup;

/**
 * {@link Srvcc#copy()}, on which the model replay takes every transition: a copy is the same state (variables,
 * verdicts, key octets), and what is done to it (a step, destroying its keys) leaves the original as a fresh run of
 * the same steps has it.
 */
class SystemCopyTest {
    /** Faults, reorders, replays, new authentications and the capability attacker: keys in flight and in every node. */
    static Setup setup(Profile p) {
        Bounds b =
                Bounds.of(2).attempts(2).count(2).kamf(4).faults(2).reorders(1).replays(1);
        return Setup.of(p, Options.STANDARD, b).withCaps(new Capabilities(Set.of(), Set.of(), Set.of("N26", "Sv"), 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TS33501", "DRAFT_VIA_MME", "DRAFT_DIRECT"})
    void aCopyIsTheSameStateAndChangingItLeavesTheOriginalAlone(String profile) {
        Setup setup = setup(Profile.valueOf(profile));
        long base = KeyLedger.live();
        int copies = 0, diverged = 0;
        Set<String> holders = new TreeSet<>(); // where the copied keys were: every node and message that holds one
        for (int walk = 0; walk < 12; walk++) {
            Random rnd = new Random(20261205L + walk);
            Srvcc a = setup.start();
            Srvcc shadow = setup.start(); // takes a's steps and is never copied: what a must stay
            List<Step> path = new ArrayList<>();
            for (int k = 0; k < 60; k++) {
                List<Step> en = a.enabled();
                if (en.isEmpty()) break;
                Srvcc b = a.copy();
                copies++;
                assertEquals(Mapping.state(a), Mapping.state(b), "the copy after " + path);
                assertEquals(Invariants.violatedParts(a), Invariants.violatedParts(b));
                holders.addAll(assertSameKeys(a, b));
                List<Step> progress = en.stream()
                        .filter(st -> st.action().kind == Action.Kind.PROGRESS)
                        .toList();
                // mostly the procedure's own steps, so that walks reach the UE's CK/IK and the call
                Step mine = !progress.isEmpty() && rnd.nextInt(4) > 0
                        ? progress.get(rnd.nextInt(progress.size()))
                        : en.get(rnd.nextInt(en.size()));
                List<Step> other = b.enabled();
                Step theirs = other.get(rnd.nextInt(other.size()));
                b.apply(theirs); // the copy goes its own way, then is destroyed
                if (!theirs.equals(mine)) diverged++;
                b.destroyKeys();
                assertEquals(Mapping.state(shadow), Mapping.state(a), "the original after its copy's step: " + path);
                assertSameKeys(shadow, a);
                a.apply(mine);
                shadow.apply(mine);
                path.add(mine);
            }
            assertEquals(Mapping.state(shadow), Mapping.state(a), "the original after its copies' steps: " + path);
            assertEquals(Invariants.violatedParts(shadow), Invariants.violatedParts(a));
            assertSameKeys(shadow, a);
            a.destroyKeys();
            shadow.destroyKeys();
        }
        assertTrue(copies >= 100 && diverged >= 50, copies + " copies, " + diverged + " diverging steps");
        for (String h : List.of("AMF KAMF", "UE KAMF", "UE CK", "MSC CK", "PsToCsRequest CK"))
            assertTrue(holders.contains(h), "no copy with a key at " + h + ": " + holders);
        if (Profile.valueOf(profile).viaMme())
            assertTrue(holders.contains("ForwardRelocationRequest KASME"), holders.toString());
        assertEquals(base, KeyLedger.live(), "every handle of the copies destroyed with them");
    }

    /** The same key handles by holder and term, with equal octets, none of them destroyed; returns the holders. */
    static Set<String> assertSameKeys(Srvcc x, Srvcc y) {
        List<Srvcc.HeldKey> kx = x.heldKeys(InsecureKeyAccess.get()), ky = y.heldKeys(InsecureKeyAccess.get());
        try {
            assertEquals(
                    kx.stream().map(Object::toString).toList(),
                    ky.stream().map(Object::toString).toList());
            for (int i = 0; i < kx.size(); i++) {
                assertFalse(allZero(kx.get(i).bytes()), kx.get(i) + " was wiped");
                assertArrayEquals(
                        kx.get(i).bytes(), ky.get(i).bytes(), kx.get(i).toString());
            }
            Set<String> where = new TreeSet<>();
            for (Srvcc.HeldKey h : kx) where.add(h.where());
            return where;
        } finally {
            kx.forEach(h -> Arrays.fill(h.bytes(), (byte) 0));
            ky.forEach(h -> Arrays.fill(h.bytes(), (byte) 0));
        }
    }

    static boolean allZero(byte[] b) {
        for (byte x : b) if (x != 0) return false;
        return true;
    }
}

package org.srvcc.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.srvcc.tlc.TlaValue;

/**
 * SYMMETRY over UEs: how a symmetric model's cfg is written, and the soundness twins of the manifest.
 * ModelChecksTest runs the build twins and holds them to their pins; this test holds the pins to each
 * other: same verdict, and a reduced count between the orbit bound and the unreduced count.
 */
class SymmetryTest {
    static final Path HOME = Path.of("").toAbsolutePath();
    static final List<String> ROLE_SETS =
            List.of("EmergencyUEs", "UnauthUEs", "NoContextUEs", "WeakUEs", "SrvccIncapableUEs");

    @Test
    void aSymmetricModelNamesUesByModelValuesAndDeclaresTheSymmetry() throws Exception {
        Manifest m = new Manifest(HOME);
        String sym = m.model("Ts33501ThreeUesUnauth").cfg(List.of("TypeOK"));
        assertTrue(sym.contains("  UEs = {u1, u2, u3}\n"), sym);
        assertTrue(sym.contains("  UnauthUEs = {u3}\n"), sym);
        assertTrue(sym.contains("  EmergencyUEs = {}\n"), sym);
        assertTrue(sym.endsWith("SYMMETRY\n  UeSymmetry\n"), sym);
        String plain = m.model("Ts33501TwoUes").cfg(List.of("TypeOK"));
        assertTrue(plain.contains("  UEs = {1, 2}\n") && plain.contains("  UnauthUEs = {2}\n"), plain);
        assertFalse(plain.contains("SYMMETRY"), plain);
        // the generated file on disk is the same text (./srvcc check --write-configs)
        assertEquals(
                m.model("Ts33501TwoNormalUesSymmetric")
                        .cfg(m.model("Ts33501TwoNormalUesSymmetric").invariants()),
                Files.readString(HOME.resolve("model-checks/generated/MCTs33501TwoNormalUesSymmetric.cfg")));
    }

    @Test
    void symmetryIsRefusedForLivenessAndRefinement() throws Exception {
        String text = Files.readString(HOME.resolve("model-checks/manifest.json"));
        for (String mode : List.of("liveness", "liveness-no-timers", "refinement")) {
            String bad = text.replace(
                    "\"name\": \"Ts33501TwoNormalUesSymmetric\",",
                    "\"name\": \"Ts33501TwoNormalUesSymmetric\", \"mode\": \"" + mode + "\",");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Manifest(HOME, bad));
            assertTrue(e.getMessage().contains("symmetry only for safety models"), e.getMessage());
        }
    }

    @Test
    void everySymmetricTwinAgreesWithItsUnreducedModel() throws Exception {
        Manifest m = new Manifest(HOME);
        int twins = 0, inBuild = 0;
        for (Manifest.Model red : m.models) {
            if (!red.symmetry() || !red.name().endsWith("Symmetric")) continue;
            Manifest.Model full = m.model(red.name().substring(0, red.name().length() - "Symmetric".length()));
            twins++;
            assertFalse(full.symmetry(), full.name());
            assertEquals(full.constants(), red.constants(), red.name() + ": not the same configuration");
            assertEquals(full.invariants(), red.invariants(), red.name());
            assertEquals(
                    new HashSet<>(full.expectViolated()),
                    new HashSet<>(red.expectViolated()),
                    red.name() + ": the reduction changes the verdict");
            if (full.build() && red.build()) inBuild++;
            if (full.expectDistinct() > 0 || red.expectDistinct() > 0) {
                long g = groupSize(red.constants());
                assertTrue(g >= 2, red.name() + ": no two UEs share their roles, nothing to permute");
                // each orbit has at most |G| states, and some state is moved by a permutation
                assertTrue(
                        red.expectDistinct() * g >= full.expectDistinct()
                                && red.expectDistinct() < full.expectDistinct(),
                        red.name() + ": " + red.expectDistinct() + " reduced states against " + full.expectDistinct()
                                + " (group of " + g + ")");
            }
        }
        assertTrue(twins >= 3, "twins: " + twins);
        assertTrue(inBuild >= 2, "twins checked in the build: " + inBuild);
    }

    @Test
    void theRolePreservingGroupIsCountedFromTheRoleSets() {
        Map<String, Object> c = new HashMap<>();
        c.put("UEs", 3L);
        for (String r : ROLE_SETS) c.put(r, List.of());
        assertEquals(6, groupSize(c));
        c.put("UnauthUEs", List.of(3L));
        assertEquals(2, groupSize(c));
        c.put("WeakUEs", List.of(1L));
        assertEquals(1, groupSize(c));
    }

    @Test
    void modelValueFunctionsReadAsUeSequences() {
        assertEquals(List.of("a", "b"), TlaValue.parse("(u1 :> \"a\" @@ u2 :> \"b\")"));
        assertEquals(List.of(7L, 8L), TlaValue.parse("(u2 :> 8 @@ u1 :> 7)"));
        assertEquals(Map.of("id", 3L, "kind", "kamf"), TlaValue.parse("[kind |-> \"kamf\", id |-> u3]"));
        assertThrows(IllegalArgumentException.class, () -> TlaValue.parse("(u1 :> 1 @@ u3 :> 2)"));
        assertThrows(IllegalArgumentException.class, () -> TlaValue.parse("(\"x\" :> 1)"));
        assertThrows(IllegalArgumentException.class, () -> TlaValue.parse("v1"));
    }

    /** |G| of MC.tla's UeSymmetry: permutations that keep each UE's roles, a product of factorials. */
    @SuppressWarnings("unchecked")
    static long groupSize(Map<String, Object> c) {
        long n = ((Number) c.get("UEs")).longValue();
        Map<List<Boolean>, Integer> classes = new HashMap<>();
        for (long ue = 1; ue <= n; ue++) {
            long u = ue;
            List<Boolean> role = new ArrayList<>();
            for (String r : ROLE_SETS)
                role.add(((List<Object>) c.get(r)).stream().anyMatch(x -> ((Number) x).longValue() == u));
            classes.merge(role, 1, Integer::sum);
        }
        long g = 1;
        for (int k : classes.values()) for (int i = 2; i <= k; i++) g *= i;
        return g;
    }
}

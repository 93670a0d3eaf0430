package org.srvcc.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.srvcc.Tlc;

/** The spec mutation engine: what it generates from spec/Srvcc.tla, and that a mutant runs and is judged. */
@Tlc
class SpecMutationTest {
    static final Path HOME = Path.of("").toAbsolutePath();

    @Test
    void mutantsAreOnePointChangesOfTheActions() throws Exception {
        List<String> spec = Files.readAllLines(HOME.resolve("spec/Srvcc.tla"));
        List<SpecMutation.Mutant> all = SpecMutation.mutants(spec);
        Map<String, Integer> per = new TreeMap<>();
        for (SpecMutation.Mutant m : all) {
            per.merge(m.operator(), 1, Integer::sum);
            assertNotEquals(m.before(), m.after(), m.id());
            assertEquals(spec.get(m.line() - 1), m.before(), m.id());
        }
        // the counts per operator are pinned once, on docs/evidence.md (DocsTest compares them with these)
        assertEquals(Set.of("E", "G", "P", "U"), per.keySet(), "every operator makes mutants");
        assertEquals(
                all.size(), all.stream().map(SpecMutation.Mutant::id).distinct().count(), "ids are unique");
        List<SpecMutation.Mutant> s = SpecMutation.sample(all, 60, 1);
        assertEquals(s, SpecMutation.sample(all, 60, 1), "the sample is a function of the seed");
        assertEquals(60, s.size());
        assertTrue(s.stream().map(SpecMutation.Mutant::operator).distinct().count() == 4, "every operator sampled");
    }

    @Test
    void negatingTheGuardOfTheFirstActionIsKilled() throws Exception {
        // gnbState[u] # "Idle": no handover can start, so DraftDirect's pinned 833 states collapse
        // (dropping the conjunct instead lets the uplink grow without bound: killed only by TLC's timeout)
        List<String> spec = Files.readAllLines(HOME.resolve("spec/Srvcc.tla"));
        SpecMutation.Mutant m = SpecMutation.mutants(spec).stream()
                .filter(x -> x.operator().equals("E") && x.after().contains("gnbState[u] # \"Idle\""))
                .findFirst()
                .orElseThrow();
        SpecMutation.Outcome o = SpecMutation.run(HOME, m, spec, List.of("DraftDirect"), null);
        assertEquals("killed", o.verdict(), o.detail());
        assertEquals("DraftDirect", o.killedBy());
    }
}

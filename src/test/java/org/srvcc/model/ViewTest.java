package org.srvcc.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.srvcc.Tlc;

/**
 * MC.tla's MCView: TLC tells states apart by it in the safety models that ask for it, keeping of the
 * history variables only what an invariant can still tell apart. Its soundness twins run a model
 * without the view (TLC keeps every history variable) and hold both runs to one verdict and one
 * counterexample length per part.
 */
class ViewTest {
    static final Path HOME = Path.of("").toAbsolutePath();

    /**
     * The twins, one or more per part of the view (issued, held, held at a compromised place, the EPS keys,
     * srvccKamfs, radio), with each model's counts without the view: distinct, generated. These are the
     * counts TLC gave before MC.tla had a view, so they do not come from the view's code.
     */
    static final Map<String, long[]> PLAIN = Map.of(
            "DraftDirectAsWritten", new long[] {5822, 23251}, // issued: dead entries dropped
            "DraftDirectTamperCapability", new long[] {3245, 11584},
            "DraftDirectNoContext", new long[] {1859, 6817},
            "Ts33501SecondHandover", new long[] {5194, 18232},
            "MutantAmfSendsKamf", new long[] {1549, 4806}, // held: a KAMF outside the AMF
            "Ts33501CompromiseMSC", new long[] {1549, 4806}, // held at a compromised place
            "DraftDirectReuse74NoIncrement", new long[] {4366, 16225}, // the EPS keys: held kept whole
            "MutantUeSkipsReauth", new long[] {1855, 5556}, // srvccKamfs
            "Ts33501ReplayNoUeCheck", new long[] {2832, 8554}); // radio

    @Test
    void aModelThatAsksForTheViewDeclaresItAndOnlyASafetyModelMay() throws Exception {
        Manifest m = new Manifest(HOME);
        assertTrue(m.model("Ts33501").view());
        assertTrue(m.model("Ts33501").cfg(List.of("TypeOK")).endsWith("VIEW\n  MCView\n"));
        assertFalse(m.model("Ts33501TwoUes").cfg(List.of("TypeOK")).contains("VIEW"));
        for (String name : List.of("Ts33501Liveness", "Ts33501LivenessNoTimers", "Ts33501Refinement"))
            assertFalse(m.model(name).cfg(m.model(name).invariants()).contains("VIEW"), name);
        for (String name : PLAIN.keySet()) assertTrue(m.model(name).view(), name + " is a twin without a view");
        String text = Files.readString(HOME.resolve("model-checks/manifest.json"));
        Manifest plain = new Manifest(HOME, withoutView(text, "Ts33501"));
        assertFalse(plain.model("Ts33501").view());
        assertFalse(plain.model("Ts33501").cfg(List.of("TypeOK")).contains("VIEW"));
        String bad =
                text.replace("\"name\": \"Ts33501Refinement\",", "\"name\": \"Ts33501Refinement\", \"view\": true,");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Manifest(HOME, bad));
        assertTrue(e.getMessage().contains("a view only for safety models"), e.getMessage());
    }

    @Test
    @Tlc
    void everyTwinKeepsItsVerdictAndCounterexampleLengthsWithoutTheView() throws Exception {
        String text = Files.readString(HOME.resolve("model-checks/manifest.json"));
        for (String name : PLAIN.keySet()) text = withoutView(text, name);
        Manifest viewed = new Manifest(HOME), plain = new Manifest(HOME, text);
        ModelCheck check = new ModelCheck(plain);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<ModelCheck.Result>> runs = new ArrayList<>();
            List<Manifest.Model> twins = new ArrayList<>();
            for (String name : PLAIN.keySet()) {
                Manifest.Model v = viewed.model(name), p = plain.model(name);
                assertTrue(v.view() && !p.view(), name);
                long[] counts = PLAIN.get(name);
                assertTrue(
                        v.expectDistinct() <= counts[0] && v.expectGenerated() <= counts[1],
                        name + ": the view keeps more states than the plain model");
                Manifest.Model twin = new Manifest.Model(
                        p.name(),
                        p.group(),
                        p.row(),
                        p.mode(),
                        p.constants(),
                        p.invariants(),
                        v.expectViolated(),
                        counts[0],
                        counts[1],
                        p.budgetSeconds(),
                        false,
                        List.of(),
                        p.note(),
                        p.targets(),
                        p.symmetry(),
                        v.expectSteps(),
                        false);
                twins.add(twin);
                runs.add(pool.submit(() -> check.check(twin, 1, null)));
            }
            int merged = 0;
            for (int i = 0; i < twins.size(); i++) {
                ModelCheck.Result r = runs.get(i).get();
                // ok(): the plain run's verdict and per-part counterexample lengths are the view model's pins
                assertTrue(r.ok(), twins.get(i).name() + " without the view: " + r.problems());
                assertEquals(
                        twins.get(i).expectSteps().keySet(),
                        new HashSet<>(r.violated()),
                        twins.get(i).name());
                if (viewed.model(twins.get(i).name()).expectDistinct() < r.distinct()) merged++;
            }
            assertTrue(merged >= 4, "twins where the view merges states: " + merged);
        } finally {
            pool.shutdownNow();
        }
    }

    static String withoutView(String manifestText, String name) {
        String from = "\"name\": \"" + name + "\",\n   \"view\": true,";
        assertTrue(manifestText.contains(from), name);
        return manifestText.replace(from, "\"name\": \"" + name + "\",\n   \"view\": false,");
    }
}

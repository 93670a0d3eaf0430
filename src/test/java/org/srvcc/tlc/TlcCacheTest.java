package org.srvcc.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.srvcc.Tlc;
import org.srvcc.conformance.Conformance;
import org.srvcc.conformance.ConformanceCache;
import org.srvcc.conformance.ModelReplay;
import org.srvcc.conformance.TraceValidation;
import org.srvcc.model.Manifest;
import org.srvcc.model.ModelCheck;
import org.srvcc.procedure.Profile;
import org.srvcc.simulation.Setup;

/**
 * The result cache on a copy of the spec and the manifest: a second check is answered from the cache with
 * the same verdict and counts; one character changed in Srvcc.tla misses for every model; a changed manifest
 * entry misses for that model only; a corrupted entry is ignored, removed and checked again.
 */
@Tlc
class TlcCacheTest {
    static final Path HOME = Path.of("").toAbsolutePath();
    static final List<String> MODELS =
            List.of("DraftDirect", "DraftDirectRefinement", "Ts33501ForgeRegistrationProtected");

    static Path copyOfHome(Path dir) throws Exception {
        for (String folder : List.of("spec", "model-checks")) {
            Files.createDirectories(dir.resolve(folder));
            try (Stream<Path> s = Files.list(HOME.resolve(folder))) {
                for (Path f : s.filter(Files::isRegularFile).toList())
                    Files.copy(f, dir.resolve(folder).resolve(f.getFileName()));
            }
        }
        return dir;
    }

    @Test
    void hitsMissesAndCorruptEntries(@TempDir Path tmp) throws Exception {
        Path home = copyOfHome(tmp.resolve("home"));
        TlcCache cache = new TlcCache(tmp.resolve("cache"));
        Manifest m = new Manifest(home);
        ModelCheck mc = new ModelCheck(m, cache);
        for (String name : MODELS) {
            ModelCheck.Result first = mc.check(m.model(name), 1, null);
            assertTrue(first.ok(), first.problems().toString());
            assertFalse(first.cached(), name + ": nothing cached yet");
            ModelCheck.Result again = mc.check(m.model(name), 1, null);
            assertTrue(again.cached(), name + ": a hit");
            assertEquals(first.violated(), again.violated());
            assertEquals(first.distinct(), again.distinct());
            assertEquals(first.generated(), again.generated());
            for (int i = 0; i < first.violations().size(); i++)
                assertEquals(
                        first.violations().get(i).trace().size(),
                        again.violations().get(i).trace().size(),
                        "the same counterexample");
        }
        List<String> keys = MODELS.stream().map(n -> key(mc, m, n)).toList();
        for (String k : keys) assertTrue(cache.has(k));

        // one character of Srvcc.tla (in a comment) changes every model's key
        Path spec = home.resolve("spec/Srvcc.tla");
        Files.writeString(spec, Files.readString(spec).replaceFirst("\\(\\*", "(* "));
        for (int i = 0; i < MODELS.size(); i++)
            assertNotEquals(keys.get(i), key(mc, m, MODELS.get(i)), MODELS.get(i) + " after a spec change");
        Files.copy(HOME.resolve("spec/Srvcc.tla"), spec, StandardCopyOption.REPLACE_EXISTING);
        for (int i = 0; i < MODELS.size(); i++) assertEquals(keys.get(i), key(mc, m, MODELS.get(i)), "restored");

        // one model's manifest entry changes: that model misses, the others hit
        Path manifest = home.resolve("model-checks/manifest.json");
        String text = Files.readString(manifest);
        int at = text.indexOf("\"name\": \"DraftDirectRefinement\"");
        String changed =
                text.substring(0, at) + text.substring(at).replaceFirst("\"set\": \\{", "\"set\": {\"MaxFaults\": 1, ");
        Manifest m2 = new Manifest(home, changed);
        ModelCheck mc2 = new ModelCheck(m2, cache);
        assertTrue(cache.has(key(mc2, m2, "DraftDirect")));
        assertFalse(cache.has(key(mc2, m2, "DraftDirectRefinement")), "the changed model misses");
        assertTrue(cache.has(key(mc2, m2, "Ts33501ForgeRegistrationProtected")));

        // a corrupted entry: ignored, removed, and the model checked by TLC again
        Path entry = cache.dir().resolve(keys.get(0) + ".tlc");
        String e = Files.readString(entry);
        Files.writeString(entry, e.replace("distinct states found", "distinct states fund"));
        ModelCheck.Result redone = mc.check(m.model("DraftDirect"), 1, null);
        assertFalse(redone.cached(), "a corrupted entry is never trusted");
        assertTrue(redone.ok(), redone.problems().toString());
        assertTrue(cache.get(keys.get(0)).isPresent(), "written again by the new run");
    }

    private static String key(ModelCheck mc, Manifest m, String name) {
        try {
            return mc.firstRunKey(m.model(name), 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The report's conformance answer: kept only when clean, keyed on the modules and the parameters, never trusted
     * when corrupted.
     */
    @Test
    void conformanceAnswersAreKeptCleanAndChecked(@TempDir Path tmp) throws Exception {
        Path home = copyOfHome(tmp.resolve("home"));
        List<Profile> profiles = List.of(Profile.values());
        List<Setup> setups = Conformance.replaySetups(profiles);
        List<ModelReplay.Result> replays = new ArrayList<>();
        for (int i = 0; i < setups.size(); i++)
            replays.add(new ModelReplay.Result(
                    100 + i,
                    300 + i,
                    7,
                    900 + i,
                    new LinkedHashSet<>(List.of("UeRegister", "AmfSendN26")),
                    List.of(),
                    1.5,
                    2.5,
                    4000 + i,
                    100 + i,
                    i));
        Conformance.Summary clean = new Conformance.Summary(
                new TraceValidation.Result(240, 6236, 10, 27.0, List.of(), List.of()), replays, setups, 166.4);
        ConformanceCache cache = new ConformanceCache(tmp.resolve("cache"));
        String key = ConformanceCache.key(home, profiles, 240, 20261128L);
        assertTrue(cache.get(key, profiles).isEmpty());
        cache.put(key, clean);
        Conformance.Summary hit = cache.get(key, profiles).orElseThrow();
        assertTrue(hit.cached() && !clean.cached());
        assertEquals(clean.traces(), hit.traces());
        assertEquals(clean.replays(), hit.replays());
        assertEquals(166.4, hit.seconds(), 1e-9);
        // every parameter and every module is part of the key
        assertNotEquals(key, ConformanceCache.key(home, profiles, 240, 1L));
        assertNotEquals(key, ConformanceCache.key(home, profiles, 241, 20261128L));
        assertNotEquals(key, ConformanceCache.key(home, profiles.subList(0, 1), 240, 20261128L));
        Path srvcc = home.resolve("spec/Srvcc.tla");
        Files.writeString(srvcc, Files.readString(srvcc) + " ");
        assertNotEquals(key, ConformanceCache.key(home, profiles, 240, 20261128L));
        // a corrupted entry is ignored and removed
        Path entry = tmp.resolve("cache").resolve(key + ".conformance");
        Files.writeString(entry, Files.readString(entry).replace("6236", "6237"));
        assertTrue(cache.get(key, profiles).isEmpty());
        assertFalse(Files.exists(entry));
        // a result with a rejection or a divergence is never kept: its details must be computed and shown
        ModelReplay.Result diverged = new ModelReplay.Result(
                1, 1, 1, 1, Set.of(), List.of(new ModelReplay.Divergence(List.of(), 0, "x")), 0, 0, 0, 0, 0);
        List<ModelReplay.Result> bad = new ArrayList<>(replays);
        bad.set(0, diverged);
        cache.put(key, new Conformance.Summary(clean.traces(), bad, setups, 1));
        assertTrue(cache.get(key, profiles).isEmpty());
    }
}

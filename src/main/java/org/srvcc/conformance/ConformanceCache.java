package org.srvcc.conformance;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.srvcc.files.CacheEntry;
import org.srvcc.files.Json;
import org.srvcc.procedure.Profile;
import org.srvcc.simulation.Setup;

/**
 * The conformance check's answer kept between report runs, beside TLC's answers. It depends on the
 * Java implementation as much as on the spec, so its key covers the code itself (the srvcc jar, or
 * every file of the class folder), every TLA+ module, TLC's version and the run's parameters. Only a
 * clean result is kept (no rejection, error or divergence): a failing one is computed afresh each time,
 * with its details. An entry that fails its integrity check is deleted and never trusted.
 */
public final class ConformanceCache {
    private static final String MAGIC = "srvcc conformance cache entry 1";
    private final Path dir;

    public ConformanceCache(Path dir) {
        this.dir = dir;
    }

    /** SHA-256 over everything a conformance summary depends on. */
    public static String key(Path home, List<Profile> profiles, int traces, long seed) throws IOException {
        MessageDigest d = CacheEntry.sha256();
        CacheEntry.add(
                d,
                "conformance; tlc " + tlc2.TLCGlobals.versionOfTLC + "; profiles " + profiles + "; traces " + traces
                        + "; seed " + seed);
        for (Path folder : List.of(home.resolve("spec"), home.resolve("model-checks"))) addTree(d, folder, ".tla");
        Path code = codeLocation();
        if (Files.isDirectory(code)) addTree(d, code, "");
        else {
            CacheEntry.add(d, "jar");
            d.update(Files.readAllBytes(code));
        }
        return HexFormat.of().formatHex(d.digest());
    }

    private static void addTree(MessageDigest d, Path root, String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : s.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(suffix))
                    .sorted()
                    .toList()) {
                CacheEntry.add(d, root.relativize(f).toString());
                d.update(Files.readAllBytes(f));
            }
        }
    }

    private static Path codeLocation() throws IOException {
        try {
            return Path.of(Conformance.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IOException("cannot locate the tool's own code: " + e.getMessage());
        }
    }

    private Path file(String key) {
        return dir.resolve(key + ".conformance");
    }

    /** The summary stored under this key, if an entry is there and passes its integrity check. */
    public Optional<Conformance.Summary> get(String key, List<Profile> profiles) {
        Optional<CacheEntry> e = CacheEntry.read(file(key), MAGIC, key);
        if (e.isEmpty()) return Optional.empty();
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) Json.parse(e.get().body());
            return Optional.of(fromJson(m, profiles));
        } catch (RuntimeException bad) { // intact but not a summary of these setups: removed, and computed again
            CacheEntry.drop(file(key));
            return Optional.empty();
        }
    }

    /** Keeps a clean summary; one with any rejection, error or divergence is not kept. */
    public void put(String key, Conformance.Summary s) throws IOException {
        boolean clean = s.traces().rejections().isEmpty()
                && s.traces().errors().isEmpty()
                && s.replays().stream().allMatch(r -> r.divergences().isEmpty());
        if (clean) CacheEntry.write(file(key), MAGIC, key, Map.of(), Json.write(toJson(s)));
    }

    private static Map<String, Object> toJson(Conformance.Summary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        TraceValidation.Result t = s.traces();
        m.put("traces", List.of(t.runs(), t.steps(), t.tlcRuns(), t.seconds()));
        List<Object> rs = new ArrayList<>();
        for (ModelReplay.Result r : s.replays())
            rs.add(List.of(
                    r.states(),
                    r.transitions(),
                    r.behaviours(),
                    r.stepsApplied(),
                    List.copyOf(r.actionsCovered()),
                    r.tlcSeconds(),
                    r.seconds(),
                    r.keysChecked(),
                    r.verdictsCompared(),
                    r.violatingStates()));
        m.put("replays", rs);
        m.put("seconds", s.seconds());
        return m;
    }

    private static Conformance.Summary fromJson(Map<String, Object> m, List<Profile> profiles) {
        List<?> t = (List<?>) m.get("traces");
        TraceValidation.Result tv =
                new TraceValidation.Result(i(t.get(0)), i(t.get(1)), i(t.get(2)), dbl(t.get(3)), List.of(), List.of());
        List<ModelReplay.Result> rs = new ArrayList<>();
        for (Object o : (List<?>) m.get("replays")) {
            List<?> r = (List<?>) o;
            LinkedHashSet<String> actions = new LinkedHashSet<>();
            for (Object a : (List<?>) r.get(4)) actions.add((String) a);
            rs.add(new ModelReplay.Result(
                    i(r.get(0)),
                    i(r.get(1)),
                    i(r.get(2)),
                    ((Number) r.get(3)).longValue(),
                    actions,
                    List.of(),
                    dbl(r.get(5)),
                    dbl(r.get(6)),
                    ((Number) r.get(7)).longValue(),
                    i(r.get(8)),
                    i(r.get(9))));
        }
        List<Setup> setups = Conformance.replaySetups(profiles);
        if (setups.size() != rs.size()) throw new IllegalStateException("the entry's replays do not match the setups");
        return new Conformance.Summary(tv, rs, setups, dbl(m.get("seconds")), true);
    }

    private static int i(Object o) {
        return Math.toIntExact(((Number) o).longValue());
    }

    private static double dbl(Object o) {
        return ((Number) o).doubleValue();
    }
}

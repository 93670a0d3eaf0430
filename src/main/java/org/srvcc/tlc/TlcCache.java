package org.srvcc.tlc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.srvcc.files.CacheEntry;

/**
 * TLC's answers kept between runs. An entry is a TLC run's exit code and its whole -tool output, stored
 * under a key made of everything the answer depends on: TLC's version, every module of spec/ and of the
 * folder the checked module is in (the MC module included), the configuration text, TLC's arguments and
 * its worker count. Verdicts are recomputed from the output against the manifest's current pins, so a
 * changed pin needs no new run, and a changed module or configuration finds no entry. An entry that
 * fails its own integrity check (its key or the digest of its output) is deleted and never trusted. Runs
 * that TLC did not finish (timed out or killed) are not kept.
 */
public final class TlcCache {
    private final Path dir;

    public TlcCache(Path dir) {
        this.dir = dir;
    }

    /** The default folder: under the project's target/. */
    public static TlcCache in(Path home) {
        return new TlcCache(home.resolve("target/tlc-cache"));
    }

    public Path dir() {
        return dir;
    }

    /** The key of a TLC run: SHA-256 over everything its answer depends on. */
    public static String key(Path home, Path moduleDir, String module, String cfgText, List<String> args, int workers)
            throws IOException {
        MessageDigest d = CacheEntry.sha256();
        CacheEntry.add(d, "tlc " + tlc2.TLCGlobals.versionOfTLC);
        for (Path folder : List.of(home.resolve("spec"), moduleDir)) {
            CacheEntry.add(
                    d, "folder " + home.relativize(folder.toAbsolutePath().normalize()));
            try (Stream<Path> s = Files.list(folder)) {
                for (Path f :
                        s.filter(p -> p.toString().endsWith(".tla")).sorted().toList()) {
                    CacheEntry.add(d, f.getFileName().toString());
                    d.update(Files.readAllBytes(f));
                }
            }
        }
        CacheEntry.add(d, "module " + module);
        CacheEntry.add(d, "cfg " + cfgText);
        CacheEntry.add(d, "args " + String.join(" ", args) + " workers " + workers);
        return HexFormat.of().formatHex(d.digest());
    }

    /** Whether an entry is stored under this key (not yet checked for integrity). */
    public boolean has(String key) {
        return Files.isRegularFile(file(key));
    }

    private Path file(String key) {
        return dir.resolve(key + ".tlc");
    }

    private static final String MAGIC = "srvcc TLC cache entry 1";

    /** The run stored under this key, if an entry is there and passes its integrity check. */
    public Optional<TlcRunner.Run> get(String key) {
        Optional<CacheEntry> e = CacheEntry.read(file(key), MAGIC, key);
        if (e.isEmpty()) return Optional.empty();
        try {
            int exit = Integer.parseInt(e.get().fields().get("exit"));
            double seconds = Double.parseDouble(e.get().fields().get("seconds"));
            String raw = e.get().body();
            return Optional.of(new TlcRunner.Run(exit, new ToolOutput(raw), raw, seconds, true, null, Map.of()));
        } catch (RuntimeException bad) { // a field missing or unreadable: removed, and the model checked again
            CacheEntry.drop(file(key));
            return Optional.empty();
        }
    }

    /** Keeps a finished run; a run TLC did not finish is not kept. */
    public void put(String key, TlcRunner.Run run) throws IOException {
        if (run.exitCode() < 0) return;
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("exit", String.valueOf(run.exitCode()));
        fields.put("seconds", String.valueOf(run.seconds()));
        CacheEntry.write(file(key), MAGIC, key, fields, run.raw());
    }
}

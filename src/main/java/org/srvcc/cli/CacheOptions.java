package org.srvcc.cli;

import java.nio.file.Path;
import org.srvcc.files.AtomicFiles;
import org.srvcc.tlc.TlcCache;
import picocli.CommandLine.Option;

/** --cache DIR and --no-cache, for every command that runs the manifest's models. */
final class CacheOptions {
    @Option(
            names = "--cache",
            paramLabel = "DIR",
            description = "keep TLC's answers here (default target/tlc-cache); a model whose spec, "
                    + "MC module, configuration and TLC are unchanged is answered from it and marked cached "
                    + "(report: also the conformance "
                    + "check, when the code is unchanged too)")
    String dir;

    @Option(
            names = "--no-cache",
            description = "check every model with TLC (and run the conformance check), reading and writing no cache")
    boolean off;

    /** The cache to use, or null. The build's tests set srvcc.cache=off: their model checks always run TLC. */
    TlcCache cache(Path home) {
        if (off && dir != null) throw new Main.UserError("--cache and --no-cache exclude each other");
        if (off || dir == null && "off".equals(System.getProperty("srvcc.cache"))) return null;
        return dir == null ? TlcCache.in(home) : new TlcCache(AtomicFiles.outputDir("--cache", dir));
    }
}

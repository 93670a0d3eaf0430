package org.srvcc.files;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checkout the tool runs from: the system property srvcc.home (tests), else $SRVCC_HOME (set
 * by ./srvcc), else the working directory.
 */
public final class Home {
    private Home() {}

    public static Path find() {
        String prop = System.getProperty("srvcc.home");
        String env = prop != null ? prop : System.getenv("SRVCC_HOME");
        Path p = env != null && !env.isBlank() ? Path.of(env) : Path.of("").toAbsolutePath();
        if (!Files.isRegularFile(p.resolve("model-checks/manifest.json")))
            throw new IllegalArgumentException(
                    "no model-checks/manifest.json under " + p + " (run from the checkout, or through ./srvcc)");
        return p;
    }
}

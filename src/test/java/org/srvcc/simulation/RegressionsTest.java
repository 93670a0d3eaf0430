package org.srvcc.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every saved counterexample still reproduces its violation, step for step (no step skipped). */
class RegressionsTest {
    @Test
    void savedScenariosReplay() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/regressions"))) {
            files = s.filter(p -> p.toString().endsWith(".scenario")).sorted().toList();
        }
        assertTrue(files.size() >= 10, "only " + files.size() + " scenarios saved");
        for (Path f : files) {
            Regressions.Scenario sc = Regressions.parse(Files.readString(f));
            Runner.Run r = Runner.replay(sc.setup(), sc.steps(), sc.targeted() ? sc.expect() : null);
            assertEquals(sc.steps().size(), r.steps().size(), f + ": a step was not enabled");
            assertEquals(sc.expect(), r.violated(), f.toString());
        }
    }
}

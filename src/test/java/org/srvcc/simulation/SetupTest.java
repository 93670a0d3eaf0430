package org.srvcc.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.srvcc.conformance.Conformance;
import org.srvcc.procedure.Bounds;
import org.srvcc.procedure.Capabilities;
import org.srvcc.procedure.Options;
import org.srvcc.procedure.Profile;

/** The setup's text form: each field by its name, read back to the same setup; the positional form still read. */
class SetupTest {
    private static final Setup RICH = new Setup(
            Profile.TS33501,
            Options.STANDARD.with(List.of("mmeCount=received", "countLsbBits=2")),
            Bounds.of(2).attempts(2).count(4).kamf(3).faults(1).reorders(1).withEpsMobility(true),
            Set.of(2),
            Set.of(1),
            Set.of("Sv", "MSC"),
            7,
            new Capabilities(Set.of(2), Set.of(), Set.of("N26"), 1));

    /** Written by hand from the field names of Options and Bounds, not by Setup.text(). */
    private static final String RICH_TEXT = "ts33501 mmeCount=received countLsbBits=2 ues=2 maxAttempts=2 maxCount=4"
            + " maxKamf=3 maxFaults=1 maxReorders=1 epsMobility=true emergency=2 unauth=1 compromised=MSC,Sv seed=7"
            + " weak=2 links=N26 tampers=1";

    @Test
    void eachFieldIsWrittenByItsName() {
        assertEquals(RICH_TEXT, RICH.text());
        assertEquals(RICH, Setup.parse(RICH_TEXT));
        assertEquals(
                "draft-direct ues=1 seed=1",
                Setup.of(Profile.DRAFT_DIRECT, Options.STANDARD, Bounds.of(1)).text());
    }

    @Test
    void fieldsMayComeInAnyOrderAndTheSeedDefaultsToOne() {
        Setup s = Setup.parse("ts33501 seed=1 maxAttempts=2 ues=1 mmeCount=received");
        assertEquals(
                Setup.of(
                        Profile.TS33501,
                        Options.STANDARD.with(List.of("mmeCount=received")),
                        Bounds.of(1).attempts(2)),
                s);
        assertEquals(s, Setup.parse("ts33501 ues=1 maxAttempts=2 mmeCount=received"));
    }

    /** Scenarios and trace files saved before the named form keep their meaning. */
    @Test
    void thePositionalFormIsStillRead() {
        String positional = "ts33501;mmeCount=received,countLsbBits=2;2,2,4,3,1,1,0,0,0,1;2;1;MSC,Sv;7;"
                + "weak=2 links=N26 tampers=1";
        assertEquals(RICH, Setup.parse(positional));
    }

    @Test
    void everySetupTheToolRunsReadsBackToItself() throws Exception {
        List<Setup> all = new ArrayList<>(Conformance.replaySetups(List.of(Profile.values())));
        all.addAll(Conformance.traceSetups(List.of(Profile.values())));
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/regressions"))) {
            for (Path p : s.toList())
                all.add(Regressions.parse(Files.readString(p)).setup());
        }
        assertTrue(all.size() > 40, "only " + all.size() + " setups");
        for (Setup s : all) assertEquals(s, Setup.parse(s.text()), s.text());
    }

    @Test
    void badFieldsAreRefusedByName() {
        String[][] cases = {
            {"ts33501 ues=1 maxCount=x", "maxCount=x is not a whole number"},
            {"ts33501 ues=1 epsMobility=yes", "epsMobility=yes must be true or false"},
            {"ts33501 ues=1 ues=2", "ues is given twice"},
            {"ts33501 maxCount=3", "bounds need ues=N"},
            {"ts33501 ues=1 colour=red", "unknown setup field 'colour'"},
            {"ts33501 ues=1 maxKamf", "'maxKamf' must be name=value"},
            {"ts33501 ues=1 seed=x", "seed=x is not a whole number"},
            {"ts33501 ues=1 mmeCount=twice", "mmeCount"},
            {"ts33501 ues=2 maxKamf=1", "bounds out of range"},
            {"ts33502 ues=1", "ts33502"},
            {"ts33501 ues=1 compromised=MSC,Moon", "unknown place 'Moon'"},
            {"ts33501;-;1,0,0,1,0,0,0;-;-;Moon;1", "unknown place 'Moon'"}
        };
        for (String[] c : cases) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Setup.parse(c[0]), c[0]);
            assertTrue(e.getMessage().contains(c[1]), c[0] + ": " + e.getMessage());
            assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        }
    }
}

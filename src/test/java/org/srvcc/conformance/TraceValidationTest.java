package org.srvcc.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.srvcc.model.TraceValidation;
import org.srvcc.network.Runner;
import org.srvcc.network.Setup;
import org.srvcc.procedure.Bounds;
import org.srvcc.procedure.Options;
import org.srvcc.procedure.Profile;

/** TLC judges randomly generated, fault-injected Java runs against spec/Srvcc.tla. */
class TraceValidationTest {
    static final Path HOME = Path.of("").toAbsolutePath();

    static List<Setup> setups() {
        Bounds b = new Bounds(2, 3, 6, 4, 2, 1, 1);
        List<Setup> l = new ArrayList<>();
        for (Profile p : Profile.values()) {
            l.add(new Setup(p, Options.STANDARD, b, Set.of(), Set.of(2), Set.of(), 1));
            l.add(new Setup(p, Options.STANDARD.with(List.of("countLsbBits=2")), new Bounds(1, 2, 6, 3, 2, 1, 1), Set.of(1), Set.of(), Set.of("MSC"), 1));
        }
        return l;
    }

    @Test
    void randomFaultInjectedRunsAreBehavioursOfTheModel() throws Exception {
        Runner runner = Runner.defaultWeights();
        List<TraceValidation.Run> runs = new ArrayList<>();
        Random seeds = new Random(20261128);
        for (Setup s : setups())
            for (int i = 0; i < 40; i++) {
                Runner.Run r = runner.random(s.withSeed(seeds.nextLong()), seeds.nextLong(), 40);
                runs.add(new TraceValidation.Run(r.setup(), r.steps()));
            }
        TraceValidation.Result res = new TraceValidation(HOME).validate(runs);
        assertTrue(res.errors().isEmpty(), res.errors().toString());
        assertTrue(res.rejections().isEmpty(), () -> {
            TraceValidation.Rejection x = res.rejections().get(0);
            return res.rejections().size() + " rejected; first: " + x.run().setup().text() + " step " + (x.step() + 1) + " "
                + x.javaStep() + " changed " + x.changedByJava() + "\nsteps " + x.run().steps();
        });
        assertEquals(240, res.runs());
        assertTrue(res.steps() > 2000, "steps " + res.steps());
    }
}

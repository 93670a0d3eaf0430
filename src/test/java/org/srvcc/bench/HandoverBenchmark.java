package org.srvcc.bench;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.srvcc.kdf.CkIk;
import org.srvcc.kdf.Derivations;
import org.srvcc.kdf.InsecureKeyAccess;
import org.srvcc.kdf.Kamf;
import org.srvcc.kdf.Key256;
import org.srvcc.kdf.NasCount;
import org.srvcc.procedure.Bounds;
import org.srvcc.procedure.Options;
import org.srvcc.procedure.Profile;
import org.srvcc.procedure.Srvcc;
import org.srvcc.procedure.Step;
import org.srvcc.simulation.Simulation;

/**
 * One complete successful ts33501 handover with every node in-process, against the key
 * derivations the procedure itself needs (A.21 and A.12 at the network, the same at the UE).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HandoverBenchmark {
    org.srvcc.simulation.Setup setup;
    List<Step> steps;
    Kamf kamf;

    @Setup
    public void prepare() {
        setup = org.srvcc.simulation.Setup.of(
                Profile.TS33501,
                Options.STANDARD,
                Bounds.of(1).attempts(2).count(100).kamf(2));
        steps = Simulation.run(setup, Set.of()).steps();
        kamf = Kamf.of(new byte[32], 1, InsecureKeyAccess.get());
    }

    @Benchmark
    public Srvcc handover() {
        Srvcc s = setup.start();
        for (Step st : steps) s.apply(st);
        return s;
    }

    @Benchmark
    public Object derivationsOfOneHandover() {
        Key256 net = Derivations.kasmeSrvcc(kamf, NasCount.of(5));
        CkIk a = Derivations.ckIkSrvcc(net, NasCount.ZERO);
        Key256 ue = Derivations.kasmeSrvcc(kamf, NasCount.of(5));
        CkIk b = Derivations.ckIkSrvcc(ue, NasCount.ZERO);
        return a.sameAs(b);
    }
}

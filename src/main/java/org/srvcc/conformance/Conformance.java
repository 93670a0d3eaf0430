package org.srvcc.conformance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.srvcc.procedure.Profile;
import org.srvcc.simulation.Runner;
import org.srvcc.simulation.Setup;
import org.srvcc.tlc.InOrder;

/** Both conformance checks with the project's default inputs (used by ./srvcc conform, the tests and the report). */
public final class Conformance {
    /**
     * {@code cached}: read from a {@link ConformanceCache} ({@code seconds} is then the time of the run that computed
     * it).
     */
    public record Summary(
            TraceValidation.Result traces,
            List<ModelReplay.Result> replays,
            List<Setup> replaySetups,
            double seconds,
            boolean cached) {
        public Summary(
                TraceValidation.Result traces,
                List<ModelReplay.Result> replays,
                List<Setup> replaySetups,
                double seconds) {
            this(traces, replays, replaySetups, seconds, false);
        }
    }

    private Conformance() {}

    /** Fault-injected setups for the random Java runs: every profile, 1 and 2 UEs, emergency sessions, compromise. */
    public static List<Setup> traceSetups(List<Profile> profiles) {
        List<Setup> l = new ArrayList<>();
        for (Profile p : profiles) {
            l.add(Setup.parse(p + " ues=2 maxAttempts=3 maxCount=6 maxKamf=4 maxFaults=2 maxReorders=1 maxReplays=1"
                    + " epsMobility=true unauth=2"));
            l.add(Setup.parse(p + " countLsbBits=2 ues=1 maxAttempts=2 maxCount=6 maxKamf=3 maxFaults=2 maxReorders=1"
                    + " maxReplays=1 emergency=1 compromised=MSC"));
            // the capability attacker on every link, a UE with UEA1/UIA1 only, one without 5G-SRVCC (unauthenticated)
            if (p == Profile.TS33501)
                l.add(Setup.parse("ts33501 countLsbBits=2 ues=2 maxAttempts=2 maxCount=4 maxKamf=3 maxFaults=1 unauth=2"
                        + " weak=1 incapable=2 links=N2,N26,Sv,Uu tampers=2"));
            // UE 2 without any 5G security context (no SIM)
            if (p == Profile.DRAFT_VIA_MME)
                l.add(Setup.parse("draft-via-mme ues=2 maxAttempts=2 maxCount=4 maxFaults=1 unauth=2 nocontext=2"));
            // the drafts read literally: 0x74 ("similar to" A.14.2) or the placeholder FC, no increment, the whole
            // COUNT, keys via the gNB
            if (p != Profile.TS33501)
                l.add(Setup.parse(p + (p == Profile.DRAFT_VIA_MME ? " amfFc=reuse-0x74" : " ueCountSource=own")
                        + " amfIncrementsCount=false ueRejectsUsedCount=false countLsbBits=24 gnbSeesKeys=true ues=1"
                        + " maxAttempts=2 maxCount=3 maxKamf=2 maxFaults=1 maxReplays=1 compromised=gNB"));
        }
        return l;
    }

    /** The small models whose every transition is replayed. */
    public static List<Setup> replaySetups(List<Profile> profiles) {
        List<Setup> l = new ArrayList<>();
        for (Profile p : profiles) l.add(Setup.parse(p + " countLsbBits=2 ues=1 maxAttempts=1 maxCount=1"));
        if (profiles.contains(Profile.TS33501))
            for (String s : List.of(
                    // retries and re-authentication; faults, reordering, replay
                    "countLsbBits=1 ues=1 maxAttempts=2 maxCount=1 maxKamf=2",
                    "countLsbBits=1 ues=1 maxAttempts=1 maxCount=1 maxFaults=1 maxReorders=1 maxReplays=1 unauth=1",
                    // runs of DL NAS messages received and missed (the actions that reach past the LSB window)
                    "countLsbBits=1 ues=1 maxAttempts=1 maxCount=1 nasRunsReceived=true nasRunsMissed=true",
                    // COUNTs above 0 fed into both KDFs, FC 0x74, and a mutant with a fault: the terms must still
                    // name the octets
                    "amfFc=reuse-0x74 mmeCount=received countLsbBits=2 ues=1 maxAttempts=1 maxCount=3",
                    "countLsbBits=1 mmeMapsWrongKsi=true ues=1 maxAttempts=1 maxCount=2 maxFaults=1",
                    // the AMF's EPS derivations (A.14.1, A.14.2) with FC 0x74 and no increment: key separation
                    // broken in reachable states
                    "amfIncrementsCount=false amfFc=reuse-0x74 countLsbBits=2 ues=1 maxAttempts=1 maxCount=2"
                            + " epsMobility=true",
                    // capability rewrites on N26 and Sv, and a forged NGAP indication
                    "countLsbBits=1 mscAllowsUea0=true ues=1 maxAttempts=1 maxCount=1 weak=1 links=N2,N26,Sv tampers=1",
                    // a UE with no 5G security context (no SIM): KSI 7 and no key
                    "countLsbBits=1 ues=1 maxAttempts=2 maxCount=1 unauth=1 nocontext=1",
                    // an unprotected Registration Request rewritten on the radio
                    "countLsbBits=1 ues=1 maxAttempts=1 maxCount=1 unauth=1 incapable=1 links=Uu tampers=1"))
                l.add(Setup.parse("ts33501 " + s));
        if (profiles.contains(Profile.DRAFT_VIA_MME)) // the split: CK and IK are the halves of K'ASME itself
        l.add(Setup.parse(
                "draft-via-mme mmeKeyMode=split ueKeyMode=split countLsbBits=2 ues=1 maxAttempts=1 maxCount=2"));
        return l;
    }

    public static List<TraceValidation.Run> randomRuns(List<Setup> setups, int traces, long seed) {
        Runner runner = Runner.defaultWeights();
        Random seeds = new Random(seed);
        List<TraceValidation.Run> runs = new ArrayList<>();
        for (int i = 0; i < traces; i++) {
            Setup s = setups.get(i % setups.size());
            Runner.Run r = runner.random(s.withSeed(seeds.nextLong()), seeds.nextLong(), 40);
            runs.add(new TraceValidation.Run(r.setup(), r.steps()));
        }
        return runs;
    }

    /**
     * As {@link #run(Path, List, int, long)}, answered from the cache when the code, the modules and the parameters are
     * unchanged.
     */
    public static Summary run(Path home, List<Profile> profiles, int traces, long seed, ConformanceCache cache)
            throws Exception {
        if (cache == null) return run(home, profiles, traces, seed);
        String key = ConformanceCache.key(home, profiles, traces, seed);
        var hit = cache.get(key, profiles);
        if (hit.isPresent()) return hit.get();
        Summary s = run(home, profiles, traces, seed);
        cache.put(key, s);
        return s;
    }

    public static Summary run(Path home, List<Profile> profiles, int traces, long seed) throws Exception {
        long t0 = System.nanoTime();
        TraceValidation.Result tv = new TraceValidation(home).validate(randomRuns(traceSetups(profiles), traces, seed));
        List<Setup> setups = replaySetups(profiles);
        return new Summary(tv, replays(home, setups), setups, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Each setup's model replay, in the setups' order, as many at a time as the machine has cores: each replay is one
     * single-worker TLC child and then Java alone, and the replays share nothing.
     */
    public static List<ModelReplay.Result> replays(Path home, List<Setup> setups)
            throws IOException, InterruptedException {
        return InOrder.map(setups, s -> new ModelReplay(home).replay(s));
    }
}

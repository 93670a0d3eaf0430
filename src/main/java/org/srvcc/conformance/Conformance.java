package org.srvcc.conformance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.srvcc.procedure.Bounds;
import org.srvcc.procedure.Capabilities;
import org.srvcc.procedure.Options;
import org.srvcc.procedure.Profile;
import org.srvcc.simulation.Runner;
import org.srvcc.simulation.Setup;

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
            l.add(new Setup(
                    p,
                    Options.STANDARD,
                    Bounds.of(2)
                            .attempts(3)
                            .count(6)
                            .kamf(4)
                            .faults(2)
                            .reorders(1)
                            .replays(1)
                            .withEpsMobility(true),
                    Set.of(),
                    Set.of(2),
                    Set.of(),
                    1));
            l.add(new Setup(
                    p,
                    Options.STANDARD.with(List.of("countLsbBits=2")),
                    Bounds.of(1)
                            .attempts(2)
                            .count(6)
                            .kamf(3)
                            .faults(2)
                            .reorders(1)
                            .replays(1),
                    Set.of(1),
                    Set.of(),
                    Set.of("MSC"),
                    1));
            // the capability attacker on every link, a UE with UEA1/UIA1 only, one without 5G-SRVCC (unauthenticated)
            if (p == Profile.TS33501)
                l.add(new Setup(
                        p,
                        Options.STANDARD.with(List.of("countLsbBits=2")),
                        Bounds.of(2).attempts(2).count(4).kamf(3).faults(1),
                        Set.of(),
                        Set.of(2),
                        Set.of(),
                        1,
                        new Capabilities(Set.of(1), Set.of(2), Set.of("Uu", "N2", "N26", "Sv"), 2)));
            // UE 2 without any 5G security context (no SIM)
            if (p == Profile.DRAFT_VIA_MME)
                l.add(new Setup(
                        p,
                        Options.STANDARD,
                        Bounds.of(2).attempts(2).count(4).kamf(2).faults(1),
                        Set.of(),
                        Set.of(2),
                        Set.of(),
                        1,
                        Capabilities.noContext(Set.of(2))));
            // the drafts read literally: 0x74 ("similar to" A.14.2) or the placeholder FC, no increment, the whole
            // COUNT, keys via the gNB
            if (p != Profile.TS33501)
                l.add(new Setup(
                        p,
                        Options.STANDARD.with(List.of(
                                p == Profile.DRAFT_VIA_MME ? "amfFc=reuse-0x74" : "ueCountSource=own",
                                "amfIncrementsCount=false",
                                "ueRejectsUsedCount=false",
                                "countLsbBits=24",
                                "gnbSeesKeys=true")),
                        Bounds.of(1).attempts(2).count(3).kamf(2).faults(1).replays(1),
                        Set.of(),
                        Set.of(),
                        Set.of("gNB"),
                        1));
        }
        return l;
    }

    /** The small models whose every transition is replayed. */
    public static List<Setup> replaySetups(List<Profile> profiles) {
        List<Setup> l = new ArrayList<>();
        for (Profile p : profiles)
            l.add(new Setup(
                    p,
                    Options.STANDARD.with(List.of("countLsbBits=2")),
                    Bounds.of(1).attempts(1).count(1).kamf(1),
                    Set.of(),
                    Set.of(),
                    Set.of(),
                    1));
        if (profiles.contains(Profile.TS33501)) { // retries and re-authentication; faults, reordering, replay
            l.add(new Setup(
                    Profile.TS33501,
                    Options.STANDARD.with(List.of("countLsbBits=1")),
                    Bounds.of(1).attempts(2).count(1).kamf(2),
                    Set.of(),
                    Set.of(),
                    Set.of(),
                    1));
            l.add(new Setup(
                    Profile.TS33501,
                    Options.STANDARD.with(List.of("countLsbBits=1")),
                    Bounds.of(1)
                            .attempts(1)
                            .count(1)
                            .kamf(1)
                            .faults(1)
                            .reorders(1)
                            .replays(1),
                    Set.of(),
                    Set.of(1),
                    Set.of(),
                    1));
            // runs of DL NAS messages received and missed (the actions that reach past the LSB window)
            l.add(new Setup(
                    Profile.TS33501,
                    Options.STANDARD.with(List.of("countLsbBits=1")),
                    Bounds.of(1).attempts(1).count(1).kamf(1).nasRuns(true, true),
                    Set.of(),
                    Set.of(),
                    Set.of(),
                    1));
            // COUNTs above 0 fed into both KDFs, FC 0x74, and a mutant with a fault: the terms must still name the
            // octets
            l.add(new Setup(
                    Profile.TS33501,
                    Options.STANDARD.with(List.of("countLsbBits=2", "mmeCount=received", "amfFc=reuse-0x74")),
                    Bounds.of(1).attempts(1).count(3).kamf(1),
                    Set.of(),
                    Set.of(),
                    Set.of(),
                    1));
            l.add(new Setup(
                    Profile.TS33501,
                    Options.STANDARD.with(List.of("countLsbBits=1", "mmeMapsWrongKsi=true")),
                    Bounds.of(1).attempts(1).count(2).kamf(1).faults(1),
                    Set.of(),
                    Set.of(),
                    Set.of(),
                    1));
            // the AMF's EPS derivations (A.14.1, A.14.2) with FC 0x74 and no increment: key separation broken in
            // reachable states
            l.add(new Setup(
                    Profile.TS33501,
                    Options.STANDARD.with(List.of("countLsbBits=2", "amfFc=reuse-0x74", "amfIncrementsCount=false")),
                    Bounds.of(1).attempts(1).count(2).kamf(1).withEpsMobility(true),
                    Set.of(),
                    Set.of(),
                    Set.of(),
                    1));
        }
        if (profiles.contains(Profile.TS33501)) // capability rewrites on N26 and Sv, and a forged NGAP indication
        l.add(new Setup(
                Profile.TS33501,
                Options.STANDARD.with(List.of("countLsbBits=1", "mscAllowsUea0=true")),
                Bounds.of(1).attempts(1).count(1).kamf(1),
                Set.of(),
                Set.of(),
                Set.of(),
                1,
                new Capabilities(Set.of(1), Set.of(), Set.of("N2", "N26", "Sv"), 1)));
        if (profiles.contains(Profile.TS33501)) // a UE with no 5G security context (no SIM): KSI 7 and no key
        l.add(new Setup(
                Profile.TS33501,
                Options.STANDARD.with(List.of("countLsbBits=1")),
                Bounds.of(1).attempts(2).count(1).kamf(1),
                Set.of(),
                Set.of(1),
                Set.of(),
                1,
                Capabilities.noContext(Set.of(1))));
        if (profiles.contains(Profile.TS33501)) // an unprotected Registration Request rewritten on the radio
        l.add(new Setup(
                Profile.TS33501,
                Options.STANDARD.with(List.of("countLsbBits=1")),
                Bounds.of(1).attempts(1).count(1).kamf(1),
                Set.of(),
                Set.of(1),
                Set.of(),
                1,
                new Capabilities(Set.of(), Set.of(1), Set.of("Uu"), 1)));
        if (profiles.contains(Profile.DRAFT_VIA_MME)) // the split: CK and IK are the halves of K'ASME itself
        l.add(new Setup(
                Profile.DRAFT_VIA_MME,
                Options.STANDARD.with(List.of("countLsbBits=2", "mmeKeyMode=split", "ueKeyMode=split")),
                Bounds.of(1).attempts(1).count(2).kamf(1),
                Set.of(),
                Set.of(),
                Set.of(),
                1));
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
        List<ModelReplay.Result> rs = new ArrayList<>();
        List<Setup> setups = replaySetups(profiles);
        for (Setup s : setups) rs.add(new ModelReplay(home).replay(s));
        return new Summary(tv, rs, setups, (System.nanoTime() - t0) / 1e9);
    }
}

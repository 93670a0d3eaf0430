package org.srvcc.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.srvcc.kdf.Kamf;
import org.srvcc.mutants.Mutants;
import org.srvcc.procedure.Bounds;
import org.srvcc.procedure.Capabilities;
import org.srvcc.procedure.Options;
import org.srvcc.procedure.Place;
import org.srvcc.procedure.Profile;
import org.srvcc.procedure.Srvcc;

/**
 * Everything a run starts from; text form "profile;options;bounds;emergency;unauth;compromised;seed",
 * with an eighth field for the UEs' capabilities and the capability attacker when there are any
 * ("weak=2 incapable=1 links=N26,Sv tampers=1", see {@link Capabilities#text()}).
 */
public record Setup(
        Profile profile,
        Options options,
        Bounds bounds,
        Set<Integer> emergencyUes,
        Set<Integer> unauthUes,
        Set<String> compromised,
        long seed,
        Capabilities caps) {

    public Setup(
            Profile profile,
            Options options,
            Bounds bounds,
            Set<Integer> emergencyUes,
            Set<Integer> unauthUes,
            Set<String> compromised,
            long seed) {
        this(profile, options, bounds, emergencyUes, unauthUes, compromised, seed, Capabilities.NONE);
    }

    public Srvcc start() {
        return start(null);
    }

    /** With UE 1's first KAMF given (null: the seed's). */
    public Srvcc start(Kamf firstKamf) {
        Set<Place> places = new TreeSet<>();
        for (String p : compromised) places.add(Place.parse(p));
        return new Srvcc(
                profile, options, Mutants.of(options), bounds, emergencyUes, unauthUes, places, caps, seed, firstKamf);
    }

    public Setup withSeed(long s) {
        return new Setup(profile, options, bounds, emergencyUes, unauthUes, compromised, s, caps);
    }

    public Setup withOptions(Options o) {
        return new Setup(profile, o, bounds, emergencyUes, unauthUes, compromised, seed, caps);
    }

    public Setup withCaps(Capabilities c) {
        return new Setup(profile, options, bounds, emergencyUes, unauthUes, compromised, seed, c);
    }

    public static Setup of(Profile p, Options o, Bounds b) {
        return new Setup(p, o, b, Set.of(), Set.of(), Set.of(), 1);
    }

    public String text() {
        Bounds b = bounds;
        return profile + ";" + (options.diffText().isEmpty() ? "-" : options.diffText()) + ";"
                + b.ues() + "," + b.maxAttempts() + "," + b.maxCount() + "," + b.maxKamf() + "," + b.maxFaults() + ","
                + b.maxReorders() + "," + b.maxReplays()
                + (b.nasRunsReceived() || b.nasRunsMissed() || b.epsMobility()
                        ? "," + (b.nasRunsReceived() ? 1 : 0) + "," + (b.nasRunsMissed() ? 1 : 0)
                        : "")
                + (b.epsMobility() ? ",1" : "") + ";" + join(emergencyUes) + ";" + join(unauthUes) + ";"
                + (compromised.isEmpty() ? "-" : String.join(",", new TreeSet<>(compromised))) + ";" + seed
                + (caps.isNone() ? "" : ";" + caps.text());
    }

    public static Setup parse(String text) {
        String[] f = text.strip().split(";", -1);
        if (f.length != 7 && f.length != 8)
            throw new IllegalArgumentException("setup line must have 7 or 8 fields: " + text);
        Options o = f[1].equals("-") ? Options.STANDARD : Options.STANDARD.with(List.of(f[1].split(",")));
        String[] b = f[2].split(",");
        if (b.length != 7 && b.length != 9 && b.length != 10)
            throw new IllegalArgumentException("setup bounds need 7, 9 or 10 numbers: " + f[2]);
        Bounds bounds = new Bounds(
                Integer.parseInt(b[0]),
                Integer.parseInt(b[1]),
                Integer.parseInt(b[2]),
                Integer.parseInt(b[3]),
                Integer.parseInt(b[4]),
                Integer.parseInt(b[5]),
                Integer.parseInt(b[6]),
                b.length >= 9 && b[7].equals("1"),
                b.length >= 9 && b[8].equals("1"),
                b.length == 10 && b[9].equals("1"));
        return new Setup(
                Profile.parse(f[0]),
                o,
                bounds,
                ints(f[3]),
                ints(f[4]),
                f[5].equals("-") ? Set.of() : Set.of(f[5].split(",")),
                Long.parseLong(f[6]),
                f.length == 8 ? Capabilities.parse(f[7]) : Capabilities.NONE);
    }

    private static String join(Set<Integer> s) {
        if (s.isEmpty()) return "-";
        List<String> l = new ArrayList<>();
        for (int i : new TreeSet<>(s)) l.add(String.valueOf(i));
        return String.join(",", l);
    }

    private static Set<Integer> ints(String s) {
        if (s.equals("-")) return Set.of();
        Set<Integer> r = new TreeSet<>();
        for (String x : s.split(",")) r.add(Integer.parseInt(x));
        return r;
    }
}

package org.srvcc.simulation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Everything a run starts from. Its text form names each field, e.g.
 * "ts33501 mmeMapsWrongKsi=true ues=1 maxAttempts=3 maxCount=6 maxKamf=3 maxFaults=1 unauth=1 seed=1" (see
 * {@link #text()}).
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

    /** A compromised place must be one the model knows: refused here, not when a run starts. */
    public Setup {
        for (String p : compromised) Place.parse(p);
    }

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

    /**
     * The text form: the profile, then {@code name=value} for each option off the standard, each bound (ues always,
     * the others where they differ from {@link Bounds#of(int)}), the emergency and unauthenticated UEs, the
     * compromised places, the seed, and the capability fields ({@link Capabilities#text()}), separated by spaces.
     * Names are the options' and the bounds' own.
     */
    public String text() {
        List<String> f = new ArrayList<>(List.of(profile.toString()));
        Map<String, String> std = Options.STANDARD.asMap();
        options.asMap().forEach((k, v) -> {
            if (!v.equals(std.get(k))) f.add(k + "=" + v);
        });
        Map<String, String> none = Bounds.of(bounds.ues()).asMap();
        bounds.asMap().forEach((k, v) -> {
            if (k.equals("ues") || !v.equals(none.get(k))) f.add(k + "=" + v);
        });
        if (!emergencyUes.isEmpty()) f.add("emergency=" + join(emergencyUes));
        if (!unauthUes.isEmpty()) f.add("unauth=" + join(unauthUes));
        if (!compromised.isEmpty()) f.add("compromised=" + String.join(",", new TreeSet<>(compromised)));
        f.add("seed=" + seed);
        if (!caps.isNone()) f.add(caps.text());
        return String.join(" ", f);
    }

    /** A setup from its text form; the earlier positional form (fields separated by ';') is still read. */
    public static Setup parse(String text) {
        String t = text.strip();
        if (t.contains(";")) return parsePositional(t);
        String[] tokens = t.split("\\s+");
        Map<String, String> bounds = new LinkedHashMap<>();
        List<String> options = new ArrayList<>(), caps = new ArrayList<>();
        Map<String, String> roles = new LinkedHashMap<>(Map.of("seed", "1"));
        Set<String> seen = new HashSet<>();
        Set<String> boundNames = Bounds.of(1).asMap().keySet();
        for (int i = 1; i < tokens.length; i++) {
            int eq = tokens[i].indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("setup field '" + tokens[i] + "' must be name=value");
            String k = tokens[i].substring(0, eq), v = tokens[i].substring(eq + 1);
            if (!seen.add(k)) throw new IllegalArgumentException("setup field " + k + " is given twice");
            if (boundNames.contains(k)) bounds.put(k, v);
            else if (ROLES.contains(k)) roles.put(k, v);
            else if (CAPABILITY_FIELDS.contains(k)) caps.add(tokens[i]);
            else if (Options.STANDARD.asMap().containsKey(k)) options.add(tokens[i]);
            else
                throw new IllegalArgumentException("unknown setup field '" + k + "' (an option, a bound, "
                        + String.join(", ", ROLES) + " or " + String.join(", ", CAPABILITY_FIELDS) + ")");
        }
        return new Setup(
                Profile.parse(tokens[0]),
                Options.STANDARD.with(options),
                Bounds.fromMap(bounds),
                ints(roles.getOrDefault("emergency", "-")),
                ints(roles.getOrDefault("unauth", "-")),
                roles.containsKey("compromised")
                        ? Set.of(roles.get("compromised").split(","))
                        : Set.of(),
                seed(roles.get("seed")),
                caps.isEmpty() ? Capabilities.NONE : Capabilities.parse(String.join(" ", caps)));
    }

    /** The fields a setup names besides its options and bounds. */
    private static final List<String> ROLES = List.of("emergency", "unauth", "compromised", "seed");

    private static final List<String> CAPABILITY_FIELDS = List.of("weak", "incapable", "links", "tampers", "nocontext");

    private static long seed(String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setup field seed=" + v + " is not a whole number");
        }
    }

    /** The positional form "profile;options;bounds;emergency;unauth;compromised;seed[;capabilities]". */
    static Setup parsePositional(String text) {
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

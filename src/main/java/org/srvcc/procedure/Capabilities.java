package org.srvcc.procedure;

import java.util.Set;
import java.util.TreeSet;

/**
 * The capabilities of the UEs and the attacker who rewrites them; the model's WeakUEs,
 * SrvccIncapableUEs, TamperedLinks and MaxTampers, and NoContextUEs (no SIM: no 5G security
 * context). Links: "Uu" (radio, an unprotected NAS Registration Request), "N2" (NGAP's
 * "5G-SRVCC operation possible"), "N26" and "Sv" (the UE security capability in the Forward
 * Relocation Request and the PS to CS Request).
 */
public record Capabilities(
        Set<Integer> weakUes,
        Set<Integer> srvccIncapableUes,
        Set<String> tamperedLinks,
        int maxTampers,
        Set<Integer> noContextUes) {
    public static final Set<String> LINKS = Set.of("Uu", "N2", "N26", "Sv");
    public static final Capabilities NONE = new Capabilities(Set.of(), Set.of(), Set.of(), 0);

    public Capabilities(
            Set<Integer> weakUes, Set<Integer> srvccIncapableUes, Set<String> tamperedLinks, int maxTampers) {
        this(weakUes, srvccIncapableUes, tamperedLinks, maxTampers, Set.of());
    }

    /**
     * UEs with no 5G security context at all (no SIM; the model's NoContextUEs, a subset of the unauthenticated ones).
     */
    public static Capabilities noContext(Set<Integer> ues) {
        return new Capabilities(Set.of(), Set.of(), Set.of(), 0, ues);
    }

    public Capabilities {
        noContextUes = Set.copyOf(new TreeSet<>(noContextUes));
        weakUes = Set.copyOf(new TreeSet<>(weakUes));
        srvccIncapableUes = Set.copyOf(new TreeSet<>(srvccIncapableUes));
        tamperedLinks = Set.copyOf(tamperedLinks);
        for (String l : tamperedLinks)
            if (!LINKS.contains(l))
                throw new IllegalArgumentException("unknown link '" + l + "' (known: Uu, N2, N26, Sv)");
        if (maxTampers < 0 || maxTampers > 16)
            throw new IllegalArgumentException("maxTampers " + maxTampers + " outside 0..16");
    }

    public boolean isNone() {
        return weakUes.isEmpty()
                && srvccIncapableUes.isEmpty()
                && tamperedLinks.isEmpty()
                && maxTampers == 0
                && noContextUes.isEmpty();
    }

    /** The model's UeCap(u). */
    public Set<Algorithm> capabilityOf(int u) {
        return Algorithm.capabilityOf(weakUes.contains(u));
    }

    public boolean srvccCapable(int u) {
        return !srvccIncapableUes.contains(u);
    }

    /** Text form "weak=2 incapable=1 links=N26,Sv tampers=1" (fields with nothing in them left out). */
    public String text() {
        StringBuilder b = new StringBuilder();
        if (!weakUes.isEmpty()) b.append("weak=").append(join(weakUes));
        if (!srvccIncapableUes.isEmpty())
            b.append(b.length() == 0 ? "" : " ").append("incapable=").append(join(srvccIncapableUes));
        if (!tamperedLinks.isEmpty())
            b.append(b.length() == 0 ? "" : " ")
                    .append("links=")
                    .append(String.join(",", new TreeSet<>(tamperedLinks)));
        if (maxTampers != 0)
            b.append(b.length() == 0 ? "" : " ").append("tampers=").append(maxTampers);
        if (!noContextUes.isEmpty())
            b.append(b.length() == 0 ? "" : " ").append("nocontext=").append(join(noContextUes));
        return b.toString();
    }

    public static Capabilities parse(String text) {
        Set<Integer> weak = Set.of(), incapable = Set.of(), noContext = Set.of();
        Set<String> links = Set.of();
        int tampers = 0;
        for (String f : text.strip().split("\\s+")) {
            if (f.isEmpty()) continue;
            int eq = f.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("capabilities field '" + f + "' must be name=value");
            String k = f.substring(0, eq), v = f.substring(eq + 1);
            switch (k) {
                case "weak" -> weak = ints(v);
                case "incapable" -> incapable = ints(v);
                case "links" -> links = Set.of(v.split(","));
                case "tampers" -> tampers = Integer.parseInt(v);
                case "nocontext" -> noContext = ints(v);
                default ->
                    throw new IllegalArgumentException("unknown capabilities field '" + k
                            + "' (known: weak, incapable, links, tampers, nocontext)");
            }
        }
        return new Capabilities(weak, incapable, links, tampers, noContext);
    }

    private static Set<Integer> ints(String v) {
        Set<Integer> s = new TreeSet<>();
        for (String x : v.split(",")) s.add(Integer.parseInt(x));
        return s;
    }

    private static String join(Set<Integer> s) {
        StringBuilder b = new StringBuilder();
        for (int i : new TreeSet<>(s)) b.append(b.length() == 0 ? "" : ",").append(i);
        return b.toString();
    }
}

package org.srvcc.procedure;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the MSC server selected for the CS call; the model's mscAlg values. UEA and UIA go in
 * pairs here: UEA1 stands for UEA1/UIA1 (KASUMI), UEA2 for UEA2/UIA2 (SNOW 3G), UEA0 for no
 * ciphering with integrity still on (UIA1 is mandatory, TS 33.102 6.5), NULL for UEA0 and no
 * integrity (J.2's NULL algorithms). NONE: nothing selected (no context, or no algorithm in common).
 */
public enum Algorithm {
    // simplification: uea-uia-paired
    NONE("none"), NULL("null"), UEA0("uea0"), UEA1("uea1"), UEA2("uea2");

    public final String model;

    Algorithm(String model) {
        this.model = model;
    }

    /** The UTRAN algorithms a UE security capability can list (the model's CipherAlgs). */
    public static final Set<Algorithm> CIPHERS = Collections.unmodifiableSet(EnumSet.of(UEA1, UEA2));

    public boolean ciphers() {
        return CIPHERS.contains(this);
    }

    /** The model's UeCap(u): a weak UE has UEA1/UIA1 only. */
    public static Set<Algorithm> capabilityOf(boolean weak) {
        return weak ? Set.of(UEA1) : CIPHERS;
    }

    /** The model's Best(cap): the MSC's preferred algorithm if the capability lists it, else the other, NONE if it lists none. */
    // policy: msc-prefers
    public static Algorithm best(Set<Algorithm> cap, Algorithm prefers) {
        Algorithm other = prefers == UEA2 ? UEA1 : UEA2;
        return cap.contains(prefers) ? prefers : cap.contains(other) ? other : NONE;
    }

    /**
     * The model's SessionAlg(s, cap): NULL only for an unauthenticated emergency call (TS 33.501 J.2);
     * otherwise the strongest algorithm of the capability, or, with none in common, UEA0 if the MSC
     * allows it and NONE (refuse) if not.
     */
    static Algorithm select(Session s, Set<Algorithm> cap, boolean allowsUea0, Algorithm prefers) {
        if (s == Session.EMERGENCY_UNAUTH) return NULL;
        Algorithm b = best(cap, prefers);
        return b != NONE ? b : allowsUea0 ? UEA0 : NONE;
    }

    /** A capability as the model writes it: the set of its algorithms' names. */
    public static Set<String> names(Set<Algorithm> cap) {
        Set<String> s = new TreeSet<>();
        for (Algorithm a : cap) s.add(a.model);
        return s;
    }

    public static Algorithm parse(String model) {
        for (Algorithm a : values()) if (a.model.equals(model)) return a;
        throw new IllegalArgumentException("unknown algorithm '" + model + "' (known: none, null, uea0, uea1, uea2)");
    }
}

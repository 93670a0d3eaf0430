package org.srvcc.procedure;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The UTRAN algorithms a UE security capability lists (the model's CapAlgs): ciphering UEA1 (KASUMI)
 * and UEA2 (SNOW 3G), integrity UIA1 and UIA2. UEA0 (no ciphering) is not listed: every UE has it.
 * What the MSC selects from them is a {@link Selection}.
 */
public enum Algorithm {
    UEA1("uea1"),
    UEA2("uea2"),
    UIA1("uia1"),
    UIA2("uia2");

    public final String model;

    Algorithm(String model) {
        this.model = model;
    }

    /** Every algorithm a capability can list. */
    public static final Set<Algorithm> ALL = Collections.unmodifiableSet(EnumSet.allOf(Algorithm.class));

    /** The model's UeCap(u): a weak UE has UEA1 and UIA1 only. */
    public static Set<Algorithm> capabilityOf(boolean weak) {
        return weak ? Set.of(UEA1, UIA1) : ALL;
    }

    /** A capability as the model writes it: the set of its algorithms' names. */
    public static Set<String> names(Set<Algorithm> cap) {
        Set<String> s = new TreeSet<>();
        for (Algorithm a : cap) s.add(a.model);
        return s;
    }

    public static Algorithm parse(String model) {
        for (Algorithm a : values()) if (a.model.equals(model)) return a;
        throw new IllegalArgumentException("unknown algorithm '" + model + "' (known: uea1, uea2, uia1, uia2)");
    }
}

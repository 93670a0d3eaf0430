package org.srvcc.procedure;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Where keys other than KAMF rest or pass, and what a passive attacker may read: the model's Places. */
public enum Place {
    GNB("gNB"),
    MME_SRVCC("MME_SRVCC"),
    MSC("MSC"),
    SV("Sv");

    public final String model;

    Place(String model) {
        this.model = model;
    }

    public static Place parse(String s) {
        for (Place p : values()) if (p.model.equals(s)) return p;
        throw new IllegalArgumentException("unknown place '" + s + "' (expected one of "
                + Arrays.stream(values()).map(p -> p.model).collect(Collectors.joining(", ")) + ")");
    }
}

package org.srvcc.procedure;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The three procedures the project supports; the names are the CLI's and the TLA+ model's. */
public enum Profile {
    /** TS 33.501 Annex J.1.2: AMF -> MME_SRVCC -> MSC; A.21 then A.12 with COUNT 0; 4 LSBs to the UE. */
    TS33501("ts33501", true),
    /** Seed clause X.1.1: AMF derives K'ASME, MME derives or splits, MME -> MSC. */
    DRAFT_VIA_MME("draft-via-mme", true),
    /** Seed clause X.1.2: AMF derives CK||IK directly and talks to the MSC itself. */
    DRAFT_DIRECT("draft-direct", false);

    private final String cliName;
    private final boolean viaMme;

    Profile(String cliName, boolean viaMme) {
        this.cliName = cliName;
        this.viaMme = viaMme;
    }

    public String cliName() {
        return cliName;
    }

    public boolean viaMme() {
        return viaMme;
    }

    public static Profile parse(String s) {
        for (Profile p : values()) if (p.cliName.equals(s)) return p;
        throw new IllegalArgumentException("unknown profile '" + s + "' (expected one of "
                + Arrays.stream(values()).map(Profile::cliName).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public String toString() {
        return cliName;
    }
}

package org.srvcc.procedure;

/** What the MSC server selected for the CS call (UEA/UIA); the model's mscAlg values. */
public enum Algorithm {
    NONE("none"), NULL("null"), CIPHERED("ciphered");

    public final String model;

    Algorithm(String model) {
        this.model = model;
    }

    /** TS 33.501 Annex J / TS 33.401 §14: NULL algorithms only for an unauthenticated emergency call. */
    static Algorithm forSession(Session s) {
        return s == Session.EMERGENCY_UNAUTH ? NULL : CIPHERED;
    }
}

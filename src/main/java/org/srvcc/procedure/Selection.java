package org.srvcc.procedure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the MSC server selected for the CS call, UEA and UIA chosen separately: the model's mscAlg,
 * a record [uea |-> .., uia |-> ..]. {@link #NONE}: nothing (no context, or refused); {@link #NULL}:
 * J.2's NULL algorithms (UEA0, no integrity), which use no key. Any other selection uses IK, and CK
 * unless its UEA is UEA0 (a fallback that turns ciphering off, never integrity).
 */
public record Selection(String uea, String uia) {
    public static final Selection NONE = new Selection("none", "none");
    public static final Selection NULL = new Selection("uea0", "none");

    /** The model's UsesKeys: a selection the call's CK/IK are used under. */
    public boolean usesKeys() {
        return !equals(NONE) && !equals(NULL);
    }

    /** The selection as the model's record. */
    public Map<String, Object> model() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uea", uea);
        m.put("uia", uia);
        return m;
    }

    @Override
    public String toString() {
        return equals(NONE) ? "none" : equals(NULL) ? "null" : uea + "/" + uia;
    }

    /**
     * The model's Prefer: the preferred family's algorithm if the capability lists it, else the other's, else "none".
     */
    // policy: msc-prefers
    static String prefer(Algorithm one, Algorithm two, Set<Algorithm> cap, Options.Prefers prefers) {
        Algorithm first = prefers == Options.Prefers.UEA2 ? two : one, second = first == two ? one : two;
        return cap.contains(first) ? first.model : cap.contains(second) ? second.model : "none";
    }

    /** The model's Best(cap): the preferred UEA and UIA of a capability, each chosen on its own. */
    public static Selection best(Set<Algorithm> cap, Options.Prefers prefers) {
        return new Selection(
                prefer(Algorithm.UEA1, Algorithm.UEA2, cap, prefers),
                prefer(Algorithm.UIA1, Algorithm.UIA2, cap, prefers));
    }

    /**
     * The model's SessionAlg(s, cap): NULL only for an unauthenticated emergency call (TS 33.501 J.2);
     * otherwise the best UEA and UIA; with no UIA in common, refuse; with no UEA in common, UEA0 with
     * the best UIA if the MSC allows it, else refuse.
     */
    static Selection select(Session s, Set<Algorithm> cap, boolean allowsUea0, Options.Prefers prefers) {
        if (s == Session.EMERGENCY_UNAUTH) return NULL;
        Selection b = best(cap, prefers);
        if (b.uia.equals("none")) return NONE;
        if (!b.uea.equals("none")) return b;
        return allowsUea0 ? new Selection("uea0", b.uia) : NONE;
    }

    /** The model's UeCanExecute for a UE of capability cap: NULL, or UEA (UEA0 always) and UIA it has. */
    boolean executableBy(Set<Algorithm> cap) {
        if (equals(NULL)) return true;
        if (equals(NONE)) return false;
        return (uea.equals("uea0") || cap.contains(Algorithm.parse(uea))) && cap.contains(Algorithm.parse(uia));
    }
}

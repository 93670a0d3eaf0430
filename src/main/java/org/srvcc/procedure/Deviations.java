package org.srvcc.procedure;

import java.util.function.Function;
import java.util.function.Supplier;
import org.srvcc.kdf.CkIk;
import org.srvcc.kdf.Kamf;
import org.srvcc.kdf.Key256;
import org.srvcc.kdf.Ksi;

/**
 * The points where a mutant may depart from the procedure: one method per override point of
 * model-checks/MC.tla ({@code X <- MCX} in every cfg), named as the TLA+ definition it stands for.
 * The defaults are the standard's behaviour, and the nodes know nothing else; the departures, each
 * there only to show that an invariant can fail, live in {@code org.srvcc.mutants}.
 */
public interface Deviations {
    /** The procedure as specified. */
    Deviations STANDARD = new Deviations() {};

    /**
     * AmfSentKey, via MME_SRVCC: the K_ASME_SRVCC the AMF sends ({@code derived}: the J.1.2 derivation from {@code
     * kamf}).
     */
    default Key256 amfSentKey(Kamf kamf, Supplier<Key256> derived) {
        return derived.get();
    }

    /** AmfSentKey, direct to the MSC: the CK_SRVCC||IK_SRVCC the AMF sends. */
    default CkIk amfSentCkIk(Kamf kamf, Supplier<CkIk> derived) {
        return derived.get();
    }

    /** NoContextKey: what the AMF derives from for a UE with no 5G security context (the standard: nothing). */
    default Kamf noContextKey() {
        return null;
    }

    /** MmeMapKsi: the KSI_SRVCC MME_SRVCC maps from the eKSI (TS 33.401 A.12: the same value). */
    default Ksi mmeMapKsi(Ksi eksi) {
        return eksi;
    }

    /** MscSelectAlg: the MSC's selection for the session, given {@code select} (the model's SessionAlg). */
    default Selection mscSelectAlg(Session session, Function<Session, Selection> select) {
        return select.apply(session);
    }

    /** MscForgetsKsi: a failed handover deletes KSI_SRVCC with CK and IK (TS 33.501 J.1.2). */
    default boolean mscForgetsKsi() {
        return true;
    }

    /** AmfCountAfterFailure: the DL NAS COUNT after a failed preparation (it stays past the attempt's COUNT). */
    default int amfCountAfterFailure(int dl, int attemptCount) {
        return dl;
    }

    /** UeStoredCount: the stored DL NAS COUNT after an estimate (TS 33.401 14.1: only a greater one is stored). */
    default int ueStoredCount(int stored, int estimate) {
        return Math.max(stored, estimate);
    }

    /** UeForgetsKeysOnReturn: a UE back on NR drops CK_SRVCC and IK_SRVCC. */
    default boolean ueForgetsKeysOnReturn() {
        return true;
    }

    /** SessionAfterReauth: the session a new primary authentication leaves (authenticated: normal). */
    default Session sessionAfterReauth(Session before) {
        return Session.NORMAL;
    }

    /** UeSkipReauth: an action the procedure does not have (back on 5G after the call without authenticating). */
    default boolean ueSkipReauth() {
        return false;
    }

    /** UeRequestReverseSrvcc: SRVCC from UTRAN back to 5G is refused; true carries it out. */
    default boolean ueReverseSrvcc() {
        return false;
    }
}

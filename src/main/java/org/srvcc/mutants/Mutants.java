package org.srvcc.mutants;

import java.util.Arrays;
import java.util.function.Function;
import java.util.function.Supplier;
import org.srvcc.kdf.CkIk;
import org.srvcc.kdf.Derivations;
import org.srvcc.kdf.InsecureKeyAccess;
import org.srvcc.kdf.Kamf;
import org.srvcc.kdf.Key256;
import org.srvcc.kdf.Ksi;
import org.srvcc.procedure.Deviations;
import org.srvcc.procedure.Options;
import org.srvcc.procedure.Selection;
import org.srvcc.procedure.Session;

/**
 * The mutant switches of {@link Options}, each a departure at one override point, as MC.tla's MC*
 * definitions are: the Java side of "every invariant part can fail".
 */
public final class Mutants implements Deviations {
    private final Options o;

    private Mutants(Options o) {
        this.o = o;
    }

    /** The deviations these options ask for: {@link Deviations#STANDARD} when they set no mutant. */
    public static Deviations of(Options o) {
        return o.isMutant() ? new Mutants(o) : STANDARD;
    }

    /**
     * amfSendsKamf: KAMF itself goes out as the key, the leak the confinement invariant and the wire scan must catch.
     */
    @Override
    public Key256 amfSentKey(Kamf kamf, Supplier<Key256> derived) {
        return o.amfSendsKamf() ? kamfAsKey(kamf) : derived.get();
    }

    @Override
    public CkIk amfSentCkIk(Kamf kamf, Supplier<CkIk> derived) {
        return o.amfSendsKamf() ? Derivations.split(kamfAsKey(kamf)) : derived.get();
    }

    private static Key256 kamfAsKey(Kamf kamf) {
        byte[] b = kamf.bytes(InsecureKeyAccess.get());
        try {
            return Key256.of(b, kamf.term(), InsecureKeyAccess.get());
        } finally {
            Arrays.fill(b, (byte) 0);
        }
    }

    /** amfKeysWithoutContext: derives anyway, from an all-zero "KAMF" with identity 0. */
    @Override
    public Kamf noContextKey() {
        return o.amfKeysWithoutContext() ? Kamf.of(new byte[32], 0, InsecureKeyAccess.get()) : null;
    }

    /** mmeMapsNoKeyKsi maps to 7 ("no key available"); mmeMapsWrongKsi to the next value. */
    @Override
    public Ksi mmeMapKsi(Ksi eksi) {
        if (o.mmeMapsNoKeyKsi()) return Ksi.NO_KEY_AVAILABLE;
        return o.mmeMapsWrongKsi() ? eksi.next() : eksi;
    }

    /** nullAlgorithmsAlways selects NULL for every call; mscIgnoresEmergency selects as for a normal one. */
    @Override
    public Selection mscSelectAlg(Session session, Function<Session, Selection> select) {
        if (o.nullAlgorithmsAlways()) return Selection.NULL;
        return select.apply(o.mscIgnoresEmergency() ? Session.NORMAL : session);
    }

    @Override
    public boolean mscForgetsKsi() {
        return !o.mscKeepsKsiOnFailure();
    }

    /** ueLowersStoredCount stores every estimate, a smaller one too. */
    @Override
    public int amfCountAfterFailure(int dl, int attemptCount) {
        return o.amfRewindsCount() ? attemptCount : dl;
    }

    @Override
    public int ueStoredCount(int stored, int estimate) {
        return o.ueLowersStoredCount() ? estimate : Math.max(stored, estimate);
    }

    @Override
    public boolean ueForgetsKeysOnReturn() {
        return !o.ueKeepsKeysOnReturn();
    }

    @Override
    public Session sessionAfterReauth(Session before) {
        return o.ueKeepsSessionOnReauth() ? before : Session.NORMAL;
    }

    @Override
    public boolean ueSkipReauth() {
        return o.ueSkipsReauth();
    }

    @Override
    public boolean ueReverseSrvcc() {
        return o.allowReverseSrvcc();
    }
}

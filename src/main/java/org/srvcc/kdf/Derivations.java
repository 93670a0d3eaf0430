package org.srvcc.kdf;

import java.util.Arrays;

/** The named derivations of TS 33.501 Annex A and TS 33.401 Annex A that the procedure uses. */
public final class Derivations {
    private Derivations() {}

    /** TS 33.501 A.14.1: K'ASME at idle mobility, FC 0x73, P0 = uplink NAS COUNT. */
    public static Key256 kPrimeAsmeIdle(Kamf kamf, NasCount uplink) {
        return fromKamf(kamf, Fc.K_PRIME_ASME_IDLE, uplink);
    }

    /** TS 33.501 A.14.2: K'ASME at 5G to EPS handover, FC 0x74, P0 = downlink NAS COUNT. */
    public static Key256 kPrimeAsmeHandover(Kamf kamf, NasCount downlink) {
        return fromKamf(kamf, Fc.K_PRIME_ASME_HANDOVER, downlink);
    }

    /** TS 33.501 A.21: KASME_SRVCC, FC 0x7D, P0 = downlink NAS COUNT. */
    public static Key256 kasmeSrvcc(Kamf kamf, NasCount downlink) {
        return fromKamf(kamf, Fc.KASME_SRVCC, downlink);
    }

    /** A key from KAMF with any FC: the draft's open choice of FC, made explicit by the caller. */
    public static Key256 fromKamf(Kamf kamf, Fc fc, NasCount count) {
        byte[] out = Kdf.derive(kamf.raw(), fc, count.encode());
        try {
            return new Key256(out, new KeyTerm.KdfTerm(kamf.term(), fc, count.value()));
        } finally {
            Arrays.fill(out, (byte) 0);
        }
    }

    /** TS 33.401 A.12: CK_SRVCC || IK_SRVCC from a KASME, FC 0x1A, P0 = NAS COUNT (zero in Annex J). */
    public static CkIk ckIkSrvcc(Key256 kasme, NasCount count) {
        return CkIk.split(
                Kdf.derive(kasme.raw(), Fc.CK_IK_SRVCC, count.encode()),
                new KeyTerm.KdfTerm(kasme.term(), Fc.CK_IK_SRVCC, count.value()));
    }

    /** Draft X.1.1 "treat K'ASME as CK_SRVCC || IK_SRVCC": no derivation, just the halves. */
    public static CkIk split(Key256 k) {
        return CkIk.split(k.raw().clone(), k.term());
    }

    /** Draft X.1.2: CK_SRVCC || IK_SRVCC straight from KAMF with the given FC. */
    public static CkIk ckIkFromKamf(Kamf kamf, Fc fc, NasCount downlink) {
        return CkIk.split(
                Kdf.derive(kamf.raw(), fc, downlink.encode()), new KeyTerm.KdfTerm(kamf.term(), fc, downlink.value()));
    }
}

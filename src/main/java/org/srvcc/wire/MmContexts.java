package org.srvcc.wire;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The two MM Contexts of the procedure: EPS Security Context and Quadruplets on N26, MM Context for E-UTRAN SRVCC on
 * Sv.
 */
public final class MmContexts {
    private MmContexts() {}

    // ------------------------------------------------------------ MM Context (EPS Security Context and Quadruplets),
    // TS 29.274 §8.38

    /** Zero octets where a key would be: with KSI 7, the request of a UE with no 5G security context carries no key. */
    public static boolean noKeyOctets(byte[]... keys) {
        int x = 0;
        for (byte[] k : keys) for (byte v : k) x |= v;
        return x == 0;
    }

    /**
     * Octet 5 security mode 4 = EPS security context and quadruplets. Key and capability arrays are secrets/owned by
     * the caller.
     */
    /** {@code mei}: the MEI's digits in the context's own MEI field (an emergency session), or "" for none. */
    public record MmContextEps(
            int ksiAsme,
            int nasIntegrity,
            int nasCipher,
            int dlCount,
            int ulCount,
            byte[] kasme,
            byte[] ueNetworkCapability,
            String mei) {
        public void wipe() {
            Arrays.fill(kasme, (byte) 0);
        }

        @Override
        public String toString() {
            return "MmContextEps[KSI_ASME " + ksiAsme + ", DL " + dlCount + ", UL " + ulCount + "]";
        }
    }

    public static Ie mmContextEps(MmContextEps c) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(4 << 5 | c.ksiAsme() & 0x07); // security mode 4, NHI 0, DRXI 0
        o.write(0); // no quintuplets or quadruplets, UAMB RI 0, OSCI 0
        o.write((c.nasIntegrity() & 0x07) << 4 | c.nasCipher() & 0x0F); // SAMB RI 0
        Octets.u24(o, c.dlCount());
        Octets.u24(o, c.ulCount());
        o.writeBytes(c.kasme());
        o.write(c.ueNetworkCapability().length);
        o.writeBytes(c.ueNetworkCapability());
        o.write(0); // no MS network capability
        byte[] mei = c.mei().isEmpty() ? new byte[0] : Ies.tbcd(c.mei());
        o.write(mei.length); // TS 29.274 Figure 8.38-4: the MEI travels in the MM Context
        o.writeBytes(mei);
        o.write(0); // access restriction flags: none
        return Ie.of(Gtpv2.MM_CONTEXT_EPS, o.toByteArray());
    }

    public static MmContextEps mmContextEps(Ie ie) {
        Octets r = Octets.of(ie.value(), ie.offset() + 4, ie.type());
        int o5 = r.u8("security mode, NHI, DRXI, KSI_ASME");
        if (o5 >> 5 != 4) throw r.fail("security mode 4 (EPS security context and quadruplets), found " + (o5 >> 5));
        int o6 = r.u8("numbers of quintuplets and quadruplets, UAMB RI, OSCI");
        if (o6 >> 2 != 0) throw r.fail("no quintuplets or quadruplets (this procedure sends none)");
        if ((o6 & 0x01) != 0) throw r.fail("no old EPS security context (OSCI 0)");
        int o7 = r.u8("SAMB RI, used NAS integrity and cipher algorithms");
        int dl = r.u24("NAS downlink COUNT"), ul = r.u24("NAS uplink COUNT");
        byte[] kasme = r.take(32, "KASME");
        if ((o5 & 0x08) != 0) r.take(2, "DRX parameter");
        if ((o5 & 0x10) != 0) {
            Arrays.fill(r.take(32, "NH"), (byte) 0);
            r.u8("NCC");
        }
        if ((o7 & 0x80) != 0) r.take(8, "subscribed UE AMBR");
        if ((o6 & 0x02) != 0) r.take(8, "used UE AMBR");
        byte[] cap = r.remaining() > 0 ? r.lengthPrefixed("UE network capability") : new byte[0];
        if (r.remaining() > 0) r.lengthPrefixed("MS network capability");
        String mei = "";
        if (r.remaining() > 0) {
            int n = r.u8("length of the Mobile Equipment Identity");
            if (n > 0) mei = Ies.tbcd(r, n, "MEI");
        }
        return new MmContextEps(o5 & 0x07, (o7 >> 4) & 0x07, o7 & 0x0F, dl, ul, kasme, cap, mei);
    }

    // ------------------------------------------------------------ MM Context for E-UTRAN SRVCC, TS 29.280 §6.5

    public record MmContextEutranSrvcc(
            int eksi, byte[] ck, byte[] ik, byte[] classmark2, byte[] classmark3, byte[] codecs) {
        public void wipe() {
            Arrays.fill(ck, (byte) 0);
            Arrays.fill(ik, (byte) 0);
        }

        @Override
        public String toString() {
            return "MmContextEutranSrvcc[eKSI " + eksi + "]";
        }
    }

    public static Ie mmContextEutranSrvcc(MmContextEutranSrvcc c) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(c.eksi() & 0x07);
        o.writeBytes(c.ck());
        o.writeBytes(c.ik());
        for (byte[] f : new byte[][] {c.classmark2(), c.classmark3(), c.codecs()}) {
            o.write(f.length);
            o.writeBytes(f);
        }
        return Ie.of(Gtpv2.MM_CONTEXT_FOR_EUTRAN_SRVCC, o.toByteArray());
    }

    public static MmContextEutranSrvcc mmContextEutranSrvcc(Ie ie) {
        Octets r = Octets.of(ie.value(), ie.offset() + 4, ie.type());
        int eksi = r.u8("spare and eKSI") & 0x07;
        byte[] ck = r.take(16, "CK'CS"), ik = r.take(16, "IK'CS");
        byte[] cm2 = r.lengthPrefixed("Mobile Station Classmark 2");
        byte[] cm3 = r.lengthPrefixed("Mobile Station Classmark 3");
        byte[] codecs = r.lengthPrefixed("Supported Codec List");
        r.expectEnd("MM Context for E-UTRAN SRVCC");
        return new MmContextEutranSrvcc(eksi, ck, ik, cm2, cm3, codecs);
    }
}

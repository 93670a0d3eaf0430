package org.srvcc.wire;

import java.io.ByteArrayOutputStream;
import java.util.Optional;

/**
 * The IEs this procedure reads and writes, each as TS 29.274 §8 / TS 29.280 §6 lays out its value
 * (octet 5 onwards). Decoders take the IE so that errors name its type and offset.
 */
public final class Ies {
    private Ies() {}

    /**
     * Reads an IE this procedure interprets with its typed decoder (so a bad one fails at decode time); others pass.
     */
    static void validate(Ie ie) {
        switch (ie.type()) {
            case Gtpv2.IMSI, Gtpv2.MSISDN, Gtpv2.MEI -> digits(ie);
            case Gtpv2.CAUSE -> cause(ie);
            case Gtpv2.F_TEID -> fteid(ie);
            case Gtpv2.INDICATION -> indication(ie);
            case Gtpv2.SV_FLAGS -> svFlags(ie);
            case Gtpv2.MM_CONTEXT_EPS -> MmContexts.mmContextEps(ie).wipe();
            case Gtpv2.MM_CONTEXT_FOR_EUTRAN_SRVCC ->
                MmContexts.mmContextEutranSrvcc(ie).wipe();
            case Gtpv2.TEID_C -> teidC(ie);
            case Gtpv2.IP_ADDRESS -> ipAddress(ie);
            default -> {}
        }
    }

    // ------------------------------------------------------------ TBCD digits (IMSI, MSISDN, MEI, STN-SR)

    static byte[] tbcd(String digits) {
        if (!digits.matches("[0-9]{1,16}")) throw new IllegalArgumentException("TBCD digits: " + digits);
        byte[] b = new byte[(digits.length() + 1) / 2];
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            b[i / 2] |= (byte) (i % 2 == 0 ? d : d << 4);
        }
        if (digits.length() % 2 == 1) b[b.length - 1] |= (byte) 0xF0; // filler
        return b;
    }

    static String tbcd(Octets r, int n, String what) {
        byte[] b = r.take(n, what);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < b.length; i++) {
            int lo = b[i] & 0x0F, hi = (b[i] >> 4) & 0x0F;
            if (lo > 9) throw r.fail(what + ": a decimal digit, found nibble " + lo);
            s.append((char) ('0' + lo));
            if (hi == 0xF && i == b.length - 1) break;
            if (hi > 9) throw r.fail(what + ": a decimal digit or a final filler, found nibble " + hi);
            s.append((char) ('0' + hi));
        }
        if (s.length() == 0) throw r.fail(what + ": at least one digit");
        return s.toString();
    }

    public static Ie imsi(String digits) {
        return Ie.of(Gtpv2.IMSI, tbcd(digits));
    }

    public static Ie msisdn(String digits) {
        return Ie.of(Gtpv2.MSISDN, tbcd(digits));
    }

    public static Ie mei(String digits) {
        return Ie.of(Gtpv2.MEI, tbcd(digits));
    }

    /** IMSI, MSISDN or MEI: the digits of the whole value. */
    public static String digits(Ie ie) {
        Octets r = Octets.of(ie.value(), ie.offset() + 4, ie.type());
        return tbcd(r, ie.value().length, Gtpv2.ieName(ie.type()));
    }

    /** STN-SR (TS 29.280 §6.2): nature of address and numbering plan, then digits. */
    public static Ie stnSr(String digits) {
        byte[] d = tbcd(digits);
        byte[] v = new byte[1 + d.length];
        v[0] = (byte) 0x91; // international number, ISDN/telephony numbering plan (E.164)
        System.arraycopy(d, 0, v, 1, d.length);
        return Ie.of(Gtpv2.STN_SR, v);
    }

    // ------------------------------------------------------------ Cause (TS 29.274 §8.4)

    public static final int REQUEST_ACCEPTED = 16, NO_RESOURCES_AVAILABLE = 73, REQUEST_REJECTED = 94;

    public static Ie cause(int value) {
        return Ie.of(Gtpv2.CAUSE, new byte[] {(byte) value, 0});
    }

    public static int cause(Ie ie) {
        Octets r = Octets.of(ie.value(), ie.offset() + 4, ie.type());
        int v = r.u8("cause value");
        r.u8("PCE/BCE/CS flags");
        if (r.remaining() != 0 && r.remaining() != 4)
            throw r.fail("Cause of 2 or 6 octets (with an offending IE), found " + ie.value().length);
        return v;
    }

    /** SRVCC Cause (TS 29.280 §6.7); 2 = handover/relocation cancelled by source system. */
    public static Ie srvccCause(int value) {
        return Ie.of(Gtpv2.SRVCC_CAUSE, new byte[] {(byte) value});
    }

    // ------------------------------------------------------------ F-TEID (TS 29.274 §8.22)

    /** Interface types (Table 8.22-1): S10/N26 MME GTP-C, N26 AMF GTP-C. */
    public static final int IF_S10_N26_MME = 12, IF_N26_AMF = 40;

    public record Fteid(int interfaceType, long teid, byte[] ipv4) {}

    public static Ie fteid(int interfaceType, long teid, byte[] ipv4) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(0x80 | interfaceType); // V4 = 1, V6 = 0
        Octets.u32(o, teid);
        o.writeBytes(ipv4);
        return Ie.of(Gtpv2.F_TEID, o.toByteArray());
    }

    public static Fteid fteid(Ie ie) {
        Octets r = Octets.of(ie.value(), ie.offset() + 4, ie.type());
        int f = r.u8("V4/V6 flags and interface type");
        long teid = r.u32("TEID/GRE key");
        if ((f & 0x80) == 0) throw r.fail("an IPv4 address (V4 flag 1)");
        byte[] a = r.take(4, "IPv4 address");
        if ((f & 0x40) != 0) r.take(16, "IPv6 address");
        r.expectEnd("F-TEID");
        return new Fteid(f & 0x3F, teid, a);
    }

    // ------------------------------------------------------------ Indication (TS 29.274 §8.12)

    public record Indication(boolean uimsi, boolean fiveGSrvccHo, boolean emergency) {}

    /** UIMSI is octet 6 bit 7; 5SRHOI octet 12 bit 2; EMCI octet 13 bit 1 (the flags from octet 5). */
    // reading: emci-flag (the emergency indication as EMCI)
    // reading: no-sim-imsi-unauth (UIMSI for a UE without a 5G context)
    public static Ie indication(Indication i) {
        byte[] v = new byte[9];
        if (i.uimsi()) v[1] |= 0x40;
        if (i.fiveGSrvccHo()) v[7] |= 0x02;
        if (i.emergency()) v[8] |= 0x01;
        return Ie.of(Gtpv2.INDICATION, v);
    }

    /** An absent Indication IE has every flag 0. */
    public static Indication indication(Optional<Ie> ie) {
        return ie.map(Ies::indication).orElse(new Indication(false, false, false));
    }

    public static Indication indication(Ie ie) {
        byte[] v = ie.value();
        if (v.length == 0) throw new DecodeException(ie.type(), ie.offset() + 4, "at least one octet of flags");
        return new Indication(
                v.length > 1 && (v[1] & 0x40) != 0,
                v.length > 7 && (v[7] & 0x02) != 0,
                v.length > 8 && (v[8] & 0x01) != 0);
    }

    // ------------------------------------------------------------ Sv Flags (TS 29.280 §6.11)

    public static final int SV_EMIND = 0x01, SV_ICS = 0x02, SV_STI = 0x04;

    public static Ie svFlags(int flags) {
        return Ie.of(Gtpv2.SV_FLAGS, new byte[] {(byte) flags});
    }

    public static int svFlags(Ie ie) {
        Octets r = Octets.of(ie.value(), ie.offset() + 4, ie.type());
        return r.u8("Sv flags");
    }

    // ------------------------------------------------------------ containers and target

    /**
     * Source or Target Transparent Container (TS 29.280 §6.3, §6.4): a length octet, then the container. The
     * length octet is the container's length up to 255 and 255 above (kept for backward compatibility); a
     * receiver takes the length from the IE's own length, minus one.
     */
    public static Ie transparentContainer(int type, byte[] container) {
        byte[] v = new byte[1 + container.length];
        v[0] = (byte) Math.min(container.length, 255);
        System.arraycopy(container, 0, v, 1, container.length);
        return Ie.of(type, v);
    }

    /**
     * The container of a Source or Target Transparent Container: the IE's octets after the length octet, whatever that
     * octet says.
     */
    public static byte[] transparentContainer(Ie ie) {
        Octets r = Octets.of(ie.value(), ie.offset() + 4, ie.type());
        r.u8("length of the transparent container (ignored by a receiver)");
        return r.take(r.remaining(), "transparent container");
    }

    // ------------------------------------------------------------ Sv addressing (TS 29.280 §6.9; TS 29.274 §8.9)

    /** Sv TEID for Control Plane (TEID-C, type 59): four octets. */
    public static Ie teidC(long teid) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        Octets.u32(o, teid);
        return Ie.of(Gtpv2.TEID_C, o.toByteArray());
    }

    public static long teidC(Ie ie) {
        Octets r = Octets.of(ie.value(), ie.offset() + 4, ie.type());
        return r.u32("TEID-C"); // later octets are an extension a receiver ignores
    }

    /** IP Address (type 74): an IPv4 (4 octets) or IPv6 (16 octets) address. */
    public static Ie ipAddress(byte[] address) {
        if (address.length != 4 && address.length != 16)
            throw new IllegalArgumentException("IP address of " + address.length + " octets");
        return Ie.of(Gtpv2.IP_ADDRESS, address.clone());
    }

    public static byte[] ipAddress(Ie ie) {
        if (ie.value().length != 4 && ie.value().length != 16)
            throw new DecodeException(
                    ie.type(),
                    ie.offset(),
                    "an IPv4 (4 octets) or IPv6 (16 octets) address, found " + ie.value().length + " octets");
        return ie.value().clone();
    }

    /** Target RNC ID (TS 29.280 §6.8): MCC/MNC, LAC, RAC, RNC-ID. */
    public static Ie targetRncId(int lac, int rac, int rncId) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(new byte[] {0x00, (byte) 0xF1, 0x10}); // MCC 001, MNC 01 (test network)
        Octets.u16(o, lac);
        o.write(rac);
        Octets.u16(o, rncId);
        return Ie.of(Gtpv2.TARGET_RNC_ID, o.toByteArray());
    }
}

package org.srvcc.wire;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The classic libpcap file format: a writer for IPv4/UDP packets (link type 101, raw IP) and a
 * reader that also takes Ethernet (1) and IPv4 (228) captures, in either byte order, with micro-
 * or nanosecond timestamps. The reader checks every length against what the file holds.
 */
public final class Pcap {
    private Pcap() {}

    public static final int GTP_C_PORT = 2123;
    private static final int LINKTYPE_ETHERNET = 1, LINKTYPE_RAW = 101, LINKTYPE_IPV4 = 228;
    private static final int SNAPLEN = 65535;

    /** One packet to write: a UDP datagram between two IPv4 addresses on the GTP-C port. */
    public record Frame(long micros, byte[] src, byte[] dst, byte[] payload) {}

    /** A UDP datagram read back: its packet number in the file (from 1), addresses, ports and payload. */
    public record Packet(int number, long micros, byte[] src, byte[] dst, int srcPort, int dstPort, byte[] payload, int fileOffset) {
        public boolean isGtpC() {
            return srcPort == GTP_C_PORT || dstPort == GTP_C_PORT;
        }

        public String srcText() {
            return ip(src);
        }

        public String dstText() {
            return ip(dst);
        }

        @Override
        public String toString() {
            return "Packet[" + number + " " + srcText() + ":" + srcPort + " > " + dstText() + ":" + dstPort + ", " + payload.length + " octets]";
        }
    }

    /** What a file holds: its UDP packets, and how many other packets were skipped. */
    public record Capture(List<Packet> packets, int skipped) {}

    public static String ip(byte[] a) {
        return (a[0] & 0xFF) + "." + (a[1] & 0xFF) + "." + (a[2] & 0xFF) + "." + (a[3] & 0xFF);
    }

    public static byte[] write(List<Frame> frames) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        le32(o, 0xa1b2c3d4L);
        le16(o, 2);
        le16(o, 4);
        le32(o, 0);          // thiszone
        le32(o, 0);          // sigfigs
        le32(o, SNAPLEN);
        le32(o, LINKTYPE_RAW);
        int id = 0;
        for (Frame f : frames) {
            byte[] ip = ipv4Udp(f, ++id);
            le32(o, f.micros() / 1_000_000);
            le32(o, f.micros() % 1_000_000);
            le32(o, ip.length);
            le32(o, ip.length);
            o.writeBytes(ip);
            java.util.Arrays.fill(ip, (byte) 0);
        }
        return o.toByteArray();
    }

    private static byte[] ipv4Udp(Frame f, int id) {
        int udpLen = 8 + f.payload().length, total = 20 + udpLen;
        if (total > 0xFFFF) throw new IllegalArgumentException("datagram of " + total + " octets");
        byte[] p = new byte[total];
        p[0] = 0x45;
        put16(p, 2, total);
        put16(p, 4, id);
        put16(p, 6, 0x4000);   // don't fragment
        p[8] = 64;
        p[9] = 17;
        System.arraycopy(f.src(), 0, p, 12, 4);
        System.arraycopy(f.dst(), 0, p, 16, 4);
        put16(p, 10, checksum(p, 0, 20, 0));
        put16(p, 20, GTP_C_PORT);
        put16(p, 22, GTP_C_PORT);
        put16(p, 24, udpLen);
        System.arraycopy(f.payload(), 0, p, 28, f.payload().length);
        long pseudo = sum(p, 12, 8) + 17 + udpLen;   // RFC 768 pseudo-header
        int c = checksum(p, 20, udpLen, pseudo);
        put16(p, 26, c == 0 ? 0xFFFF : c);
        return p;
    }

    private static long sum(byte[] b, int from, int n) {
        long s = 0;
        for (int i = 0; i < n; i += 2) s += (b[from + i] & 0xFF) << 8 | (i + 1 < n ? b[from + i + 1] & 0xFF : 0);
        return s;
    }

    private static int checksum(byte[] b, int from, int n, long extra) {
        long s = sum(b, from, n) + extra;
        while (s >> 16 != 0) s = (s & 0xFFFF) + (s >> 16);
        return (int) (~s & 0xFFFF);
    }

    public static Capture read(byte[] b) {
        Octets h = new Octets(b, 0, b.length, 0, -1);
        long magic = h.u32("pcap magic number");
        boolean le, nanos;
        if (magic == 0xa1b2c3d4L || magic == 0xa1b23c4dL) le = false;
        else if (magic == 0xd4c3b2a1L || magic == 0x4d3cb2a1L) le = true;
        else throw new DecodeException(-1, 0, "a pcap file (magic a1b2c3d4 or a1b23c4d in either byte order; pcapng is not read)");
        nanos = magic == 0xa1b23c4dL || magic == 0x4d3cb2a1L;
        int major = u16(h, le, "version major");
        h.u16("version minor");
        if (major != 2) throw new DecodeException(-1, 4, "pcap version 2, found " + major);
        h.u32("thiszone");
        h.u32("sigfigs");
        u32(h, le, "snaplen");
        long link = u32(h, le, "link type");
        if (link != LINKTYPE_ETHERNET && link != LINKTYPE_RAW && link != LINKTYPE_IPV4)
            throw new DecodeException(-1, 20, "link type 1 (Ethernet), 101 (raw IP) or 228 (IPv4), found " + link);
        List<Packet> out = new ArrayList<>();
        int skipped = 0, n = 0;
        while (h.remaining() > 0) {
            int at = h.offset();
            long sec = u32(h, le, "packet " + (n + 1) + " timestamp seconds");
            long frac = u32(h, le, "packet " + (n + 1) + " timestamp fraction");
            long incl = u32(h, le, "packet " + (n + 1) + " captured length");
            u32(h, le, "packet " + (n + 1) + " original length");
            if (incl > h.remaining()) throw new DecodeException(-1, at + 8, "packet " + (n + 1) + " of " + incl + " octets but only " + h.remaining() + " left in the file (truncated)");
            byte[] data = h.take((int) incl, "packet " + (n + 1));
            n++;
            Packet p = udp(data, link, n, sec * 1_000_000 + (nanos ? frac / 1000 : frac), at + 16);
            if (p == null) skipped++;
            else out.add(p);
        }
        return new Capture(out, skipped);
    }

    /** The UDP datagram in a packet, or null for anything else (ARP, IPv6, TCP, fragments). */
    private static Packet udp(byte[] d, long link, int number, long micros, int base) {
        Octets r = new Octets(d, 0, d.length, base, -1);
        if (link == LINKTYPE_ETHERNET) {
            r.take(12, "Ethernet addresses");
            if (r.u16("EtherType") != 0x0800) return null;
        }
        int start = d.length - r.remaining();
        int vihl = r.u8("IPv4 version and header length");
        if (vihl >> 4 != 4) return null;
        int ihl = (vihl & 0x0F) * 4;
        if (ihl < 20) throw r.fail("IPv4 header length of at least 20, found " + ihl);
        r.u8("TOS");
        int total = r.u16("IPv4 total length");
        if (total < ihl + 8 || start + total > d.length) throw r.fail("IPv4 total length " + total + " consistent with the " + (d.length - start) + " octets captured");
        r.u16("identification");
        int frag = r.u16("flags and fragment offset");
        r.u8("TTL");
        int proto = r.u8("protocol");
        r.u16("header checksum");
        byte[] src = r.take(4, "source address"), dst = r.take(4, "destination address");
        r.take(ihl - 20, "IPv4 options");
        if (proto != 17 || (frag & 0x3FFF) != 0) return null;
        int sp = r.u16("UDP source port"), dp = r.u16("UDP destination port"), len = r.u16("UDP length");
        r.u16("UDP checksum");
        if (len < 8 || len > total - ihl) throw r.fail("UDP length " + len + " within the IPv4 payload of " + (total - ihl));
        byte[] payload = r.take(len - 8, "UDP payload");
        return new Packet(number, micros, src, dst, sp, dp, payload, base + start + ihl + 8);
    }

    private static int u16(Octets r, boolean le, String what) {
        int v = r.u16(what);
        return le ? Integer.reverseBytes(v) >>> 16 : v;
    }

    private static long u32(Octets r, boolean le, String what) {
        long v = r.u32(what);
        return le ? Integer.toUnsignedLong(Integer.reverseBytes((int) v)) : v;
    }

    private static void le16(ByteArrayOutputStream o, int v) {
        o.write(v);
        o.write(v >> 8);
    }

    private static void le32(ByteArrayOutputStream o, long v) {
        for (int i = 0; i < 4; i++) o.write((int) (v >> (8 * i)));
    }

    private static void put16(byte[] p, int at, int v) {
        p[at] = (byte) (v >> 8);
        p[at + 1] = (byte) v;
    }
}

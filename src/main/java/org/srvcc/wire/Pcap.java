package org.srvcc.wire;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Captures: a writer of classic libpcap files with IPv4/UDP packets (link type 101, raw IP), and the
 * packets a capture holds as {@link CaptureReader} reads them (pcap or pcapng, many link types).
 */
public final class Pcap {
    private Pcap() {}

    public static final int GTP_C_PORT = 2123;
    private static final int LINKTYPE_RAW = 101;
    private static final int SNAPLEN = 65535;

    /** One packet to write: a UDP datagram between two IPv4 addresses on the GTP-C port. */
    public record Frame(long micros, byte[] src, byte[] dst, byte[] payload) {}

    /** A UDP datagram read back: its packet number in the file (from 1), addresses, ports and payload. */
    public record Packet(
            int number, long micros, byte[] src, byte[] dst, int srcPort, int dstPort, byte[] payload, int fileOffset) {
        public boolean isGtpC() {
            return isGtpC(GTP_C_PORT);
        }

        public boolean isGtpC(int port) {
            return srcPort == port || dstPort == port;
        }

        public String srcText() {
            return ip(src);
        }

        public String dstText() {
            return ip(dst);
        }

        @Override
        public String toString() {
            return "Packet[" + number + " " + srcText() + ":" + srcPort + " > " + dstText() + ":" + dstPort + ", "
                    + payload.length + " octets]";
        }
    }

    /** What a file holds: its UDP packets, how many other packets were skipped, and why. */
    public record Capture(List<Packet> packets, int skipped, Map<String, Integer> skippedBy) {
        public int frames() {
            return packets.size() + skipped;
        }
    }

    /** An IPv4 address in dotted form, an IPv6 address as eight hexadecimal groups. */
    public static String ip(byte[] a) {
        if (a.length == 4) return (a[0] & 0xFF) + "." + (a[1] & 0xFF) + "." + (a[2] & 0xFF) + "." + (a[3] & 0xFF);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < a.length; i += 2)
            b.append(i == 0 ? "" : ":").append(Integer.toHexString((a[i] & 0xFF) << 8 | a[i + 1] & 0xFF));
        return b.toString();
    }

    public static byte[] write(List<Frame> frames) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        le32(o, 0xa1b2c3d4L);
        le16(o, 2);
        le16(o, 4);
        le32(o, 0); // thiszone
        le32(o, 0); // sigfigs
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
            Arrays.fill(ip, (byte) 0);
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
        put16(p, 6, 0x4000); // don't fragment
        p[8] = 64;
        p[9] = 17;
        System.arraycopy(f.src(), 0, p, 12, 4);
        System.arraycopy(f.dst(), 0, p, 16, 4);
        put16(p, 10, checksum(p, 0, 20, 0));
        put16(p, 20, GTP_C_PORT);
        put16(p, 22, GTP_C_PORT);
        put16(p, 24, udpLen);
        System.arraycopy(f.payload(), 0, p, 28, f.payload().length);
        long pseudo = sum(p, 12, 8) + 17 + udpLen; // RFC 768 pseudo-header
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

    /** A capture file, pcap or pcapng, as {@link CaptureReader} reads it. */
    public static Capture read(byte[] b) {
        return CaptureReader.read(b);
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

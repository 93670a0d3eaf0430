package org.srvcc.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads captures as users have them: libpcap files (either byte order, micro- or nanosecond stamps) and
 * pcapng files (several sections, several interfaces, each with its own link type and time resolution;
 * Enhanced, Simple and obsolete Packet Blocks, other blocks skipped). Link types: Ethernet with any number
 * of 802.1Q / 802.1ad (QinQ) tags, Linux cooked capture v1 and v2, raw IP, IPv4, IPv6 and BSD loopback.
 * Every packet is numbered as tshark numbers frames; what is not a UDP datagram over IPv4 or IPv6 is
 * skipped and counted by reason. Lengths are checked against what the file holds; a file that is not a
 * capture, or is cut short, is a DecodeException naming the packet.
 */
final class CaptureReader {
    private CaptureReader() {}

    static final int ETHERNET = 1, NULL = 0, RAW = 101, IPV4 = 228, IPV6 = 229, SLL = 113, SLL2 = 276;
    private static final long SHB = 0x0A0D0D0AL;

    static Pcap.Capture read(byte[] b) {
        if (b.length >= 4 && be32(b, 0) == SHB) return pcapng(b);
        return classic(b);
    }

    private static final class Sink {
        final List<Pcap.Packet> packets = new ArrayList<>();
        final Map<String, Integer> skipped = new TreeMap<>();
        int frames;

        void frame(byte[] data, long link, long micros, int base) {
            frames++;
            String why = link == ETHERNET
                            || link == NULL
                            || link == RAW
                            || link == IPV4
                            || link == IPV6
                            || link == SLL
                            || link == SLL2
                    ? null
                    : "link type " + link + " not read";
            Pcap.Packet p = null;
            if (why == null) {
                Object r = datagram(data, link, frames, micros, base);
                if (r instanceof Pcap.Packet q) p = q;
                else why = (String) r;
            }
            if (p != null) packets.add(p);
            else skipped.merge(why, 1, Integer::sum);
        }

        Pcap.Capture capture() {
            return new Pcap.Capture(packets, frames - packets.size(), skipped);
        }
    }

    private static Pcap.Capture classic(byte[] b) {
        Octets h = new Octets(b, 0, b.length, 0, -1);
        long magic = h.u32("capture magic number");
        boolean le, nanos;
        if (magic == 0xa1b2c3d4L || magic == 0xa1b23c4dL) le = false;
        else if (magic == 0xd4c3b2a1L || magic == 0x4d3cb2a1L) le = true;
        else
            throw new DecodeException(
                    -1, 0, "a pcap file (magic a1b2c3d4 or a1b23c4d in either byte order) or a pcapng file (0a0d0d0a)");
        nanos = magic == 0xa1b23c4dL || magic == 0x4d3cb2a1L;
        int major = (int) u16(h, le, "version major");
        h.u16("version minor");
        if (major != 2) throw new DecodeException(-1, 4, "pcap version 2, found " + major);
        h.u32("thiszone");
        h.u32("sigfigs");
        u32(h, le, "snaplen");
        long link = u32(h, le, "link type") & 0x0FFFFFFF; // the upper bits carry FCS information
        Sink sink = new Sink();
        while (h.remaining() > 0) {
            int at = h.offset(), n = sink.frames + 1;
            long sec = u32(h, le, "packet " + n + " timestamp seconds");
            long frac = u32(h, le, "packet " + n + " timestamp fraction");
            long incl = u32(h, le, "packet " + n + " captured length");
            u32(h, le, "packet " + n + " original length");
            if (incl > h.remaining())
                throw new DecodeException(
                        -1,
                        at + 8,
                        "packet " + n + " of " + incl + " octets but only " + h.remaining()
                                + " left in the file (truncated)");
            sink.frame(
                    h.take((int) incl, "packet " + n), link, sec * 1_000_000 + (nanos ? frac / 1000 : frac), at + 16);
        }
        return sink.capture();
    }

    /** One pcapng interface: its link type, snap length and time units per second. */
    private record Interface(long link, long snaplen, double unitsPerSecond) {}

    private static Pcap.Capture pcapng(byte[] b) {
        Sink sink = new Sink();
        List<Interface> interfaces = new ArrayList<>();
        boolean le = false;
        int at = 0;
        while (at < b.length) {
            if (b.length - at < 12)
                throw new DecodeException(-1, at, "a pcapng block of at least 12 octets (truncated file)");
            long type = be32(b, at);
            if (type == SHB) {
                long bom = be32(b, at + 8);
                if (bom == 0x1A2B3C4DL) le = false;
                else if (bom == 0x4D3C2B1AL) le = true;
                else
                    throw new DecodeException(
                            -1, at + 8, "the pcapng byte-order magic 1a2b3c4d, found " + Long.toHexString(bom));
                interfaces.clear(); // a new section: its interfaces are numbered from 0 again
            } else type = get32(b, at, le);
            long total = get32(b, at + 4, le);
            if (total < 12 || total % 4 != 0 || total > b.length - at)
                throw new DecodeException(
                        -1,
                        at + 4,
                        "a pcapng block length that is a multiple of 4, at least 12 and within the file, found " + total
                                + " (after packet " + sink.frames + ")");
            int body = at + 8, end = (int) (at + total - 4);
            if (get32(b, end, le) != total)
                throw new DecodeException(-1, end, "the pcapng block's trailing length equal to its leading " + total);
            switch ((int) type) {
                case 1 -> interfaces.add(idb(b, body, end, le));
                case 6, 2 -> epb(b, body, end, le, type == 6, interfaces, sink); // Enhanced; obsolete Packet Block
                case 3 -> spb(b, body, end, le, interfaces, sink); // Simple Packet Block: interface 0, no timestamp
                default -> {} // section header, statistics, name resolution, custom blocks: nothing to read here
            }
            at += (int) total;
        }
        return sink.capture();
    }

    /** An Enhanced Packet Block (or the obsolete Packet Block, with a 16-bit interface number). */
    private static void epb(
            byte[] b, int body, int end, boolean le, boolean enhanced, List<Interface> interfaces, Sink sink) {
        int n = sink.frames + 1;
        need(end - body, 20, n);
        long iface = enhanced ? get32(b, body, le) : get16(b, body, le);
        if (iface >= interfaces.size())
            throw new DecodeException(
                    -1, body, "packet " + n + " names interface " + iface + ", which no block described");
        Interface i = interfaces.get((int) iface);
        long ts = get32(b, body + 4, le) << 32 | get32(b, body + 8, le);
        long caplen = get32(b, body + 12, le);
        if (caplen > end - (body + 20))
            throw new DecodeException(
                    -1, body + 12, "packet " + n + " of " + caplen + " octets in a block holding " + (end - body - 20));
        sink.frame(
                Arrays.copyOfRange(b, body + 20, body + 20 + (int) caplen),
                i.link(),
                (long) (ts / i.unitsPerSecond() * 1e6),
                body + 20);
    }

    private static void spb(byte[] b, int body, int end, boolean le, List<Interface> interfaces, Sink sink) {
        int n = sink.frames + 1;
        need(end - body, 4, n);
        if (interfaces.isEmpty())
            throw new DecodeException(-1, body, "packet " + n + " before any interface was described");
        long orig = get32(b, body, le);
        long caplen = Math.min(
                Math.min(
                        orig,
                        interfaces.get(0).snaplen() == 0
                                ? orig
                                : interfaces.get(0).snaplen()),
                end - (body + 4));
        sink.frame(
                Arrays.copyOfRange(b, body + 4, body + 4 + (int) caplen),
                interfaces.get(0).link(),
                0,
                body + 4);
    }

    private static Interface idb(byte[] b, int body, int end, boolean le) {
        if (end - body < 8) throw new DecodeException(-1, body, "an interface description of at least 8 octets");
        long link = get16(b, body, le), snaplen = get32(b, body + 4, le);
        double units = 1e6;
        for (int o = body + 8; o + 4 <= end; ) {
            int code = (int) get16(b, o, le), len = (int) get16(b, o + 2, le);
            if (code == 0) break;
            if (o + 4 + len > end) throw new DecodeException(-1, o, "an interface option within its block");
            if (code == 9 && len >= 1) { // if_tsresol: a power of 10, or of 2 with the top bit set
                int v = b[o + 4] & 0xFF;
                units = (v & 0x80) == 0 ? Math.pow(10, v) : Math.pow(2, v & 0x7F);
            }
            o += 4 + (len + 3) / 4 * 4;
        }
        return new Interface(link, snaplen, units);
    }

    private static void need(int have, int want, int n) {
        if (have < want)
            throw new DecodeException(-1, 0, "packet " + n + ": a packet block of at least " + want + " octets");
    }

    /** The UDP datagram of a frame, or the reason it is skipped. */
    private static Object datagram(byte[] d, long link, int number, long micros, int base) {
        int at = 0, proto;
        if (link == ETHERNET) {
            if (d.length < 14) return "Ethernet frame too short";
            at = 12;
            proto = u16(d, at);
            while (proto == 0x8100 || proto == 0x88A8 || proto == 0x9100) { // 802.1Q, 802.1ad and the older QinQ tag
                if (d.length < at + 6) return "VLAN tag cut short";
                at += 4;
                proto = u16(d, at);
            }
            at += 2;
        } else if (link == SLL) {
            if (d.length < 16) return "Linux cooked header cut short";
            proto = u16(d, 14);
            at = 16;
        } else if (link == SLL2) {
            if (d.length < 20) return "Linux cooked v2 header cut short";
            proto = u16(d, 0);
            at = 20;
        } else if (link == NULL) {
            if (d.length < 4) return "loopback header cut short";
            at = 4;
            proto = d.length > 4 ? ((d[4] & 0xF0) == 0x40 ? 0x0800 : (d[4] & 0xF0) == 0x60 ? 0x86DD : -1) : -1;
        } else {
            proto = d.length > 0 ? ((d[0] & 0xF0) == 0x40 ? 0x0800 : (d[0] & 0xF0) == 0x60 ? 0x86DD : -1) : -1;
            if (link == IPV4 && proto != 0x0800 || link == IPV6 && proto != 0x86DD)
                return "not the link type's IP version";
        }
        if (proto == 0x0800) return ipv4(d, at, number, micros, base);
        if (proto == 0x86DD) return ipv6(d, at, number, micros, base);
        return "not IP";
    }

    private static Object ipv4(byte[] d, int start, int number, long micros, int base) {
        Octets r = new Octets(d, start, d.length, base, -1);
        int vihl = r.u8("IPv4 version and header length");
        int ihl = (vihl & 0x0F) * 4;
        if (vihl >> 4 != 4) return "not IP";
        if (ihl < 20) throw r.fail("packet " + number + ": IPv4 header length of at least 20, found " + ihl);
        r.u8("TOS");
        int total = r.u16("IPv4 total length");
        if (total < ihl || start + total > d.length)
            throw r.fail("packet " + number + ": IPv4 total length " + total + " consistent with the "
                    + (d.length - start) + " octets captured");
        r.u16("identification");
        int frag = r.u16("flags and fragment offset");
        r.u8("TTL");
        int proto = r.u8("protocol");
        r.u16("header checksum");
        byte[] src = r.take(4, "source address"), dst = r.take(4, "destination address");
        if (proto != 17) return "not UDP";
        if ((frag & 0x3FFF) != 0) return "IP fragment";
        return udp(d, start + ihl, start + total, src, dst, number, micros, base);
    }

    private static Object ipv6(byte[] d, int start, int number, long micros, int base) {
        if (d.length < start + 40)
            throw new DecodeException(-1, base + start, "packet " + number + ": an IPv6 header of 40 octets");
        int payload = u16(d, start + 4), next = d[start + 6] & 0xFF;
        int end = start + 40 + payload;
        if (end > d.length)
            throw new DecodeException(
                    -1,
                    base + start + 4,
                    "packet " + number + ": IPv6 payload length " + payload + " within the octets captured");
        byte[] src = Arrays.copyOfRange(d, start + 8, start + 24), dst = Arrays.copyOfRange(d, start + 24, start + 40);
        int at = start + 40;
        while (next == 0
                || next == 43
                || next == 60
                || next == 44) { // hop-by-hop, routing, destination options, fragment
            if (next == 44) return "IP fragment";
            if (at + 2 > end)
                throw new DecodeException(
                        -1, base + at, "packet " + number + ": an IPv6 extension header within the packet");
            int len = ((d[at + 1] & 0xFF) + 1) * 8;
            next = d[at] & 0xFF;
            at += len;
        }
        if (next != 17) return "not UDP";
        return udp(d, at, end, src, dst, number, micros, base);
    }

    private static Object udp(byte[] d, int at, int end, byte[] src, byte[] dst, int number, long micros, int base) {
        if (end - at < 8) throw new DecodeException(-1, base + at, "packet " + number + ": a UDP header of 8 octets");
        int sp = u16(d, at), dp = u16(d, at + 2), len = u16(d, at + 4);
        if (len < 8 || len > end - at)
            throw new DecodeException(
                    -1,
                    base + at + 4,
                    "packet " + number + ": UDP length " + len + " within the IP payload of " + (end - at));
        return new Pcap.Packet(
                number, micros, src, dst, sp, dp, Arrays.copyOfRange(d, at + 8, at + len), base + at + 8);
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
    }

    private static long be32(byte[] b, int at) {
        return (long) (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | b[at + 3] & 0xFF;
    }

    private static long get32(byte[] b, int at, boolean le) {
        long v = be32(b, at);
        return le ? Integer.toUnsignedLong(Integer.reverseBytes((int) v)) : v;
    }

    private static long get16(byte[] b, int at, boolean le) {
        int v = u16(b, at);
        return le ? (Integer.reverseBytes(v) >>> 16) : v;
    }

    private static long u16(Octets r, boolean le, String what) {
        int v = r.u16(what);
        return le ? Integer.reverseBytes(v) >>> 16 : v;
    }

    private static long u32(Octets r, boolean le, String what) {
        long v = r.u32(what);
        return le ? Integer.toUnsignedLong(Integer.reverseBytes((int) v)) : v;
    }
}

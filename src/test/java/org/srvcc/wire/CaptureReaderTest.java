package org.srvcc.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Captures as users have them, built here octet by octet from the pcapng specification (not with the
 * reader's code): two sections of opposite byte order, interfaces with their own link types and time
 * resolutions, Ethernet with 802.1Q and QinQ tags, Linux cooked v1 and v2, IPv6 with an extension
 * header, and traffic that is not GTP-C. tools/wire-check.sh checks the same reader against tshark.
 */
class CaptureReaderTest {
    static final byte[] GTP = new Gtpv2Message(136, 1, 2, List.of(Ies.cause(16))).encode();
    static final byte[] V4A = {(byte) 192, 0, 2, 10}, V4B = {(byte) 192, 0, 2, 20};
    static final byte[] V6A = hex("20010db8000000000000000000000001"), V6B = hex("20010db8000000000000000000000002");

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    static byte[] udp(int sport, int dport, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(8 + payload.length);
        b.putShort((short) sport)
                .putShort((short) dport)
                .putShort((short) (8 + payload.length))
                .putShort((short) 0)
                .put(payload);
        return b.array();
    }

    static byte[] ipv4(int proto, int fragment, byte[] body) {
        ByteBuffer b = ByteBuffer.allocate(20 + body.length);
        b.put((byte) 0x45)
                .put((byte) 0)
                .putShort((short) (20 + body.length))
                .putShort((short) 7)
                .putShort((short) fragment)
                .put((byte) 64)
                .put((byte) proto)
                .putShort((short) 0)
                .put(V4A)
                .put(V4B)
                .put(body);
        return b.array();
    }

    /** IPv6 with a destination-options extension header (8 octets) before UDP. */
    static byte[] ipv6(byte[] udp) {
        ByteBuffer b = ByteBuffer.allocate(40 + 8 + udp.length);
        b.putInt(0x60000000)
                .putShort((short) (8 + udp.length))
                .put((byte) 60)
                .put((byte) 64)
                .put(V6A)
                .put(V6B);
        b.put((byte) 17).put((byte) 0).put(new byte[6]).put(udp);
        return b.array();
    }

    static byte[] ethernet(byte[] ip, int etherType, int... tags) {
        ByteBuffer b = ByteBuffer.allocate(14 + 2 * tags.length + ip.length);
        b.put(new byte[12]);
        for (int i = 0; i < tags.length; i += 2) b.putShort((short) tags[i]).putShort((short) tags[i + 1]);
        b.putShort((short) etherType).put(ip);
        return b.array();
    }

    static byte[] sll(byte[] ip, int proto) {
        ByteBuffer b = ByteBuffer.allocate(16 + ip.length);
        b.putShort((short) 0)
                .putShort((short) 1)
                .putShort((short) 6)
                .put(new byte[8])
                .putShort((short) proto)
                .put(ip);
        return b.array();
    }

    static byte[] sll2(byte[] ip, int proto) {
        ByteBuffer b = ByteBuffer.allocate(20 + ip.length);
        b.putShort((short) proto)
                .putShort((short) 0)
                .putInt(2)
                .putShort((short) 1)
                .put((byte) 0)
                .put((byte) 6)
                .put(new byte[8])
                .put(ip);
        return b.array();
    }

    /** pcapng blocks in the given byte order. */
    static final class Ng {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        void block(ByteOrder o, int type, byte[] body) {
            int padded = (body.length + 3) / 4 * 4, total = 12 + padded;
            ByteBuffer b = ByteBuffer.allocate(total).order(o);
            b.putInt(type).putInt(total).put(body).position(8 + padded);
            b.putInt(total);
            out.writeBytes(b.array());
        }

        void shb(ByteOrder o) {
            block(
                    o,
                    0x0A0D0D0A,
                    ByteBuffer.allocate(16)
                            .order(o)
                            .putInt(0x1A2B3C4D)
                            .putShort((short) 1)
                            .putShort((short) 0)
                            .putLong(-1)
                            .array());
        }

        void idb(ByteOrder o, int link, Integer tsresol) {
            ByteBuffer b = ByteBuffer.allocate(tsresol == null ? 8 : 20).order(o);
            b.putShort((short) link).putShort((short) 0).putInt(65535);
            if (tsresol != null)
                b.putShort((short) 9)
                        .putShort((short) 1)
                        .put((byte) (int) tsresol)
                        .put(new byte[3])
                        .putShort((short) 0)
                        .putShort((short) 0);
            block(o, 1, b.array());
        }

        void epb(ByteOrder o, int iface, long ts, byte[] data) {
            ByteBuffer b = ByteBuffer.allocate(20 + data.length).order(o);
            b.putInt(iface)
                    .putInt((int) (ts >>> 32))
                    .putInt((int) ts)
                    .putInt(data.length)
                    .putInt(data.length)
                    .put(data);
            block(o, 6, b.array());
        }
    }

    @Test
    void pcapngWithSectionsInterfacesVlansCookedCapturesAndIpv6() throws Exception {
        ByteOrder le = ByteOrder.LITTLE_ENDIAN, be = ByteOrder.BIG_ENDIAN;
        Ng ng = new Ng();
        ng.shb(le);
        ng.idb(le, 1, null); // interface 0: Ethernet, microseconds
        ng.idb(le, 113, 9); // interface 1: Linux cooked, nanoseconds
        ng.epb(le, 0, 1_000_000, ethernet(ipv4(17, 0, udp(2123, 2123, GTP)), 0x0800, 0x8100, 5)); // 1: 802.1Q
        ng.epb(le, 0, 2_000_000, ethernet(ipv4(17, 0, udp(2123, 2123, GTP)), 0x0800, 0x88A8, 7, 0x8100, 9)); // 2: QinQ
        ng.epb(le, 0, 3_000_000, ethernet(new byte[28], 0x0806)); // 3: ARP
        ng.epb(le, 1, 4_000_000_000L, sll(ipv4(17, 0, udp(2123, 2123, GTP)), 0x0800)); // 4: cooked, 4 s in ns
        ng.block(le, 5, new byte[12]); // statistics: skipped
        ng.shb(be); // a second section
        ng.idb(be, 276, null); // interface 0 of the new section: Linux cooked v2
        ng.idb(be, 229, null); // interface 1: IPv6
        ng.epb(be, 0, 5_000_000, sll2(ipv6(udp(40000, 2123, GTP)), 0x86DD)); // 5: cooked v2, IPv6
        ng.epb(be, 1, 6_000_000, ipv6(udp(2123, 2123, GTP))); // 6: raw IPv6
        ng.epb(be, 1, 7_000_000, ipv6Tcp()); // 7: TCP over IPv6
        ng.epb(be, 0, 8_000_000, sll2(ipv4(17, 0x2000, udp(2123, 2123, GTP)), 0x0800)); // 8: a fragment
        byte[] file = ng.out.toByteArray();
        if (Boolean.getBoolean(
                "srvcc.writeFormats")) // -Dsrvcc.writeFormats=true, then tools/wire-check.sh --capture for its fields
        Files.write(WireGoldenTest.DIR.resolve("formats.pcapng"), file);
        // the same file is committed with tshark's fields for it (tools/wire-check.sh --capture): both readers agree
        assertArrayEquals(
                Files.readAllBytes(WireGoldenTest.DIR.resolve("formats.pcapng")),
                file,
                "regenerate formats.pcapng and its tshark fields");
        assertEquals(
                Files.readAllLines(WireGoldenTest.DIR.resolve("formats.tshark.tsv")),
                FieldView.view(file, Pcap.GTP_C_PORT).lines());
        Pcap.Capture c = Pcap.read(file);
        assertEquals(8, c.frames());
        assertEquals(
                List.of(1, 2, 4, 5, 6),
                c.packets().stream().map(Pcap.Packet::number).toList());
        for (Pcap.Packet p : c.packets()) assertArrayEquals(GTP, p.payload(), "packet " + p.number());
        assertEquals(4_000_000, c.packets().get(2).micros(), "nanosecond resolution read from if_tsresol");
        assertEquals("2001:db8:0:0:0:0:0:1", c.packets().get(3).srcText());
        assertEquals(40000, c.packets().get(3).srcPort());
        assertEquals(Map.of("IP fragment", 1, "not IP", 1, "not UDP", 1), c.skippedBy());
    }

    /** IPv6 carrying TCP (next header 6). */
    static byte[] ipv6Tcp() {
        ByteBuffer b = ByteBuffer.allocate(60);
        b.putInt(0x60000000)
                .putShort((short) 20)
                .put((byte) 6)
                .put((byte) 64)
                .put(V6A)
                .put(V6B)
                .put(new byte[20]);
        return b.array();
    }

    @Test
    void theWireViewSkipsAndCountsWhatIsNotTheProcedureAndNamesAPacketThatDoesNotDecode() {
        byte[] echo = hex("40 01 0009 000001 00 03 0001 00 05"); // Echo Request with Recovery
        byte[] createSession = hex("48 20 0008 00000000 000002 00");
        byte[] broken = Arrays.copyOf(GTP, GTP.length - 1);
        broken[3] -= 1;
        Ng ng = new Ng();
        ng.shb(ByteOrder.BIG_ENDIAN);
        ng.idb(ByteOrder.BIG_ENDIAN, 1, null);
        for (byte[] g : new byte[][] {echo, GTP, createSession, broken, GTP})
            ng.epb(ByteOrder.BIG_ENDIAN, 0, 0, ethernet(ipv4(17, 0, udp(2123, 2123, g)), 0x0800, 0x8100, 100));
        ng.epb(ByteOrder.BIG_ENDIAN, 0, 0, ethernet(ipv4(17, 0, udp(53, 53, new byte[12])), 0x0800));
        FieldView.View v = FieldView.view(ng.out.toByteArray(), 2123);
        assertEquals(2, v.lines().size());
        assertTrue(v.lines().get(0).startsWith("2\t136\t"), v.lines().get(0));
        assertTrue(v.lines().get(1).startsWith("5\t136\t"), v.lines().get(1));
        assertEquals(1, v.errors().size());
        assertTrue(v.errors().get(0).startsWith("packet 4: "), v.errors().get(0));
        assertEquals(Map.of("GTPv2 messages outside the procedure", 2, "UDP not on port 2123", 1), v.skipped());
        assertEquals(6, v.frames());
        assertTrue(
                v.summary()
                        .startsWith("6 packets, 5 GTP-C, 2 messages of the procedure, 1 that do not decode; skipped:"),
                v.summary());
    }

    @Test
    void aCutCaptureNamesThePacket() {
        Ng ng = new Ng();
        ng.shb(ByteOrder.BIG_ENDIAN);
        ng.idb(ByteOrder.BIG_ENDIAN, 101, null);
        ng.epb(ByteOrder.BIG_ENDIAN, 0, 0, ipv4(17, 0, udp(2123, 2123, GTP)));
        ng.epb(ByteOrder.BIG_ENDIAN, 3, 0, ipv4(17, 0, udp(2123, 2123, GTP)));
        DecodeException e = assertThrows(DecodeException.class, () -> Pcap.read(ng.out.toByteArray()));
        assertTrue(e.getMessage().contains("packet 2 names interface 3"), e.getMessage());
        byte[] cut = Arrays.copyOf(ng.out.toByteArray(), ng.out.size() - 6);
        assertTrue(assertThrows(DecodeException.class, () -> Pcap.read(cut))
                .getMessage()
                .contains("after packet 1"));
    }
}

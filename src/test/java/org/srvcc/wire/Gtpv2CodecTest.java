package org.srvcc.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The codec against octets written by hand from TS 29.274 §5.1, §8.2-8.3, §8.38 and TS 29.280 §6.5
 * (not produced by the encoder), and every class of bad input the decoder must refuse.
 */
class Gtpv2CodecTest {
    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void headerAndImsiAsTheSpecificationLaysThemOut() {
        // Forward Relocation Complete Acknowledge (136), TEID 0x14000001, seq 0x001013, Cause 16 —
        // flags 0x48 = version 2, T = 1; length = 8 + IE (4 + 2) = 14
        byte[] ack = hex("48 88 000e 14000001 001013 00   02 0002 00 10 00");
        Gtpv2Message m = Gtpv2Message.decode(ack);
        assertEquals(Gtpv2.FORWARD_RELOCATION_COMPLETE_ACKNOWLEDGE, m.type());
        assertEquals(0x14000001L, m.teid());
        assertEquals(0x001013, m.sequence());
        assertEquals(16, Ies.cause(m.required(Gtpv2.CAUSE)));
        assertArrayEquals(ack, new Gtpv2Message(136, 0x14000001L, 0x1013, List.of(Ies.cause(16))).encode());
        // IMSI 001010000000001 in TBCD: digit pairs swapped, filler F in the last high nibble
        assertArrayEquals(
                hex("00 01 01 00 00 00 00 f1"), Ies.imsi("001010000000001").value());
        assertEquals("001010000000001", Ies.digits(new Ie(1, 0, hex("00 01 01 00 00 00 00 f1"), 12)));
    }

    @Test
    void mmContextsCarryKeysAndKsiWhereTheSpecificationPutsThem() {
        byte[] kasme = new byte[32], ck = new byte[16], ik = new byte[16];
        for (int i = 0; i < 32; i++) kasme[i] = (byte) (0xA0 + i);
        for (int i = 0; i < 16; i++) {
            ck[i] = (byte) i;
            ik[i] = (byte) (0x80 + i);
        }
        Ie eps = MmContexts.mmContextEps(new MmContexts.MmContextEps(
                3, 2, 0, 0x0A0B0C, 5, kasme.clone(), new byte[] {(byte) 0xE0, 0x60}, "490154203237518"));
        byte[] v = eps.value();
        assertEquals(0x83, v[0] & 0xFF, "octet 5: security mode 4 (100), NHI 0, DRXI 0, KSI_ASME 3");
        assertEquals(0x20, v[2] & 0xFF, "octet 7: integrity 2 in bits 7-5, cipher 0 in bits 4-1");
        assertArrayEquals(hex("0a0b0c 000005"), Arrays.copyOfRange(v, 3, 9), "octets 8-13: DL then UL NAS COUNT");
        assertArrayEquals(kasme, Arrays.copyOfRange(v, 9, 41), "octets 14-45: KASME");
        MmContexts.MmContextEps back = MmContexts.mmContextEps(eps);
        assertEquals(3, back.ksiAsme());
        assertEquals(0x0A0B0C, back.dlCount());
        assertArrayEquals(kasme, back.kasme());
        // TS 29.274 Figure 8.38-4 after the KASME: UE network capability (length 2), MS network capability (length 0),
        // then the MEI (length 8, TBCD with a filler): an emergency session's equipment identifier travels here
        assertArrayEquals(hex("02 e060 00 08 94104502237315f8 00"), Arrays.copyOfRange(v, 41, v.length));
        assertEquals("490154203237518", back.mei());

        Ie sv = MmContexts.mmContextEutranSrvcc(new MmContexts.MmContextEutranSrvcc(
                5, ck.clone(), ik.clone(), new byte[] {1, 2, 3}, new byte[0], new byte[0]));
        assertEquals(5, sv.value()[0], "octet 5: eKSI in bits 3-1");
        assertArrayEquals(ck, Arrays.copyOfRange(sv.value(), 1, 17), "octets 6-21: CK'CS");
        assertArrayEquals(ik, Arrays.copyOfRange(sv.value(), 17, 33), "octets 22-37: IK'CS");
        assertEquals(3, sv.value()[33], "octet 38: length of classmark 2");
    }

    @Test
    void indicationFlagsSitInTheirOctets() {
        byte[] v = Ies.indication(new Ies.Indication(true, true, true)).value();
        assertEquals(0x40, v[1] & 0xFF, "UIMSI: octet 6 bit 7");
        assertEquals(0x02, v[7] & 0xFF, "5SRHOI: octet 12 bit 2");
        assertEquals(0x01, v[8] & 0xFF, "EMCI: octet 13 bit 1");
        assertEquals(
                new Ies.Indication(false, true, false),
                Ies.indication(Ies.indication(new Ies.Indication(false, true, false))));
    }

    private static DecodeException refused(String hex) {
        return assertThrows(DecodeException.class, () -> Gtpv2Message.decode(hex(hex)));
    }

    @Test
    void badInputIsADecodeExceptionThatSaysWhereAndWhat() {
        assertTrue(refused("").getMessage().contains("GTP flags octet"));
        assertTrue(refused("28 88 000e 14000001 001013 00 02 0002 00 10 00")
                .getMessage()
                .contains("GTP version 2"));
        assertTrue(refused("40 88 000a 001013 00 02 0002 00 10 00").getMessage().contains("T flag 1"));
        assertTrue(refused("58 88 000e 14000001 001013 00 02 0002 00 10 00")
                .getMessage()
                .contains("piggybacked"));
        assertTrue(refused("48 20 000e 14000001 001013 00 02 0002 00 10 00")
                .getMessage()
                .contains("message type of the procedure"));
        assertTrue(refused("48 88 0010 14000001 001013 00 02 0002 00 10 00")
                .getMessage()
                .contains("truncated"));
        assertTrue(refused("48 88 000e 14000001 001013 00 02 0002 00 10 00 ff")
                .getMessage()
                .contains("overlong"));
        DecodeException ie = refused("48 88 000e 14000001 001013 00 02 0009 00 10 00");
        assertEquals(2, ie.ieType());
        assertEquals(12, ie.offset());
        assertTrue(refused("48 88 0008 14000001 001013 00")
                .getMessage()
                .contains("mandatory IE Cause (type 2, instance 0) missing from "
                        + "Forward Relocation Complete Acknowledge (TS 29.274 Table 7.3.4-1)"));
        assertTrue(refused("48 88 0014 14000001 001013 00 02 0002 00 10 00 02 0002 00 10 00")
                .getMessage()
                .contains("at most one"));
        // a Cause of 1 octet: the IE is read within its own bounds
        assertTrue(refused("48 88 000d 14000001 001013 00 02 0001 00 10")
                .getMessage()
                .contains("PCE/BCE/CS"));
    }

    @Test
    void typedIesRefuseWhatTheyCannotHold() {
        byte[] v = new byte[41];
        v[0] = (byte) 0x61; // security mode 3, not 4
        assertTrue(assertThrows(DecodeException.class, () -> MmContexts.mmContextEps(new Ie(107, 0, v, 20)))
                .getMessage()
                .contains("security mode 4"));
        assertThrows(DecodeException.class, () -> MmContexts.mmContextEutranSrvcc(new Ie(54, 0, new byte[20], 20)));
        assertThrows(DecodeException.class, () -> Ies.digits(new Ie(1, 0, hex("0a"), 12)));
        assertThrows(DecodeException.class, () -> Ies.fteid(new Ie(87, 0, hex("0a 00000001 c0000201"), 12)));
    }

    @Test
    void pcapReadsBothByteOrdersAndRefusesShortFiles() {
        byte[] payload = new Gtpv2Message(136, 1, 2, List.of(Ies.cause(16))).encode();
        byte[] file = Pcap.write(
                List.of(new Pcap.Frame(1_500_000, Plan.Node.AMF.address(), Plan.Node.MME_SRVCC.address(), payload)));
        assertArrayEquals(hex("d4c3b2a1 0200 0400"), Arrays.copyOf(file, 8), "little-endian classic pcap, version 2.4");
        Pcap.Packet p = Pcap.read(file).packets().get(0);
        assertEquals("192.0.2.10", p.srcText());
        assertEquals(2123, p.dstPort());
        assertEquals(1_500_000, p.micros());
        assertArrayEquals(payload, p.payload());
        byte[] big = file.clone(); // the same file in big-endian order
        for (int[] f : new int[][] {
            {0, 4}, {4, 2}, {6, 2}, {8, 4}, {12, 4}, {16, 4}, {20, 4}, {24, 4}, {28, 4}, {32, 4}, {36, 4}
        }) for (int i = 0; i < f[1]; i++) big[f[0] + i] = file[f[0] + f[1] - 1 - i];
        assertArrayEquals(payload, Pcap.read(big).packets().get(0).payload());
        assertThrows(DecodeException.class, () -> Pcap.read(Arrays.copyOf(file, file.length - 3)));
        assertThrows(DecodeException.class, () -> Pcap.read(hex("0a0d0d0a"))); // pcapng
    }
}

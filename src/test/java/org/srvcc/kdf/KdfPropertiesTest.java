package org.srvcc.kdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Properties of the KDF over random keys, FCs and parameters (QuickTheories). */
class KdfPropertiesTest {
    static final Gen<byte[]> KEYS =
            Generate.byteArrays(integers().between(1, 64), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0));
    static final Gen<byte[]> KEY256 =
            Generate.byteArrays(Generate.constant(32), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0));
    static final Gen<byte[]> PARAMS =
            Generate.byteArrays(integers().between(0, 300), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0));
    static final Gen<Integer> FC_CODES = integers().between(0, 0x1FE);
    static final Gen<Fc> FCS = FC_CODES.map(KdfPropertiesTest::fc);

    static Fc fc(int i) {
        return i < 0xFF ? Fc.of(i) : Fc.of2(i - 0xFF);
    }

    /** TS 33.220 B.2: FC is one octet, or 0xFF followed by a second octet. Written here, not taken from Fc.encode. */
    static byte[] fcOctets(int i) {
        return i < 0xFF ? new byte[] {(byte) i} : new byte[] {(byte) 0xFF, (byte) (i - 0xFF)};
    }
    /** COUNTs with the edges of the 4-LSB window and the range mixed in. */
    static final Gen<Integer> COUNTS =
            integers().between(0, NasCount.MAX).mix(Generate.pick(List.of(0, 1, 15, 16, 255, 256, NasCount.MAX)), 30);

    static byte[] jdkHmac(byte[] key, byte[] data) throws Exception {
        Mac m = Mac.getInstance("HmacSHA256");
        m.init(new SecretKeySpec(key, "HmacSHA256"));
        return m.doFinal(data);
    }

    @Test
    void agreesWithTheJdkHmacOnTheDocumentedLayout() {
        qt().withExamples(300).forAll(KEYS, FC_CODES, PARAMS, PARAMS).checkAssert((k, code, p0, p1) -> {
            // S built here by hand, independently of Kdf.inputString and Fc.encode.
            Fc fc = fc(code);
            byte[] s = concat(fcOctets(code), p0, len(p0), p1, len(p1));
            try {
                assertArrayEquals(jdkHmac(k, s), Kdf.derive(k, fc, p0, p1));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            assertArrayEquals(s, Kdf.inputString(fc, p0, p1));
        });
    }

    @Test
    void inputStringLengthIsFcPlusParamsPlusTwoPerParam() {
        qt().forAll(FC_CODES, PARAMS, PARAMS, PARAMS)
                .checkAssert((code, a, b, c) -> assertEquals(
                        fcOctets(code).length + a.length + b.length + c.length + 6,
                        Kdf.inputString(fc(code), a, b, c).length));
    }

    @Test
    void differentFcGivesDifferentOutput() {
        qt().forAll(KEY256, FCS, FCS, COUNTS)
                .assuming((k, f1, f2, c) -> !f1.equals(f2))
                .checkAssert((k, f1, f2, c) -> {
                    byte[] p = NasCount.of(c).encode();
                    assertFalse(Arrays.equals(Kdf.derive(k, f1, p), Kdf.derive(k, f2, p)));
                });
    }

    @Test
    void deterministicAndCkIkIsTheWholeOutput() {
        qt().forAll(KEY256, COUNTS).checkAssert((k, c) -> {
            Kamf kamf = Kamf.of(k, 1, InsecureKeyAccess.get());
            Key256 kasme = Derivations.kasmeSrvcc(kamf, NasCount.of(c));
            assertTrue(kasme.sameAs(Derivations.kasmeSrvcc(kamf, NasCount.of(c))));
            CkIk ckik = Derivations.ckIkSrvcc(kasme, NasCount.ZERO);
            byte[] full = Kdf.derive(kasme.bytes(InsecureKeyAccess.get()), Fc.CK_IK_SRVCC, new byte[] {0, 0, 0, 0});
            assertArrayEquals(Arrays.copyOfRange(full, 0, 16), ckik.ck().bytes(InsecureKeyAccess.get()));
            assertArrayEquals(Arrays.copyOfRange(full, 16, 32), ckik.ik().bytes(InsecureKeyAccess.get()));
        });
    }

    @Test
    void countEncodingIsFourOctetsBigEndianTopZero() {
        qt().forAll(COUNTS).checkAssert(c -> {
            byte[] e = NasCount.of(c).encode();
            assertEquals(4, e.length);
            assertEquals(0, e[0]);
            assertEquals(c.intValue(), ((e[1] & 0xFF) << 16) | ((e[2] & 0xFF) << 8) | (e[3] & 0xFF));
        });
    }

    @Test
    void countEstimateIsSmallestAtOrAboveStoredWithTheSameLowBits() {
        qt().forAll(COUNTS, integers().between(0, 40), integers().between(1, 4)).checkAssert((stored, ahead, bits) -> {
            int actual = Math.min(NasCount.MAX, stored + ahead);
            var est = NasCount.estimate(NasCount.of(stored), NasCount.of(actual).lsb(bits), bits);
            assertTrue(est.isPresent());
            // Right exactly when the UE is less than 2^bits behind the AMF.
            assertEquals(actual - stored < (1 << bits), est.get().value() == actual);
            assertEquals(actual & ((1 << bits) - 1), est.get().value() & ((1 << bits) - 1));
            assertTrue(est.get().value() >= stored && est.get().value() - stored < (1 << bits));
        });
    }

    @Test
    void oversizedParameterIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Kdf.inputString(Fc.of(1), new byte[65536]));
        assertEquals(1 + 65535 + 2, Kdf.inputString(Fc.of(1), new byte[65535]).length);
    }

    private static byte[] len(byte[] p) {
        return new byte[] {(byte) (p.length >> 8), (byte) p.length};
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] out = new byte[n];
        int o = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }
}

package org.srvcc.kdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The value types and key handles, one behaviour per assertion, with expected values worked out
 * by hand (written next to each): the cases PIT found unchecked by the other tests.
 */
class KeyHandlesTest {
    static final InsecureKeyAccess A = InsecureKeyAccess.get();

    static byte[] octets(int first) {
        byte[] b = new byte[32];
        for (int i = 0; i < 32; i++) b[i] = (byte) (first + i);
        return b;
    }

    @Test
    void closestEstimateGoesDownOnlyWhenStrictlyNearer() {
        // stored 17, low bits 0 of 4: candidates 16 (1 below) and 32 (15 above) -> 16
        assertEquals(Optional.of(new NasCount(16)), NasCount.estimateClosest(new NasCount(17), 0, 4));
        // stored 23: 16 is 7 below, 32 is 9 above -> 16
        assertEquals(Optional.of(new NasCount(16)), NasCount.estimateClosest(new NasCount(23), 0, 4));
        // stored 24: 8 below and 8 above, a tie goes up -> 32
        assertEquals(Optional.of(new NasCount(32)), NasCount.estimateClosest(new NasCount(24), 0, 4));
        // stored 5, low bits 15: 15 is the smallest at or above; nothing below 0 -> 15
        assertEquals(Optional.of(new NasCount(15)), NasCount.estimateClosest(new NasCount(5), 15, 4));
        // stored 0xFFFFF8, low bits 2: upwards would pass 0xFFFFFF, 0xFFFFF2 is 6 below -> 0xFFFFF2
        assertEquals(Optional.of(new NasCount(0xFFFFF2)), NasCount.estimateClosest(new NasCount(0xFFFFF8), 2, 4));
        // stored 0xFFFFF4, low bits 15: 0xFFFFFF is 11 above, 0xFFFFEF is 5 below -> 0xFFFFEF
        assertEquals(Optional.of(new NasCount(0xFFFFEF)), NasCount.estimateClosest(new NasCount(0xFFFFF4), 15, 4));
        // with 2 bits: stored 9 (0b1001), low bits 3: 7 is 2 below, 11 is 2 above -> tie, 11
        assertEquals(Optional.of(new NasCount(11)), NasCount.estimateClosest(new NasCount(9), 3, 2));
        // the smallest-at-or-above rule never goes down, and refuses to pass 0xFFFFFF
        assertEquals(Optional.of(new NasCount(32)), NasCount.estimate(new NasCount(17), 0, 4));
        assertEquals(Optional.empty(), NasCount.estimate(new NasCount(0xFFFFF8), 2, 4));
    }

    @Test
    void countBoundaries() {
        assertTrue(new NasCount(NasCount.MAX - 1).hasNext());
        assertFalse(new NasCount(NasCount.MAX).hasNext());
        assertEquals(new NasCount(NasCount.MAX), new NasCount(NasCount.MAX - 1).next());
        assertThrows(IllegalStateException.class, () -> new NasCount(NasCount.MAX).next());
        assertEquals(0xABCDEF, new NasCount(0xABCDEF).lsb(24));
        assertEquals(0xF, new NasCount(0xABCDEF).lsb(4));
        assertThrows(IllegalArgumentException.class, () -> new NasCount(1).lsb(25));
        assertThrows(IllegalArgumentException.class, () -> new NasCount(1).lsb(0));
        assertEquals(
                List.of(new NasCount(1), new NasCount(2), new NasCount(9)),
                List.of(new NasCount(9), new NasCount(1), new NasCount(2)).stream()
                        .sorted()
                        .toList());
        assertTrue(new NasCount(3).compareTo(new NasCount(2)) > 0);
    }

    @Test
    void hexRefusesWhatIsNotHex() {
        assertArrayEquals(
                new byte[] {(byte) 0xff, 0x0a, (byte) 0xff}, Hex.decode("FF0aff")); // 'f' itself is a hex digit
        assertArrayEquals(new byte[] {(byte) 0xa0, 0x00}, Hex.decode("a000")); // and so is '0', high or low
        assertEquals(
                "not a hex digit at position 1",
                assertThrows(IllegalArgumentException.class, () -> Hex.decode("fg"))
                        .getMessage());
        assertEquals(
                "not a hex digit at position 2",
                assertThrows(IllegalArgumentException.class, () -> Hex.decode("00g0"))
                        .getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> Hex.decode("\u0663\u0663")); // Arabic-Indic digits are digits to Java, not hex
        assertThrows(IllegalArgumentException.class, () -> Hex.decode("abc"));
        assertArrayEquals(new byte[0], Hex.decode(""));
    }

    @Test
    void ksiValueSemantics() {
        assertEquals(new Ksi(3), new Ksi(3));
        assertNotEquals(new Ksi(3), new Ksi(4));
        assertNotEquals(new Ksi(3).hashCode(), new Ksi(4).hashCode());
        assertEquals("3", new Ksi(3).toString());
        assertEquals("7", Ksi.NO_KEY_AVAILABLE.toString());
        assertEquals(Ksi.NO_KEY_AVAILABLE, Ksi.decoded(7));
        assertFalse(Ksi.NO_KEY_AVAILABLE.namesContext());
    }

    @Test
    void rawKeyAccessNeedsTheToken() {
        byte[] k = octets(1);
        assertThrows(NullPointerException.class, () -> Kamf.of(k, 1, null));
        assertThrows(NullPointerException.class, () -> Key256.of(k, new KeyTerm.KamfTerm(1), null));
        assertThrows(NullPointerException.class, () -> Key128.of(new byte[16], new KeyTerm.KamfTerm(1), null));
        Kamf kamf = Kamf.of(k, 1, A);
        assertThrows(NullPointerException.class, () -> kamf.bytes(null));
        assertThrows(
                NullPointerException.class,
                () -> Key256.of(k, new KeyTerm.KamfTerm(1), A).bytes(null));
        assertThrows(
                NullPointerException.class,
                () -> Key128.of(new byte[16], new KeyTerm.KamfTerm(1), A).bytes(null));
        assertArrayEquals(k, kamf.bytes(A));
    }

    @Test
    void randomKamfsAreFreshAndComparable() {
        SecureRandom r = new SecureRandom();
        Kamf a = Kamf.random(r, 4), b = Kamf.random(r, 4);
        assertEquals(32, a.bytes(A).length);
        assertEquals(4, a.term().id());
        assertFalse(a.sameAs(b));
        assertTrue(a.sameAs(a.copy()));
    }

    @Test
    void handlesPrintTermsNeverOctets() throws Exception {
        Kamf k = Kamf.of(octets(0xA0), 3, A);
        assertEquals("KAMF[KAMF3, 256 bits]", k.toString());
        Key256 kasme = Derivations.kasmeSrvcc(k, new NasCount(5));
        assertEquals("Key256[KDF(KAMF3,0x7D,5)]", kasme.toString());
        CkIk ckik = Derivations.ckIkSrvcc(kasme, NasCount.ZERO);
        assertEquals("CkIk[KDF(KDF(KAMF3,0x7D,5),0x1A,0)]", ckik.toString());
        assertEquals("Key128[Half(KDF(KDF(KAMF3,0x7D,5),0x1A,0),ck)]", ckik.ck().toString());
        k.destroy();
        kasme.destroy();
        ckik.destroy();
        assertEquals("KAMF[KAMF3, destroyed]", k.toString());
        assertEquals("Key256[KDF(KAMF3,0x7D,5), destroyed]", kasme.toString());
        assertEquals(
                "Key128[Half(KDF(KDF(KAMF3,0x7D,5),0x1A,0),ik), destroyed]",
                ckik.ik().toString());
    }

    @Test
    void destroyZeroesTheOctetsAndBothHalves() throws Exception {
        Kamf k = Kamf.of(octets(1), 1, A);
        CkIk ckik = Derivations.ckIkFromKamf(k, Fc.DRAFT_DIRECT_CK_IK, NasCount.ZERO);
        ckik.destroy();
        assertTrue(ckik.ck().isDestroyed() && ckik.ik().isDestroyed());
        for (SecretBytes s : List.<SecretBytes>of(ckik.ck(), ckik.ik(), k)) {
            s.destroy();
            Field f = SecretBytes.class.getDeclaredField("bytes");
            f.setAccessible(true);
            assertArrayEquals(new byte[((byte[]) f.get(s)).length], (byte[]) f.get(s), "octets left after destroy");
        }
        byte[] out = octets(7);
        CkIk.split(out, new KeyTerm.KamfTerm(1)).destroy();
        assertArrayEquals(new byte[32], out, "split leaves the 256-bit output zeroed");
    }

    @Test
    void wireScanFindsAKeyAtTheVeryEnd() {
        Kamf k = Kamf.of(octets(0x30), 1, A);
        byte[] hay = new byte[35];
        System.arraycopy(octets(0x30), 0, hay, 3, 32);
        assertTrue(k.occursIn(hay));
        assertFalse(k.occursIn(Arrays.copyOf(hay, 34)));
        k.destroy();
        assertFalse(k.occursIn(hay), "a destroyed key is no longer searched for");
    }
}

package org.srvcc.kdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ValueTypesTest {
    static final byte[] K = Hex.decode(KdfKnownAnswerTest.K1);

    @Test
    void ksiSevenAndOutOfRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Ksi(7));
        assertThrows(IllegalArgumentException.class, () -> new Ksi(-1));
        assertThrows(IllegalArgumentException.class, () -> new Ksi(8));
        for (int i = 0; i <= 6; i++) assertEquals(i, new Ksi(i).value());
    }

    @Test
    void countRangeAndWrap() {
        assertThrows(IllegalArgumentException.class, () -> NasCount.of(-1));
        assertThrows(IllegalArgumentException.class, () -> NasCount.of(0x1000000));
        assertThrows(IllegalStateException.class, () -> NasCount.of(0xFFFFFF).next());
        assertEquals(0xF, NasCount.of(0x12345F).lsb(4));
        assertTrue(NasCount.estimate(NasCount.of(0xFFFFFF), 0, 4).isEmpty());
    }

    @Test
    void fcParsing() {
        assertEquals(Fc.KASME_SRVCC, Fc.parse("0x7D"));
        assertEquals(Fc.of2(1), Fc.parse("ff01"));
        assertThrows(IllegalArgumentException.class, () -> Fc.parse("FF"));
        assertThrows(IllegalArgumentException.class, () -> Fc.parse("7D00"));
        assertThrows(IllegalArgumentException.class, () -> Fc.parse("7"));
        assertThrows(IllegalArgumentException.class, () -> Fc.parse("zz"));
    }

    @Test
    void keysNeverPrintTheirBytes() {
        Kamf kamf = Kamf.of(K, 4, InsecureKeyAccess.get());
        Key256 kasme = Derivations.kasmeSrvcc(kamf, NasCount.of(5));
        CkIk ckik = Derivations.ckIkSrvcc(kasme, NasCount.ZERO);
        for (Object o : new Object[] {kamf, kasme, ckik, ckik.ck(), ckik.ik()}) {
            String s = o.toString();
            assertFalse(s.contains("7bc7153c") || s.contains("a0cb6be8") || s.contains("00010203"), s);
            assertFalse(s.matches(".*[0-9a-f]{16,}.*"), s);
        }
        assertEquals("Key256[KDF(KAMF4,0x7D,5)]", kasme.toString());
    }

    @Test
    void destroyZeroesAndStopsUse() {
        Kamf kamf = Kamf.of(K, 1, InsecureKeyAccess.get());
        Key256 kasme = Derivations.kasmeSrvcc(kamf, NasCount.of(5));
        Key256 again = Derivations.kasmeSrvcc(kamf, NasCount.of(5));
        assertTrue(kasme.sameAs(again));
        kasme.destroy();
        assertTrue(kasme.isDestroyed());
        assertFalse(kasme.sameAs(again));
        assertThrows(IllegalStateException.class, () -> kasme.bytes(InsecureKeyAccess.get()));
        kamf.destroy();
        assertThrows(IllegalStateException.class, () -> Derivations.kasmeSrvcc(kamf, NasCount.of(5)));
        assertTrue(kasme.toString().contains("destroyed"));
    }

    @Test
    void wrongLengthKeysAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Kamf.of(new byte[31], 1, InsecureKeyAccess.get()));
        assertThrows(
                IllegalArgumentException.class,
                () -> Key128.of(new byte[32], new KeyTerm.KamfTerm(1), InsecureKeyAccess.get()));
    }

    @Test
    void wireScanFindsKamfBytes() {
        Kamf kamf = Kamf.of(K, 1, InsecureKeyAccess.get());
        byte[] msg = new byte[50];
        System.arraycopy(K, 0, msg, 9, 32);
        assertTrue(kamf.occursIn(msg));
        msg[20] ^= 1;
        assertFalse(kamf.occursIn(msg));
    }
}

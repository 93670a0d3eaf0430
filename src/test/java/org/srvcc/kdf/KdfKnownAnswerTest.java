package org.srvcc.kdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Known answers computed independently with OpenSSL by tools/kat-openssl.sh
 * (printf S | xxd -r -p | openssl dgst -sha256 -mac HMAC -macopt hexkey:KEY), never by this code.
 */
class KdfKnownAnswerTest {
    static final String K1 = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    static final String K2 = "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff";
    static final InsecureKeyAccess A = InsecureKeyAccess.get();

    static Kamf kamf(String hex) {
        return Kamf.of(Hex.decode(hex), 1, InsecureKeyAccess.get());
    }

    @Test
    void a141KPrimeAsmeIdle() {
        Key256 k = Derivations.kPrimeAsmeIdle(kamf(K1), NasCount.of(0x000102));
        assertEquals("7cbec4d322bf9ff9ac262d5913d1e5cb4d6ddf438f054e5846dc7c52a5da9a92", Hex.encode(k.bytes(A)));
    }

    @Test
    void a142KPrimeAsmeHandover() {
        Key256 k = Derivations.kPrimeAsmeHandover(kamf(K1), NasCount.of(5));
        assertEquals("932ff8f8388efafb3968052065c44344c1617d59f49f3d55d731eb0cb648a237", Hex.encode(k.bytes(A)));
    }

    @Test
    void a21KasmeSrvcc() {
        assertEquals(
                "7bc7153c2c3a7774a8026825ba4519cd0ae139dca00604c5de8fd9395bb84d36",
                Hex.encode(Derivations.kasmeSrvcc(kamf(K1), NasCount.of(5)).bytes(A)));
        assertEquals(
                "cb00c720d6d51da2a34169d43dc3e6feffafdf4545ccbcb25386463cf81220a7",
                Hex.encode(
                        Derivations.kasmeSrvcc(kamf(K2), NasCount.of(0xFFFFFF)).bytes(A)));
    }

    @Test
    void inputStringsMatchTheOpensslScript() {
        assertEquals(
                "7d000000050004",
                Hex.encode(Kdf.inputString(Fc.KASME_SRVCC, NasCount.of(5).encode())));
        assertEquals(
                "7d00ffffff0004",
                Hex.encode(Kdf.inputString(Fc.KASME_SRVCC, NasCount.of(0xFFFFFF).encode())));
        assertEquals(
                "10abcd00020000000001",
                Hex.encode(Kdf.inputString(Fc.of(0x10), Hex.decode("abcd"), new byte[0], new byte[1])));
        assertEquals("ff7f", Hex.encode(Kdf.inputString(Fc.of2(0x7f))));
    }

    @Test
    void annexJChains() {
        chain(
                K1,
                5,
                "7bc7153c2c3a7774a8026825ba4519cd0ae139dca00604c5de8fd9395bb84d36",
                "a0cb6be8e8244b4d92a3149a04ad5622",
                "b84fe001c222f65d8691b8df25776aff");
        chain(
                K2,
                0xFFFFFF,
                "cb00c720d6d51da2a34169d43dc3e6feffafdf4545ccbcb25386463cf81220a7",
                "ee5f0b27bd8e2f6af654b514c232f5b6",
                "33c185da9afb4ac4eb1d9abd5eaa6b54");
        chain(
                K1,
                0,
                "e0f458cf07637d262733aabd08d37fa46758432328e0bdfa88b0477b2f6aa45f",
                "02d019deda42fb8dbc28a87dab09a624",
                "abaf441ed4e2cd4086185988468a22f1");
    }

    private static void chain(String kamf, int count, String kasme, String ck, String ik) {
        Key256 k = Derivations.kasmeSrvcc(kamf(kamf), NasCount.of(count));
        assertEquals(kasme, Hex.encode(k.bytes(A)));
        CkIk c = Derivations.ckIkSrvcc(k, NasCount.ZERO);
        assertEquals(ck, Hex.encode(c.ck().bytes(A)));
        assertEquals(ik, Hex.encode(c.ik().bytes(A)));
    }

    /** A.12 at COUNT 5 and 0xFFFFFF (the mmeCount=received option), keyed by the A.21 value above (OpenSSL). */
    @Test
    void a12AtCountsOtherThanZero() {
        Key256 kasme = Derivations.kasmeSrvcc(kamf(K1), NasCount.of(5));
        CkIk five = Derivations.ckIkSrvcc(kasme, NasCount.of(5));
        assertEquals("cccf0e449b9be7ca21357e2188a2e689", Hex.encode(five.ck().bytes(A)));
        assertEquals("345119db98feee1f542f6bfe6a6552cd", Hex.encode(five.ik().bytes(A)));
        CkIk max = Derivations.ckIkSrvcc(kasme, NasCount.of(0xFFFFFF));
        assertEquals("4f1277eb6176021e81ce4e685908affc", Hex.encode(max.ck().bytes(A)));
        assertEquals("6a27aa1ec91f19e6e2c632b4530b605e", Hex.encode(max.ik().bytes(A)));
    }

    /** The draft's split mode: CK = the 128 MSBs and IK = the 128 LSBs of K'ASME itself (A.21 value, OpenSSL). */
    @Test
    void splitModeTakesTheHalvesOfTheKasme() {
        CkIk c = Derivations.split(Derivations.kasmeSrvcc(kamf(K1), NasCount.of(5)));
        assertEquals("7bc7153c2c3a7774a8026825ba4519cd", Hex.encode(c.ck().bytes(A)));
        assertEquals("0ae139dca00604c5de8fd9395bb84d36", Hex.encode(c.ik().bytes(A)));
    }

    @Test
    void draftDirectWithPlaceholderFc() {
        CkIk c = Derivations.ckIkFromKamf(kamf(K1), Fc.DRAFT_DIRECT_CK_IK, NasCount.of(16));
        assertEquals("18d346f899897bc6e7fa35380315e1b7", Hex.encode(c.ck().bytes(A)));
        assertEquals("f244ead60aa31cb7e403310ed86fe8f6", Hex.encode(c.ik().bytes(A)));
    }

    @Test
    void genericKdfOneAndTwoOctetFc() {
        assertArrayEquals(
                Hex.decode("84aaac88ed1d2329aae9a01b895bca272b3c78ea9820c2b43b243865823e0e0a"),
                Kdf.derive(Hex.decode(K1), Fc.of(0x10), Hex.decode("abcd"), new byte[0], new byte[1]));
        assertArrayEquals(
                Hex.decode("c570f235944f1e43f11433bc0ba8dc2d193f605fcd864f5861e002ea111a9eb1"),
                Kdf.derive(Hex.decode(K2), Fc.parse("FF7F")));
    }
}

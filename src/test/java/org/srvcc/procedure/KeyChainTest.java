package org.srvcc.procedure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.srvcc.kdf.Hex;
import org.srvcc.kdf.InsecureKeyAccess;
import org.srvcc.kdf.Kamf;
import org.srvcc.kdf.Ksi;
import org.srvcc.kdf.NasCount;

/**
 * The derivation chain `derive` prints, for options other than the standard's. Key values are the
 * OpenSSL ones of KdfKnownAnswerTest (tools/kat-openssl.sh); the other rows follow from J.1.2.
 */
class KeyChainTest {
    static final String K1 = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    static final String KASME_K1_5 = "7bc7153c2c3a7774a8026825ba4519cd0ae139dca00604c5de8fd9395bb84d36";

    static Map<String, String> chain(Profile p, Options o, int count, int ksi) {
        Kamf k = Kamf.of(Hex.decode(K1), 1, InsecureKeyAccess.get());
        try {
            Map<String, String> m = new LinkedHashMap<>();
            for (KeyPlan.ChainStep s : KeyPlan.chain(p, o, k, NasCount.of(count), new Ksi(ksi)))
                m.put(s.name(), s.value());
            return m;
        } finally {
            k.destroy();
        }
    }

    @Test
    void standardChainAtCount5() {
        Map<String, String> m = chain(Profile.TS33501, Options.STANDARD, 5, 3);
        assertEquals(
                List.of(
                        "KASME_SRVCC",
                        "CK_SRVCC||IK_SRVCC",
                        "CK_SRVCC",
                        "IK_SRVCC",
                        "eKSI",
                        "KSI_SRVCC",
                        "COUNT LSBs to UE",
                        "AMF DL NAS COUNT after"),
                List.copyOf(m.keySet()));
        assertEquals(KASME_K1_5, m.get("KASME_SRVCC"));
        assertEquals("a0cb6be8e8244b4d92a3149a04ad5622", m.get("CK_SRVCC"));
        assertEquals("b84fe001c222f65d8691b8df25776aff", m.get("IK_SRVCC"));
        assertEquals(m.get("CK_SRVCC") + m.get("IK_SRVCC"), m.get("CK_SRVCC||IK_SRVCC"));
        assertEquals("3", m.get("eKSI"));
        assertEquals("3", m.get("KSI_SRVCC"));
        assertEquals("5", m.get("COUNT LSBs to UE"));
        assertEquals("6", m.get("AMF DL NAS COUNT after"));
    }

    @Test
    void theSplitModeTakesTheHalvesOfTheKasme() {
        Map<String, String> m = chain(Profile.DRAFT_VIA_MME, Options.STANDARD.with(List.of("mmeKeyMode=split")), 5, 2);
        assertEquals(KASME_K1_5, m.get("K'ASME"));
        assertEquals(KASME_K1_5, m.get("CK_SRVCC||IK_SRVCC"));
        assertEquals(KASME_K1_5.substring(0, 32), m.get("CK_SRVCC"));
        assertEquals(KASME_K1_5.substring(32), m.get("IK_SRVCC"));
    }

    @Test
    void mmeCountReceivedUsesTheDownlinkCountInA12() {
        Map<String, String> m = chain(Profile.TS33501, Options.STANDARD.with(List.of("mmeCount=received")), 5, 0);
        assertEquals("cccf0e449b9be7ca21357e2188a2e689", m.get("CK_SRVCC"));
        assertEquals("345119db98feee1f542f6bfe6a6552cd", m.get("IK_SRVCC"));
    }

    @Test
    void theDirectVariantHasNoEksiAndNoIntermediateKey() {
        Map<String, String> m = chain(Profile.DRAFT_DIRECT, Options.STANDARD, 5, 4);
        assertFalse(m.containsKey("eKSI"));
        assertFalse(m.containsKey("K'ASME"));
        assertEquals("4", m.get("KSI_SRVCC"));
    }

    @Test
    void theDraftsUnnumberedFcUsesTheProjectsPlaceholder() {
        // OpenSSL (tools/kat-openssl.sh): HMAC-SHA-256(K1, ff01 00000005 0004)
        Map<String, String> m = chain(Profile.DRAFT_VIA_MME, Options.STANDARD.with(List.of("amfFc=unnumbered")), 5, 0);
        assertEquals("49dc91c27a8d57d0f24edc7c865c618606d9225307a453122fef3b9ff412272e", m.get("K'ASME"));
        assertEquals(
                "5",
                chain(Profile.TS33501, Options.STANDARD.with(List.of("countLsbBits=24")), 5, 0)
                        .get("COUNT LSBs to UE"));
    }

    @Test
    void theCountAfterAndItsWrap() {
        assertEquals(
                "wrap: a new KAMF is needed",
                chain(Profile.TS33501, Options.STANDARD, 0xFFFFFF, 0).get("AMF DL NAS COUNT after"));
        assertEquals(
                "16777215",
                chain(Profile.TS33501, Options.STANDARD, 0xFFFFFE, 0).get("AMF DL NAS COUNT after"));
        assertFalse(chain(Profile.TS33501, Options.STANDARD.with(List.of("amfIncrementsCount=false")), 5, 0)
                .containsKey("AMF DL NAS COUNT after"));
        assertEquals(
                "1",
                chain(Profile.TS33501, Options.STANDARD.with(List.of("countLsbBits=2")), 5, 0)
                        .get("COUNT LSBs to UE"));
    }
}

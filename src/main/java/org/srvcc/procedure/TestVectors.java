package org.srvcc.procedure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.srvcc.kdf.Hex;
import org.srvcc.kdf.InsecureKeyAccess;
import org.srvcc.kdf.Kamf;
import org.srvcc.kdf.Ksi;
import org.srvcc.kdf.NasCount;

/**
 * The project's published test-vector table: every profile over a fixed input set. KAMF values
 * are chosen to be reproducible by hand; COUNTs cover the edges of the 4-LSB window and the range;
 * ngKSI cycles through 0..6 so every identifier appears in every profile.
 */
public final class TestVectors {
    private TestVectors() {}

    /** Input KAMFs: 00 01 .. 1f, and ff repeated. */
    public static final List<String> KAMFS = List.of(
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
            "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff");

    public static final List<Integer> COUNTS = List.of(0, 1, 15, 16, 255, 256, 0xFFFFFF);

    public record Row(
            int no,
            Profile profile,
            String kamf,
            int dlCount,
            int ngKsi,
            String kasme,
            String ck,
            String ik,
            int ksiSrvcc,
            int lsb) {
        public Map<String, String> asMap() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("no", String.valueOf(no));
            m.put("profile", profile.toString());
            m.put("kamf", kamf);
            m.put("dlCount", String.valueOf(dlCount));
            m.put("ngKsi", String.valueOf(ngKsi));
            m.put("kasme", kasme);
            m.put("ckSrvcc", ck);
            m.put("ikSrvcc", ik);
            m.put("ksiSrvcc", String.valueOf(ksiSrvcc));
            m.put("countLsb", String.valueOf(lsb));
            return m;
        }
    }

    public static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        int no = 1;
        for (Profile p : Profile.values()) {
            int ksiCycle = 0;
            for (String kamfHex : KAMFS) {
                for (int c : COUNTS) {
                    Kamf kamf = Kamf.of(Hex.decode(kamfHex), 1, InsecureKeyAccess.get());
                    int ksi = ksiCycle++ % 7;
                    List<KeyPlan.ChainStep> steps =
                            KeyPlan.chain(p, Options.STANDARD, kamf, NasCount.of(c), new Ksi(ksi));
                    kamf.destroy();
                    String kasme = p.viaMme() ? steps.get(0).value() : "";
                    rows.add(new Row(
                            no++,
                            p,
                            kamfHex,
                            c,
                            ksi,
                            kasme,
                            value(steps, "CK_SRVCC"),
                            value(steps, "IK_SRVCC"),
                            Integer.parseInt(value(steps, "KSI_SRVCC")),
                            Integer.parseInt(value(steps, "COUNT LSBs to UE"))));
                }
            }
        }
        return rows;
    }

    private static String value(List<KeyPlan.ChainStep> steps, String name) {
        return steps.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow()
                .value();
    }

    public static final String[] HEADER = {
        "#",
        "profile",
        "KAMF",
        "DL COUNT",
        "ngKSI",
        "KASME_SRVCC / K'ASME",
        "CK_SRVCC",
        "IK_SRVCC",
        "KSI_SRVCC",
        "COUNT LSBs"
    };

    public static String tsv(List<Row> rows) {
        StringBuilder b = new StringBuilder(String.join("\t", HEADER)).append('\n');
        for (Row r : rows) b.append(String.join("\t", r.asMap().values())).append('\n');
        return b.toString();
    }

    public static String markdown(List<Row> rows) {
        StringBuilder b = new StringBuilder();
        b.append("Standard options; AMF FC 0x7D (ts33501, draft-via-mme) and 0xFF01 (draft-direct, project "
                + "placeholder);\n");
        b.append("MME derives CK||IK with FC 0x1A and NAS COUNT 0. Empty KASME cell: draft-direct has no "
                + "intermediate key.\n\n");
        b.append("| ").append(String.join(" | ", HEADER)).append(" |\n");
        b.append("|").append("---|".repeat(HEADER.length)).append('\n');
        for (Row r : rows)
            b.append("| ").append(String.join(" | ", r.asMap().values())).append(" |\n");
        return b.toString();
    }
}

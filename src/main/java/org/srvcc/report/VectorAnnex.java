package org.srvcc.report;

import java.util.ArrayList;
import java.util.List;
import org.srvcc.kdf.Hex;
import org.srvcc.kdf.InsecureKeyAccess;
import org.srvcc.kdf.Kamf;
import org.srvcc.kdf.Ksi;
import org.srvcc.kdf.NasCount;
import org.srvcc.procedure.KeyPlan;
import org.srvcc.procedure.Options;
import org.srvcc.procedure.Profile;
import org.srvcc.procedure.TestVectors;

/**
 * The test vectors a contribution's annex shows: the ts33501 rows of {@code ./srvcc vectors} for the first
 * test KAMF, each with every value of its derivation chain and the KDF input string S of each derived key.
 */
public final class VectorAnnex {
    private VectorAnnex() {}

    public record Value(String name, String from, String s, String value) {}

    /** One row of the vectors command (its number there), with its chain. */
    public record Vector(int no, List<Value> values) {}

    static final String INTRO =
            "Profile TS 33.501 Annex J with the standard options. Each vector is the row of the same number in"
                    + " the output of ./srvcc vectors. KDF is the TS 33.220 key derivation function (HMAC-SHA-256); "
                    + "S is its input string"
                    + " FC || P0 || L0; the key of each derivation is the value it is derived from. The values are "
                    + "test data, not secrets.";

    public static List<Vector> vectors() {
        List<Vector> out = new ArrayList<>();
        for (TestVectors.Row r : TestVectors.rows()) {
            if (r.profile() != Profile.TS33501 || !r.kamf().equals(TestVectors.KAMFS.get(0))) continue;
            List<Value> values = new ArrayList<>();
            values.add(new Value("KAMF", "test input", "", r.kamf()));
            values.add(new Value("DL NAS COUNT", "test input", "", String.valueOf(r.dlCount())));
            values.add(new Value("ngKSI", "test input", "", String.valueOf(r.ngKsi())));
            Kamf kamf = Kamf.of(Hex.decode(r.kamf()), 1, InsecureKeyAccess.get());
            try {
                for (KeyPlan.ChainStep s : KeyPlan.chain(
                        Profile.TS33501, Options.STANDARD, kamf, NasCount.of(r.dlCount()), new Ksi(r.ngKsi())))
                    values.add(new Value(s.name(), s.from(), s.s(), s.value()));
            } finally {
                kamf.destroy();
            }
            out.add(new Vector(r.no(), values));
        }
        return out;
    }
}

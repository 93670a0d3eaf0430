package org.srvcc.procedure;

import java.util.LinkedHashMap;
import java.util.Map;
import org.srvcc.kdf.KeyTerm;

/** Key terms as the TLA+ model writes them: [kind |-> "kdf", key |-> ..., fc |-> "0x7D", count |-> c]. */
public final class Terms {
    private Terms() {}

    public static final Map<String, Object> NONE = Map.of("kind", "none");

    public static Map<String, Object> of(KeyTerm t) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (t instanceof KeyTerm.KamfTerm k) {
            m.put("kind", "kamf");
            m.put("id", (long) k.id());
        } else if (t instanceof KeyTerm.KdfTerm d) {
            m.put("kind", "kdf");
            m.put("key", of(d.key()));
            m.put("fc", d.fc().toString());
            m.put("count", (long) d.count());
        } else {
            // The model names a split CK||IK by the 256-bit value it was split from.
            return of(((KeyTerm.HalfTerm) t).key());
        }
        return m;
    }

    /** Forward derivability, as Derivable(k, K) in the model. */
    public static boolean derivable(KeyTerm k, java.util.Collection<KeyTerm> known) {
        for (KeyTerm t = k; ; ) {
            if (known.contains(t)) return true;
            if (t instanceof KeyTerm.KdfTerm d) t = d.key();
            else if (t instanceof KeyTerm.HalfTerm h) t = h.key();
            else return false;
        }
    }
}

package org.srvcc.kdf;

/**
 * The symbolic name of a key, in the TLA+ model's vocabulary: where it came from, never its bytes.
 * {@code Kamf(id)}, {@code KDF(parent, fc, count)} or {@code Half(parent, "ck"|"ik")}.
 */
public sealed interface KeyTerm {
    record KamfTerm(int id) implements KeyTerm {
        @Override
        public String toString() {
            return "KAMF" + id;
        }
    }

    record KdfTerm(KeyTerm key, Fc fc, int count) implements KeyTerm {
        @Override
        public String toString() {
            return "KDF(" + key + "," + fc + "," + count + ")";
        }
    }

    record HalfTerm(KeyTerm key, String half) implements KeyTerm {
        @Override
        public String toString() {
            return "Half(" + key + "," + half + ")";
        }
    }

    /** The KAMF this term was derived from (one-way: the term records it, a key holder cannot invert it). */
    default KamfTerm root() {
        KeyTerm t = this;
        while (true) {
            if (t instanceof KamfTerm k) return k;
            if (t instanceof KdfTerm d) t = d.key();
            else t = ((HalfTerm) t).key();
        }
    }
}

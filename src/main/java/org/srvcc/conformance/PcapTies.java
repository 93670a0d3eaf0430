package org.srvcc.conformance;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.srvcc.kdf.Fc;
import org.srvcc.kdf.Kdf;
import org.srvcc.kdf.NasCount;
import org.srvcc.wire.Gtpv2;
import org.srvcc.wire.Gtpv2Message;
import org.srvcc.wire.Ies;

/** What ties the messages of a capture together for {@link PcapConformance}: scope, UE, and the COUNT behind a key. */
final class PcapTies {
    private PcapTies() {}

    /**
     * A message of a plain handover, not of 5G-SRVCC: a Forward Relocation Request without 5SRHOI, and what
     * answers it (same sequence number) or is addressed to a TEID its F-TEIDs announced.
     */
    static boolean outOfScope(Gtpv2Message g, Set<String> seqs, Set<Long> teids) {
        int t = g.type();
        if (t == Gtpv2.FORWARD_RELOCATION_REQUEST) {
            boolean srvcc = g.ie(Gtpv2.INDICATION)
                    .map(Ies::indication)
                    .map(Ies.Indication::fiveGSrvccHo)
                    .orElse(false);
            if (srvcc) return false;
            seqs.add(String.valueOf(g.sequence()));
            g.ie(Gtpv2.F_TEID).map(Ies::fteid).ifPresent(f -> teids.add(f.teid()));
            return true;
        }
        if (t >= Gtpv2.FORWARD_RELOCATION_RESPONSE
                && t <= Gtpv2.RELOCATION_CANCEL_RESPONSE
                && (seqs.contains(String.valueOf(g.sequence())) || teids.contains(g.teid()))) {
            g.ie(Gtpv2.F_TEID).map(Ies::fteid).ifPresent(f -> teids.add(f.teid()));
            return true;
        }
        return false;
    }

    static String ueOf(Gtpv2Message g, Map<Long, String> teidOwner, Map<String, String> open, String last) {
        var imsi = g.ie(Gtpv2.IMSI);
        if (imsi.isPresent()) return "IMSI " + Ies.digits(imsi.get());
        if (teidOwner.containsKey(g.teid())) return teidOwner.get(g.teid());
        for (int req : new int[] {
            Gtpv2.FORWARD_RELOCATION_REQUEST,
            Gtpv2.SRVCC_PS_TO_CS_REQUEST,
            Gtpv2.RELOCATION_CANCEL_REQUEST,
            Gtpv2.SRVCC_PS_TO_CS_COMPLETE_NOTIFICATION,
            Gtpv2.SRVCC_PS_TO_CS_CANCEL_NOTIFICATION,
            Gtpv2.FORWARD_RELOCATION_COMPLETE_NOTIFICATION
        }) {
            String u = open.get(req + "/" + g.sequence());
            if (u != null) return u;
        }
        return last != null ? last : "unidentified UE";
    }

    /**
     * The COUNT search of one capture: at most {@code perRequest} COUNTs for a key, and at most {@code budget}
     * derivations in all, so that a small capture cannot buy unbounded CPU; {@code capped} once the budget ran out.
     */
    static final class CountSearch {
        final int perRequest;
        final long budget;
        long left;
        boolean capped;

        CountSearch(int perRequest, long budget) {
            this.perRequest = perRequest;
            this.budget = budget;
            this.left = budget;
        }

        String range() {
            return "[0, " + perRequest + ")"
                    + (capped ? " as far as the capture's search budget of " + budget + " derivations reached" : "");
        }
    }

    /** The first KAMF (its index in {@code under[0]}) and COUNT that give {@code target}, or -1. */
    static int findCount(List<byte[]> kamfs, Fc fc, byte[] target, int first, CountSearch search, int[] under) {
        for (int i = 0; i < kamfs.size(); i++) {
            int c = findCount(kamfs.get(i), fc, target, first, search);
            if (c >= 0) {
                under[0] = i;
                return c;
            }
        }
        return -1;
    }

    static String kamfsGiven(List<byte[]> kamfs) {
        return kamfs.size() == 1 ? "the KAMF given" : "any of the " + kamfs.size() + " KAMFs given";
    }

    static int findCount(byte[] kamf, Fc fc, byte[] target, int first, CountSearch search) {
        if (first >= 0 && matches(kamf, fc, first, target)) return first; // the COUNT the message names is always tried
        for (int c = 0; c < search.perRequest && c <= NasCount.MAX; c++) {
            if (c == first) continue;
            if (search.left <= 0) {
                search.capped = true;
                return -1;
            }
            search.left--;
            if (matches(kamf, fc, c, target)) return c;
        }
        return -1;
    }

    static boolean matches(byte[] kamf, Fc fc, int count, byte[] target) {
        byte[] k = Kdf.derive(kamf, fc, new NasCount(count).encode());
        try {
            return MessageDigest.isEqual(k, target);
        } finally {
            Arrays.fill(k, (byte) 0);
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** Per UE: the COUNTs its attempts used, its latest KASME_SRVCC and eKSI, what it has sent. */
    static final class UeState {
        final List<Integer> counts = new ArrayList<>();
        int kamf = -1;

        /** A key found under another KAMF than before: a new NAS security context, whose COUNTs start afresh. */
        void underKamf(int k) {
            if (k != kamf) counts.clear();
            kamf = k;
        }

        final Map<Integer, byte[]> kasmeBySeq = new HashMap<>();
        byte[] kasme;
        int eksi = -1, kasmeCount = -1;
        boolean svAccepted, svCompleted, frAccepted;
    }

    static void fresh(UeState s, int count, int n, Map<PcapConformance.Rule, List<PcapConformance.Break>> breaks) {
        int max = s.counts.stream().mapToInt(Integer::intValue).max().orElse(-1);
        if (count <= max)
            breaks.get(PcapConformance.Rule.COUNT_FRESH)
                    .add(new PcapConformance.Break(
                            PcapConformance.Rule.COUNT_FRESH,
                            n,
                            "DL NAS COUNT " + count
                                    + (s.counts.contains(count) ? " was already used" : " is below " + max)
                                    + " by an earlier attempt of this UE"));
        s.counts.add(count);
    }
}

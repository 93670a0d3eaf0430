package org.srvcc.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits models over N CI runners, balanced by their time budgets: longest first, each to the
 * shard with the least budget so far (ties to the lower shard). Deterministic, so N runners that
 * each take their own K agree on the split, and the N shards are exactly the whole list.
 */
public final class Shards {
    private Shards() {}

    /** "K/N" with 1 <= K <= N <= 64, in ASCII digits. */
    public record Shard(int k, int n) {
        public static Shard parse(String text) {
            if (text == null || !text.matches("[0-9]{1,2}/[0-9]{1,2}"))
                throw new IllegalArgumentException("--shard: expected K/N (e.g. 2/3), got '"
                        + (text == null ? "" : text.length() > 20 ? text.substring(0, 20) + "..." : text) + "'");
            String[] p = text.split("/");
            int k = Integer.parseInt(p[0]), n = Integer.parseInt(p[1]);
            if (n < 1 || n > 64 || k < 1 || k > n)
                throw new IllegalArgumentException("--shard: need 1 <= K <= N <= 64, got " + text);
            return new Shard(k, n);
        }
    }

    /** The order in which jobs take the models: the most expensive first (see {@link Manifest.Model#costEstimate}). */
    public static List<Manifest.Model> longestFirst(List<Manifest.Model> models) {
        List<Manifest.Model> order = new ArrayList<>(models);
        order.sort(Comparator.comparingLong((Manifest.Model m) -> -m.costEstimate()));
        return order;
    }

    /** The models of shard K of N, in the order they were given. */
    public static List<Manifest.Model> select(List<Manifest.Model> models, Shard s) {
        List<Manifest.Model> order = new ArrayList<>(models);
        order.sort(Comparator.comparingLong((Manifest.Model m) -> -m.budgetSeconds())
                .thenComparing(Manifest.Model::name));
        long[] load = new long[s.n()];
        List<Manifest.Model> mine = new ArrayList<>();
        for (Manifest.Model m : order) {
            int best = 0;
            for (int i = 1; i < load.length; i++) if (load[i] < load[best]) best = i;
            load[best] += m.budgetSeconds();
            if (best == s.k() - 1) mine.add(m);
        }
        List<Manifest.Model> inOrder = new ArrayList<>();
        for (Manifest.Model m : models) if (mine.contains(m)) inOrder.add(m);
        return inOrder;
    }
}

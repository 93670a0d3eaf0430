package org.srvcc.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.srvcc.files.AtomicFiles;
import org.srvcc.model.Manifest;
import org.srvcc.model.SpecMutation;

/** check --mutate-spec: the spec's mutation score against the fast build models. */
final class MutateSpec {
    private MutateSpec() {}

    /** Models with at most this many pinned distinct states (or unpinned) make up the fast set. */
    static final long FAST = 30_000;

    static int run(Manifest manifest, int limit, long seed, int jobs, String out, PrintWriter o, PrintWriter err)
            throws Exception {
        if (limit < 0 || limit > 100_000) throw new Main.UserError("--limit: " + limit + " is outside 0..100000");
        Path dir = AtomicFiles.outputDir("--out", out);
        List<String> spec = Files.readAllLines(manifest.home.resolve("spec/Srvcc.tla"));
        List<SpecMutation.Mutant> all = SpecMutation.mutants(spec);
        List<SpecMutation.Mutant> chosen = SpecMutation.sample(all, limit == 0 ? all.size() : limit, seed);
        List<String> models = SpecMutation.fastModels(manifest, FAST).stream()
                .map(Manifest.Model::name)
                .toList();
        o.printf(
                "spec mutation: %d mutants of spec/Srvcc.tla's actions, running %d (seed %d) against %d fast build "
                        + "models%n",
                all.size(), chosen.size(), seed, models.size());
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        List<SpecMutation.Outcome> results = new ArrayList<>();
        try {
            List<Future<SpecMutation.Outcome>> fs = new ArrayList<>();
            for (SpecMutation.Mutant m : chosen)
                fs.add(pool.submit(() -> SpecMutation.run(manifest.home, m, spec, models, null)));
            for (Future<SpecMutation.Outcome> f : fs) {
                SpecMutation.Outcome r = f.get();
                results.add(r);
                if (err != null) err.printf("  %-7s %-9s %s%n", r.mutant().id(), r.verdict(), r.killedBy());
            }
        } finally {
            pool.shutdownNow();
        }
        long killed = results.stream().filter(r -> r.verdict().equals("killed")).count();
        long survived =
                results.stream().filter(r -> r.verdict().equals("survived")).count();
        long stillborn = results.size() - killed - survived;
        AtomicFiles.writeLines(AtomicFiles.inside(dir, "spec-mutation.tsv"), tsv(results));
        for (SpecMutation.Outcome r : results)
            if (r.verdict().equals("survived"))
                o.printf(
                        "SURVIVED %-7s line %d: %s  ->  %s%n",
                        r.mutant().id(),
                        r.mutant().line(),
                        r.mutant().before().strip(),
                        r.mutant().after().strip());
        double score = killed + survived == 0 ? 0 : 100.0 * killed / (killed + survived);
        long byVerdict = results.stream()
                .filter(r -> r.verdict().equals("killed") && r.detail().startsWith("expected violated"))
                .count();
        o.printf(
                "killed by a verdict (an invariant or property violated, or no longer violated): %d; by a pinned "
                        + "state count only: %d%n",
                byVerdict, killed - byVerdict);
        o.printf(
                Locale.ROOT,
                "spec mutation score: %d killed, %d survived, %d stillborn (do not parse or fail to run): %.1f%% of "
                        + "%d live mutants%n",
                killed,
                survived,
                stillborn,
                score,
                killed + survived);
        o.println("table: " + dir.resolve("spec-mutation.tsv"));
        return survived == 0 ? 0 : 1;
    }

    /** One row per mutant run: its verdict, what killed it, and the line before and after. */
    private static List<String> tsv(List<SpecMutation.Outcome> results) {
        List<String> tsv =
                new ArrayList<>(List.of("mutant\tverdict\tkilled by\tdetail\tline before\tline after\tseconds"));
        for (SpecMutation.Outcome r : results)
            tsv.add(String.join(
                    "\t",
                    r.mutant().id(),
                    r.verdict(),
                    r.killedBy(),
                    r.detail().replace('\t', ' '),
                    r.mutant().before().strip(),
                    r.mutant().after().strip(),
                    String.format(Locale.ROOT, "%.1f", r.seconds())));
        return tsv;
    }
}

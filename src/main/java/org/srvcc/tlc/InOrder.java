package org.srvcc.tlc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Independent jobs (each a TLC child and some Java) run as many at a time as the machine has cores, their results
 * returned in the jobs' order whatever finishes first; a job's exception is the caller's.
 */
public final class InOrder {
    private InOrder() {}

    public interface Job<T, R> {
        R run(T item) throws IOException, InterruptedException;
    }

    public static <T, R> List<R> map(List<T> items, Job<T, R> job) throws IOException, InterruptedException {
        int jobs = Math.max(1, Math.min(items.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        try {
            List<Future<R>> fs = new ArrayList<>();
            for (T item : items) fs.add(pool.submit(() -> job.run(item)));
            List<R> results = new ArrayList<>();
            for (Future<R> f : fs) results.add(get(f));
            return results;
        } finally {
            pool.shutdownNow(); // an interrupted caller stops the rest: each job's TLC child is destroyed
        }
    }

    private static <R> R get(Future<R> f) throws IOException, InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException x) throw x;
            if (e.getCause() instanceof InterruptedException x) throw x;
            if (e.getCause() instanceof RuntimeException x) throw x;
            if (e.getCause() instanceof Error x) throw x;
            throw new IllegalStateException(e.getCause());
        }
    }
}

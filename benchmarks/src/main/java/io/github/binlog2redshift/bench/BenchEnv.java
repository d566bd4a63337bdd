package io.github.binlog2redshift.bench;

import io.github.binlog2redshift.bench.result.BenchResults;
import io.github.binlog2redshift.localstack.LocalStack;
import java.nio.file.Path;

/**
 * What every scenario gets: the local stack (one for the whole run, services started on first use),
 * the sizes, where to put working files, whether to run the peer, the results to add to, and how
 * many interleaved runs each compared figure is the median of (after one warm-up run each).
 */
public record BenchEnv(
        LocalStack stack,
        Sizes sizes,
        Path workDir,
        boolean runPeer,
        BenchResults results,
        int runs) {

    /** A fresh directory under the run's working directory. */
    public Path dir(String name) {
        return workDir.resolve(stack.uniqueName(name));
    }
}

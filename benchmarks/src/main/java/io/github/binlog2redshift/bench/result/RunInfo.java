package io.github.binlog2redshift.bench.result;

/**
 * Facts about the run that a reader needs to trust the figures.
 *
 * @param warning empty, or why the figures are not final (quick sizes, a busy machine)
 */
public record RunInfo(long finishedMs, int cores, String javaVersion, String warning) {

    public static RunInfo now(String warning) {
        return new RunInfo(
                System.currentTimeMillis(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                warning);
    }
}

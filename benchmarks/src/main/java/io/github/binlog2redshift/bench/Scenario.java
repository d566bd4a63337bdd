package io.github.binlog2redshift.bench;

/**
 * One benchmark: prepares its data on the local stack, measures ours and (where there is one) the
 * peer, and adds the figures to {@link BenchEnv#results()}. A scenario cleans up what it started
 * even when it fails; a failure is recorded and the run goes on with the next scenario.
 */
public interface Scenario {

    /** Short kebab-case name, used by {@code --only}. */
    String name();

    void run(BenchEnv env) throws Exception;
}

package io.github.binlog2redshift.deploy;

import io.github.binlog2redshift.config.OptionCatalog;
import io.github.binlog2redshift.config.SinkOptions;
import io.github.binlog2redshift.config.SourceOptions;

/**
 * The option keys one job accepts, straight from the job's option catalogue, so a renamed or
 * removed option fails these tests instead of a deployment.
 */
final class KnownConfigKeys {

    private final OptionCatalog catalog;

    private KnownConfigKeys(OptionCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param job {@code cdc-source} or {@code redshift-sink}
     */
    static KnownConfigKeys of(String job) {
        return switch (job) {
            case "cdc-source" -> new KnownConfigKeys(SourceOptions.ALL);
            case "redshift-sink" -> new KnownConfigKeys(SinkOptions.ALL);
            default -> throw new IllegalArgumentException("No job " + job);
        };
    }

    /** A key of the catalogue, or under one of its prefix options (kafka.properties.*). */
    boolean isKnown(String key) {
        return catalog.find(key).isPresent();
    }

    @Override
    public String toString() {
        return catalog.jobName() + " options";
    }
}

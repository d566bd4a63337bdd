package io.github.binlog2redshift.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The option keys one job accepts. A key ending in {@code .*} is a prefix of pass-through keys.
 *
 * <p>TODO(config landed): read {@code SourceOptions.ALL} / {@code SinkOptions.ALL} (an {@code
 * OptionCatalog}, {@code find(key).isPresent()}) instead of the copied lists in {@code
 * config-keys/}, so a renamed option fails this test instead of a deployment.
 */
final class KnownConfigKeys {

    private final String job;
    private final List<String> keys;

    private KnownConfigKeys(String job, List<String> keys) {
        this.job = job;
        this.keys = keys;
    }

    /**
     * @param job {@code cdc-source} or {@code redshift-sink}
     */
    static KnownConfigKeys of(String job) {
        String resource = "/config-keys/" + job + ".txt";
        try (InputStream in = KnownConfigKeys.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No key list " + resource);
            }
            List<String> keys =
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)
                            .lines()
                            .map(String::trim)
                            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                            .toList();
            return new KnownConfigKeys(job, keys);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isKnown(String key) {
        for (String k : keys) {
            boolean prefix = k.endsWith(".*");
            if (prefix
                    ? key.startsWith(k.substring(0, k.length() - 1))
                            && key.length() > k.length() - 1
                    : key.equals(k)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return job + " options";
    }
}

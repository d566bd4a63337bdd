package io.github.binlog2redshift.localstack.internal;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names for per-test databases, topics and prefixes that are valid everywhere they are used (MySQL
 * and PostgreSQL identifiers, MySQL user names of at most 32 characters, Kafka topics, S3 keys) and
 * unique across runs, so tests against a shared external server never collide with an earlier run.
 */
public final class UniqueNames {
    private static final int HINT_LENGTH = 12;

    private final String run;
    private final AtomicInteger counter = new AtomicInteger();

    public UniqueNames() {
        this.run = Integer.toString(new SecureRandom().nextInt(36 * 36 * 36 * 36), 36);
    }

    /** {@code t<run>_<hint>_<n>}: at most 25 characters of {@code [a-z0-9_]}. */
    public String next(String hint) {
        String clean = hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        clean = clean.replaceAll("^_+|_+$", "");
        if (clean.length() > HINT_LENGTH) {
            clean = clean.substring(0, HINT_LENGTH);
        }
        return "t" + run + "_" + (clean.isEmpty() ? "x" : clean) + "_" + counter.incrementAndGet();
    }
}

package io.github.binlog2redshift.verify.jdbc;

import java.util.List;

/** One row's canonical values, key columns first. */
public record Row(List<String> values, int keySize) {

    public List<String> key() {
        return values.subList(0, keySize);
    }
}

package io.github.binlog2redshift.localstack.redshift.copy;

import java.nio.file.Path;
import java.util.List;

/**
 * A COPY checked and converted: the PostgreSQL statement that loads the converted rows, how many
 * rows it loads, and the rows skipped under MAXERROR (for {@code stl_load_errors}).
 *
 * @param backendSql {@code COPY <table> (<columns>) FROM '<file>' WITH (...)} for PostgreSQL
 * @param rows the number of rows in {@code file}
 * @param skipped the rows that did not load but stayed under MAXERROR
 * @param file the converted CSV file; the caller deletes it after running {@code backendSql}
 */
public record PreparedCopy(String backendSql, long rows, List<LoadError> skipped, Path file) {
    public PreparedCopy {
        skipped = List.copyOf(skipped);
    }
}

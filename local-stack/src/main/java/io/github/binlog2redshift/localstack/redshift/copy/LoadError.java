package io.github.binlog2redshift.localstack.redshift.copy;

/**
 * One row a COPY rejected, as Redshift records it in {@code stl_load_errors}.
 *
 * @param fileName the S3 object the row came from
 * @param lineNumber the line of that object
 * @param columnName the column whose value failed
 * @param rawValue the value as read
 * @param errorCode Redshift's load error code (e.g. 1204 for a value too long)
 * @param reason the error text
 */
public record LoadError(
        String fileName,
        long lineNumber,
        String columnName,
        String rawValue,
        int errorCode,
        String reason) {}

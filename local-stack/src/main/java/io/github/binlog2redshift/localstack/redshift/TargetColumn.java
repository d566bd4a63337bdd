package io.github.binlog2redshift.localstack.redshift;

/**
 * A column of the table a COPY loads, as the emulator's catalog describes it in Redshift terms.
 *
 * @param name the column name, as stored (lower case unless case-sensitive identifiers were on)
 * @param redshiftType the Redshift type name, e.g. {@code varchar}, {@code numeric}, {@code super}
 * @param length the VARCHAR/CHAR/VARBYTE length in bytes, or -1 for other types
 * @param precision the NUMERIC precision, 0 for other types
 * @param scale the NUMERIC scale, 0 for other types
 * @param nullable whether the column accepts NULL
 */
public record TargetColumn(
        String name, String redshiftType, int length, int precision, int scale, boolean nullable) {}

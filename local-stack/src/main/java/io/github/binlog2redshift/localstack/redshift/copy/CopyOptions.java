package io.github.binlog2redshift.localstack.redshift.copy;

import io.github.binlog2redshift.localstack.redshift.RedshiftException;

/**
 * How a COPY reads its files and converts their fields. Defaults are Redshift's: pipe-delimited
 * text unless CSV, NULL AS {@code \N}, MAXERROR 0, DATEFORMAT {@code YYYY-MM-DD} and TIMEFORMAT
 * {@code YYYY-MM-DD HH:MI:SS}.
 *
 * @param csv whether FORMAT CSV was given
 * @param quote the CSV quote character
 * @param delimiter the field delimiter
 * @param manifest whether FROM names a manifest
 * @param gzip whether the files are gzip-compressed
 * @param nullAs the null string
 * @param emptyAsNull EMPTYASNULL
 * @param blanksAsNull BLANKSASNULL
 * @param truncateColumns TRUNCATECOLUMNS
 * @param acceptInvChars the ACCEPTINVCHARS replacement character, or null if not given
 * @param ignoreHeader lines skipped at the top of each file
 * @param maxError MAXERROR
 * @param dateFormat DATEFORMAT
 * @param timeFormat TIMEFORMAT
 */
public record CopyOptions(
        boolean csv,
        char quote,
        char delimiter,
        boolean manifest,
        boolean gzip,
        String nullAs,
        boolean emptyAsNull,
        boolean blanksAsNull,
        boolean truncateColumns,
        Character acceptInvChars,
        int ignoreHeader,
        int maxError,
        DateTimeFormat dateFormat,
        DateTimeFormat timeFormat) {

    /** Collects the options, then checks the combination in {@link #build}. */
    static final class Builder {
        private boolean csv;
        private String quote;
        private String delimiter;
        private boolean manifest;
        private boolean gzip;
        private String nullAs;
        private boolean emptyAsNull;
        private boolean blanksAsNull;
        private boolean truncateColumns;
        private String acceptInvChars;
        private int ignoreHeader;
        private int maxError;
        private String dateFormat;
        private String timeFormat;

        void csv() {
            csv = true;
        }

        void quote(String v) {
            quote = v;
        }

        void delimiter(String v) {
            delimiter = v;
        }

        void manifest() {
            manifest = true;
        }

        void gzip() {
            gzip = true;
        }

        void nullAs(String v) {
            nullAs = v;
        }

        void emptyAsNull() {
            emptyAsNull = true;
        }

        void blanksAsNull() {
            blanksAsNull = true;
        }

        void truncateColumns() {
            truncateColumns = true;
        }

        void acceptInvChars(String v) {
            acceptInvChars = v;
        }

        void ignoreHeader(int v) {
            ignoreHeader = v;
        }

        void maxError(int v) {
            maxError = v;
        }

        void dateFormat(String v) {
            dateFormat = v;
        }

        void timeFormat(String v) {
            timeFormat = v;
        }

        CopyOptions build(String from) throws RedshiftException {
            if (!from.startsWith("s3://")) {
                throw new RedshiftException(
                        "0A000",
                        "the local Redshift only loads from s3:// URLs, got " + from,
                        null);
            }
            String afterBucket = from.substring("s3://".length());
            int slash = afterBucket.indexOf('/');
            if (slash <= 0 || (manifest && slash == afterBucket.length() - 1)) {
                throw invalid(
                        manifest
                                ? "COPY with MANIFEST needs the full path of an S3 object, got "
                                        + from
                                : "COPY FROM needs s3://bucket/prefix, got " + from);
            }
            if (quote != null && !csv) {
                throw invalid("QUOTE can only be used with CSV");
            }
            char q = single("QUOTE", quote == null ? "\"" : quote);
            char d = single("DELIMITER", delimiter == null ? (csv ? "," : "|") : delimiter);
            if (!csv) {
                throw new RedshiftException(
                        "0A000", "the local Redshift only loads FORMAT CSV files", null);
            }
            if (q == d) {
                throw invalid("the QUOTE and DELIMITER characters must differ");
            }
            if (d == '\n' || d == '\r') {
                throw invalid("DELIMITER can't be a newline or carriage return");
            }
            String nulls = nullAs == null ? "\\N" : nullAs;
            if (nulls.contains("\n")) {
                throw invalid(
                        "NULL AS can't contain '\\n': Redshift reserves it as the line"
                                + " delimiter");
            }
            Character replacement = null;
            if (acceptInvChars != null) {
                replacement = single("ACCEPTINVCHARS", acceptInvChars);
                if (replacement == 0) {
                    throw invalid("the ACCEPTINVCHARS replacement can't be NUL");
                }
            }
            return new CopyOptions(
                    true,
                    q,
                    d,
                    manifest,
                    gzip,
                    nulls,
                    emptyAsNull,
                    blanksAsNull,
                    truncateColumns,
                    replacement,
                    ignoreHeader,
                    maxError,
                    DateTimeFormat.parse("DATEFORMAT", dateFormat, false),
                    DateTimeFormat.parse("TIMEFORMAT", timeFormat, true));
        }

        private static char single(String option, String value) throws RedshiftException {
            if (value.length() != 1 || value.charAt(0) > 127) {
                throw invalid(option + " must be a single ASCII character, got '" + value + "'");
            }
            return value.charAt(0);
        }

        private static RedshiftException invalid(String message) {
            return new RedshiftException("22023", message, null);
        }
    }
}

package io.github.binlog2redshift.localstack.redshift.copy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a file into records as Redshift's COPY CSV does: fields separated by the delimiter, a
 * field enclosed in the quote character may hold delimiters, newlines and carriage returns, a
 * doubled quote inside it is one quote, and white space between a delimiter and the quotes is
 * ignored. Fields stay bytes so that invalid UTF-8 is found per field. A record longer than {@link
 * #MAX_ROW_BYTES} is reported, not kept.
 */
final class CsvRecords {

    /** "The maximum size of a single input row from any source is 4 MB" (COPY reference). */
    static final int MAX_ROW_BYTES = 4 * 1024 * 1024;

    /**
     * One record.
     *
     * @param line the line the record starts on (1-based, header lines counted)
     * @param fields the field bytes, unquoted
     * @param quoted whether each field was enclosed in quotes
     * @param raw the record as read (empty if it was too long)
     * @param error why the record can't be split, or null
     */
    record Record(
            long line,
            List<byte[]> fields,
            List<Boolean> quoted,
            byte[] raw,
            FieldRejected error) {}

    private final InputStream in;
    private final byte quote;
    private final byte delimiter;
    private long line = 1;
    private int pending = -2;

    CsvRecords(InputStream in, char quote, char delimiter) {
        this.in = in;
        this.quote = (byte) quote;
        this.delimiter = (byte) delimiter;
    }

    /** The next record, or null at the end of the file. */
    Record next() throws IOException {
        int c = read();
        if (c < 0) {
            return null;
        }
        long start = line;
        List<byte[]> fields = new ArrayList<>();
        List<Boolean> quoted = new ArrayList<>();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        ByteArrayOutputStream field = new ByteArrayOutputStream();
        FieldRejected error = null;
        boolean inQuotes = false;
        boolean wasQuoted = false;
        boolean closed = false;
        long size = 0;
        while (true) {
            if (c < 0) {
                if (inQuotes && error == null) {
                    error = new FieldRejected(1216, "Unterminated quoted field at end of file");
                }
                break;
            }
            size++;
            if (size <= MAX_ROW_BYTES) {
                raw.write(c);
            } else if (error == null) {
                error =
                        new FieldRejected(
                                1216,
                                "Row size exceeds the maximum of " + MAX_ROW_BYTES + " bytes");
            }
            if (c == '\n') {
                line++;
            }
            if (inQuotes) {
                if (c == quote) {
                    int d = read();
                    if (d == quote) {
                        size++;
                        raw.write(d);
                        field.write(quote);
                    } else {
                        inQuotes = false;
                        closed = true;
                        unread(d);
                    }
                } else {
                    field.write(c);
                }
            } else if (c == delimiter || c == '\n') {
                fields.add(field.toByteArray());
                quoted.add(wasQuoted);
                field.reset();
                wasQuoted = false;
                closed = false;
                if (c == '\n') {
                    break;
                }
            } else if (closed) {
                if (c != ' ' && c != '\t' && error == null) {
                    error = new FieldRejected(1214, "Delimiter not found after a quoted field");
                }
            } else if (c == quote) {
                if (isBlank(field.toByteArray())) {
                    inQuotes = true;
                    wasQuoted = true;
                    field.reset();
                } else if (error == null) {
                    // Not documented; refused rather than guessed.
                    error =
                            new FieldRejected(
                                    1216,
                                    "Invalid quote formatting for CSV: a quote inside an unquoted field");
                }
            } else {
                field.write(c);
            }
            c = read();
        }
        if (c < 0) {
            fields.add(field.toByteArray());
            quoted.add(wasQuoted);
        }
        byte[] bytes = size > MAX_ROW_BYTES ? new byte[0] : raw.toByteArray();
        return new Record(start, fields, quoted, bytes, error);
    }

    /** Skips {@code lines} lines (IGNOREHEADER), counting them. */
    void skipLines(int lines) throws IOException {
        for (int i = 0; i < lines; i++) {
            int c;
            do {
                c = read();
            } while (c >= 0 && c != '\n');
            if (c < 0) {
                return;
            }
            line++;
        }
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private int read() throws IOException {
        if (pending != -2) {
            int p = pending;
            pending = -2;
            return p;
        }
        return in.read();
    }

    private void unread(int c) {
        pending = c;
    }
}

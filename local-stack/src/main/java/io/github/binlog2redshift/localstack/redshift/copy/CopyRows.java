package io.github.binlog2redshift.localstack.redshift.copy;

import io.github.binlog2redshift.localstack.redshift.RedshiftException;
import io.github.binlog2redshift.localstack.redshift.TargetColumn;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the records of each file, converts every field for its column and writes the rows that load
 * as PostgreSQL CSV (every value quoted, NULL as an unquoted {@code \N}, so the two never meet). A
 * bad row is skipped while fewer than MAXERROR rows failed; the one that reaches MAXERROR (or the
 * first, with MAXERROR 0 or 1) fails the COPY.
 */
final class CopyRows {
    /** The NULL marker of the PostgreSQL CSV file; never quoted, so never a value. */
    static final String NULL_MARKER = "\\N";

    private static final Logger LOG = LoggerFactory.getLogger(CopyRows.class);
    // stl_load_errors: raw_field_value char(1024), err_reason char(100), colname char(127),
    // filename char(256).
    private static final int RAW_VALUE_BYTES = 1024;
    private static final int REASON_CHARS = 100;
    private static final int COLUMN_CHARS = 127;
    private static final int FILE_CHARS = 256;

    private final String table;
    private final CopyOptions options;
    private final List<TargetColumn> columns;
    private final List<ColumnType> types;
    private final FieldConverter converter;
    private final Writer out;
    private final List<LoadError> errors = new ArrayList<>();
    private long rows;

    CopyRows(String table, CopyOptions options, List<TargetColumn> columns, Writer out)
            throws RedshiftException {
        this.table = table;
        this.options = options;
        this.columns = columns;
        this.types = new ArrayList<>();
        for (TargetColumn c : columns) {
            types.add(ColumnType.of(c.redshiftType()));
        }
        this.converter = new FieldConverter(options);
        this.out = out;
    }

    void load(String fileName, InputStream in) throws IOException, RedshiftException {
        CsvRecords records = new CsvRecords(in, options.quote(), options.delimiter());
        records.skipLines(options.ignoreHeader());
        CsvRecords.Record r;
        while ((r = records.next()) != null) {
            List<String> values = new ArrayList<>(columns.size());
            LoadError error = convert(fileName, r, values);
            if (error == null) {
                write(values);
                rows++;
            } else {
                reject(error);
            }
        }
    }

    long rows() {
        return rows;
    }

    List<LoadError> skipped() {
        return errors;
    }

    private LoadError convert(String fileName, CsvRecords.Record r, List<String> values) {
        if (r.error() != null) {
            return error(fileName, r.line(), "", r.raw(), r.error());
        }
        if (r.fields().size() != columns.size()) {
            FieldRejected count =
                    r.fields().size() > columns.size()
                            ? new FieldRejected(1202, "Extra column(s) found")
                            : new FieldRejected(
                                    1203,
                                    "Delimiter not found: the line has "
                                            + r.fields().size()
                                            + " fields for "
                                            + columns.size()
                                            + " columns");
            return error(fileName, r.line(), "", r.raw(), count);
        }
        for (int i = 0; i < columns.size(); i++) {
            byte[] field = r.fields().get(i);
            try {
                values.add(converter.convert(columns.get(i), types.get(i), field));
            } catch (FieldRejected e) {
                return error(fileName, r.line(), columns.get(i).name(), field, e);
            }
        }
        return null;
    }

    private void reject(LoadError error) throws RedshiftException {
        errors.add(error);
        if (errors.size() >= Math.max(1, options.maxError())) {
            throw new RedshiftException(
                    "XX000",
                    "Load into table '"
                            + table
                            + "' failed. Check 'stl_load_errors' system"
                            + " table for details.",
                    detail(error),
                    error);
        }
        LOG.info(
                "COPY into {} skipped line {} of {} ({} of MAXERROR {}): {}",
                table,
                error.lineNumber(),
                error.fileName(),
                errors.size(),
                options.maxError(),
                error.reason());
    }

    private void write(List<String> values) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            String v = values.get(i);
            if (v == null) {
                line.append(NULL_MARKER);
            } else {
                line.append('"').append(v.replace("\"", "\"\"")).append('"');
            }
        }
        out.write(line.append('\n').toString());
    }

    private static String detail(LoadError e) {
        return "-----------------------------------------------\n"
                + "  error:  "
                + e.reason()
                + "\n"
                + "  code:      "
                + e.errorCode()
                + "\n"
                + "  context:   "
                + e.columnName()
                + " at line "
                + e.lineNumber()
                + " of "
                + e.fileName()
                + "\n"
                + "  raw_field_value: "
                + e.rawValue()
                + "\n"
                + "-----------------------------------------------";
    }

    private static LoadError error(
            String file, long line, String column, byte[] raw, FieldRejected e) {
        return new LoadError(
                cut(file, FILE_CHARS),
                line,
                cut(column, COLUMN_CHARS),
                rawValue(raw),
                e.code(),
                cut(e.reason(), REASON_CHARS));
    }

    private static String rawValue(byte[] raw) {
        int end = Math.min(raw.length, RAW_VALUE_BYTES);
        while (end < raw.length && end > 0 && (raw[end] & 0xC0) == 0x80) {
            end--;
        }
        return new String(raw, 0, end, StandardCharsets.UTF_8);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}

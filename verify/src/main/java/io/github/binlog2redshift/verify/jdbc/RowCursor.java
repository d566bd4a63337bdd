package io.github.binlog2redshift.verify.jdbc;

import io.github.binlog2redshift.verify.dialect.ScanSpec;
import io.github.binlog2redshift.verify.dialect.SqlDialect;
import io.github.binlog2redshift.verify.schema.ComparedColumn;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams one side's rows in key order, optionally within a key range, as canonical {@link Row}s:
 * one row in memory at a time beyond the driver's fetch buffer.
 */
public final class RowCursor implements AutoCloseable {

    private final PreparedStatement statement;
    private final ResultSet resultSet;
    private final List<ComparedColumn> columns;
    private final int keySize;
    private final boolean source;

    /**
     * @param lower exclusive lower bound (canonical key) or {@code null}
     * @param upper inclusive upper bound (canonical key) or {@code null}
     */
    public RowCursor(
            Side side,
            ScanSpec spec,
            List<ComparedColumn> columns,
            List<String> lower,
            List<String> upper)
            throws SQLException {
        this.columns = List.copyOf(columns);
        this.keySize = spec.keySize();
        this.source = side.isSource();
        String sql = side.dialect().select(spec, lower != null, upper != null);
        statement = side.prepareStreaming(sql);
        try {
            int p = 1;
            List<Integer> order = SqlDialect.boundParameterOrder(keySize);
            for (List<String> bound : boundsOf(lower, upper)) {
                for (int keyIndex : order) {
                    statement.setObject(
                            p++,
                            KeyBinder.parameter(
                                    columns.get(keyIndex), bound.get(keyIndex), source));
                }
            }
            resultSet = statement.executeQuery();
        } catch (SQLException e) {
            statement.close();
            throw new SQLException(e.getMessage() + " [statement: " + sql + "]", e);
        }
    }

    private static List<List<String>> boundsOf(List<String> lower, List<String> upper) {
        List<List<String>> bounds = new ArrayList<>();
        if (lower != null) {
            bounds.add(lower);
        }
        if (upper != null) {
            bounds.add(upper);
        }
        return bounds;
    }

    /** The next row, or {@code null} after the last. */
    public Row next() throws SQLException {
        if (!resultSet.next()) {
            return null;
        }
        List<String> values = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            values.add(ValueReader.read(resultSet, i + 1, columns.get(i), source));
        }
        return new Row(values, keySize);
    }

    @Override
    public void close() throws SQLException {
        try (statement) {
            resultSet.close();
        }
    }
}

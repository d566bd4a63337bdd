package io.github.binlog2redshift.bench.reference;

import io.github.binlog2redshift.bench.workload.SinkRows;
import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.Statement;
import org.postgresql.PGConnection;

/**
 * The physical ceiling of loading rows into PostgreSQL on this machine: pgjdbc's CopyManager
 * streaming {@code rows} CSV rows of the sink workload's shape into one table with a primary key,
 * in one COPY. Sink figures are reported as a fraction of it.
 */
public final class PostgresCopyReference {

    private PostgresCopyReference() {}

    /** Wall time in milliseconds of the COPY. */
    public static long copyMillis(Connection c, long rows) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS copy_reference");
            s.execute(SinkRows.createTable("copy_reference"));
        }
        long start = System.nanoTime();
        long copied =
                c.unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn("COPY copy_reference FROM STDIN WITH (FORMAT csv)", new Rows(rows));
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (copied != rows) {
            throw new IllegalStateException("COPY loaded " + copied + " rows of " + rows);
        }
        return ms;
    }

    /** Generates the CSV as COPY reads it, so no file or heap copy of the data is needed. */
    private static final class Rows extends Reader {
        private final long total;
        private long next = 1;
        private String line = "";
        private int at;

        Rows(long total) {
            this.total = total;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = 0;
            while (n < len) {
                if (at == line.length()) {
                    if (next > total) {
                        return n == 0 ? -1 : n;
                    }
                    line = SinkRows.csv(next++, 0);
                    at = 0;
                }
                int k = Math.min(len - n, line.length() - at);
                line.getChars(at, at + k, buf, off + n);
                at += k;
                n += k;
            }
            return n;
        }

        @Override
        public void close() {}
    }
}

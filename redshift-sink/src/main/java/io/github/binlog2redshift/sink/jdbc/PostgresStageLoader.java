package io.github.binlog2redshift.sink.jdbc;

import io.github.binlog2redshift.sink.StagedFile;
import io.github.binlog2redshift.sink.TableCommittable;
import io.github.binlog2redshift.sink.dialect.PostgresDialect;
import io.github.binlog2redshift.sink.dialect.SqlDialect;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.zip.GZIPInputStream;
import org.apache.flink.core.fs.Path;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * PostgreSQL cannot read S3, so the committer streams each staged file from the staging file system
 * (Flink's, which reaches S3 through the {@code s3-fs-hadoop} plugin) into {@code COPY ... FROM
 * STDIN}, gunzipping {@code .gz} files on the way; a small file whose bytes the writer kept in the
 * committable ({@link StagedFile#content()}) is loaded from them instead, with the same result.
 * Nothing else is buffered on the heap beyond the stream buffers.
 */
public final class PostgresStageLoader implements StageLoader {

    private final PostgresDialect dialect;

    public PostgresStageLoader(PostgresDialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public long load(Connection connection, TableCommittable batch)
            throws SQLException, IOException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        long loaded = 0;
        for (StagedFile file : batch.files()) {
            String sql = dialect.copyFromStdin(SqlDialect.stagedColumns(batch.loadColumns(file)));
            try (InputStream in = open(file)) {
                loaded += copy.copyIn(sql, in);
            }
        }
        return loaded;
    }

    private static InputStream open(StagedFile file) throws IOException {
        String uri = file.path();
        InputStream raw;
        if (file.content() != null) {
            raw = new ByteArrayInputStream(file.content());
        } else {
            Path path = new Path(uri);
            try {
                raw = new BufferedInputStream(path.getFileSystem().open(path), 1 << 16);
            } catch (FileNotFoundException e) {
                throw new MissingStagedFileException(uri);
            }
        }
        return uri.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
    }
}

package io.github.binlog2redshift.sink.jdbc;

import io.github.binlog2redshift.sink.StagedFile;
import io.github.binlog2redshift.sink.TableCommittable;
import io.github.binlog2redshift.sink.dialect.CopyOptions;
import io.github.binlog2redshift.sink.dialect.RedshiftDialect;
import io.github.binlog2redshift.sink.dialect.SqlDialect;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.fs.Path;

/**
 * Redshift reads the staged files itself: one manifest and one COPY per column layout (a schema
 * change inside a checkpoint interval gives a table files of two layouts), each followed by {@code
 * pg_last_copy_count()}, which counts the rows that COPY loaded in this session.
 */
public final class RedshiftStageLoader implements StageLoader {

    private final RedshiftDialect dialect;
    private final CopyOptions options;

    public RedshiftStageLoader(RedshiftDialect dialect, CopyOptions options) {
        this.dialect = dialect;
        this.options = options;
    }

    @Override
    public long load(Connection connection, TableCommittable batch)
            throws SQLException, IOException {
        long loaded = 0;
        int n = 0;
        for (Map.Entry<List<String>, List<StagedFile>> layout : layouts(batch).entrySet()) {
            String url =
                    RedshiftManifest.write(
                            manifestUri(batch, layout.getValue(), n++), layout.getValue());
            try (Statement st = connection.createStatement()) {
                st.execute(dialect.copy(SqlDialect.stagedColumns(layout.getKey()), url, options));
                try (ResultSet rs = st.executeQuery(dialect.lastCopyCount())) {
                    rs.next();
                    loaded += rs.getLong(1);
                }
            } catch (SQLException e) {
                throw missingFile(layout.getValue(), e);
            }
        }
        return loaded;
    }

    /**
     * A failed COPY whose manifest names a file that is gone fails as {@link
     * MissingStagedFileException}, naming the file in the sink's words whatever COPY's say;
     * otherwise {@code e} as it is. Checked only after a failure: no request on the normal path.
     */
    private static SQLException missingFile(List<StagedFile> files, SQLException e)
            throws IOException {
        for (StagedFile f : files) {
            Path path = new Path(f.path());
            if (!path.getFileSystem().exists(path)) {
                MissingStagedFileException missing = new MissingStagedFileException(f.path());
                missing.initCause(e);
                throw missing;
            }
        }
        return e;
    }

    /**
     * The manifests {@link #load} writes for {@code batch}, one per column layout, beside its first
     * file: the staged-file cleaner deletes them with the data files.
     */
    public static List<String> manifestUris(TableCommittable batch) {
        List<String> uris = new ArrayList<>();
        for (List<StagedFile> files : layouts(batch).values()) {
            uris.add(manifestUri(batch, files, uris.size()));
        }
        return uris;
    }

    private static Map<List<String>, List<StagedFile>> layouts(TableCommittable batch) {
        Map<List<String>, List<StagedFile>> byLayout = new LinkedHashMap<>();
        for (StagedFile f : batch.files()) {
            byLayout.computeIfAbsent(batch.loadColumns(f), k -> new ArrayList<>()).add(f);
        }
        return byLayout;
    }

    private static String manifestUri(TableCommittable batch, List<StagedFile> files, int n) {
        String first = files.get(0).path();
        return first.substring(0, first.lastIndexOf('/') + 1)
                + batch.stagingId()
                + "-"
                + n
                + ".manifest";
    }

    @Override
    public boolean sensitive() {
        return options.secretAccessKey() != null;
    }
}

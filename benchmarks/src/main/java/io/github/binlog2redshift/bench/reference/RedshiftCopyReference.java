package io.github.binlog2redshift.bench.reference;

import io.github.binlog2redshift.bench.workload.SinkRows;
import io.github.binlog2redshift.localstack.PostgresServer;
import io.github.binlog2redshift.localstack.S3Location;
import io.github.binlog2redshift.localstack.S3ProxyServer;
import io.github.binlog2redshift.localstack.redshift.RedshiftDatabase;
import io.github.binlog2redshift.localstack.redshift.RedshiftServer;
import io.github.binlog2redshift.localstack.redshift.TargetColumn;
import io.github.binlog2redshift.localstack.redshift.copy.CopyStatement;
import io.github.binlog2redshift.localstack.redshift.copy.PreparedCopy;
import io.github.binlog2redshift.localstack.redshift.copy.S3CopyLoader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.flink.core.fs.FileSystem;

/**
 * What one COPY costs through the local Redshift: the rows of {@link PostgresCopyReference}, staged
 * as the sink stages them (gzip CSV files on the local S3, listed by a manifest), loaded by one
 * COPY through redshift-jdbc42 with the emulator's IAM role and the options of the sink's COPY. The
 * same files are then taken through the emulator's two halves on their own: its COPY engine (S3
 * read, gunzip, every field checked against its column's Redshift rules, rows rewritten to a local
 * file) and PostgreSQL's server-side COPY of that file; the whole adds the protocol relay and a
 * catalog query. None of it is Redshift's speed: a cluster reads S3 from many slices in parallel.
 */
public final class RedshiftCopyReference {

    /** Staged files: a manifest of several, as a commit of several writer files has. */
    private static final int FILES = 4;

    /** Rows of the unmeasured first round (JIT, the S3 clients' first requests, the catalog). */
    private static final long WARM_UP_ROWS = 5_000;

    /**
     * @param copyMs the COPY through the driver and the emulator, wall time; the parts below are
     *     measured apart (each the fastest of its rounds), so they need not add up to it
     * @param engineMs the emulator's COPY engine alone on the same files
     * @param backendMs PostgreSQL's server-side COPY of the engine's output file
     */
    public record Timing(long rows, long copyMs, long engineMs, long backendMs) {}

    private RedshiftCopyReference() {}

    /**
     * Stages {@code rows} rows under {@code at} (Flink's S3 file system must point at the local S3)
     * and measures them into {@code db}: an unmeasured round of a few rows (JIT, the S3 clients'
     * first requests), then {@code rounds} rounds over the same files, each part's fastest kept,
     * since on a shared 2-core machine one slow round says more about the neighbours than about the
     * emulator. {@code workDir} takes the engine's output file.
     */
    public static Timing measure(
            RedshiftDatabase db,
            PostgresServer postgres,
            S3ProxyServer s3,
            S3Location at,
            Path workDir,
            long rows,
            int rounds)
            throws Exception {
        S3CopyLoader engine =
                new S3CopyLoader(URI.create(s3.endpoint()), s3.accessKey(), s3.secretKey());
        long warmUpRows = Math.min(rows, WARM_UP_ROWS);
        once(db, postgres, engine, stage(sub(at, "warm-up/"), warmUpRows), workDir, warmUpRows);
        String manifest = stage(sub(at, "measured/"), rows);
        Timing best = null;
        for (int r = 0; r < rounds; r++) {
            Timing t = once(db, postgres, engine, manifest, workDir, rows);
            best =
                    best == null
                            ? t
                            : new Timing(
                                    rows,
                                    Math.min(best.copyMs(), t.copyMs()),
                                    Math.min(best.engineMs(), t.engineMs()),
                                    Math.min(best.backendMs(), t.backendMs()));
        }
        return best;
    }

    private static S3Location sub(S3Location at, String prefix) {
        return new S3Location(at.bucket(), at.prefix() + prefix);
    }

    private static Timing once(
            RedshiftDatabase db,
            PostgresServer postgres,
            S3CopyLoader engine,
            String manifest,
            Path workDir,
            long rows)
            throws Exception {
        String copy = copySql(manifest);
        long copyMs;
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS copy_reference");
            s.execute(SinkRows.createTable("copy_reference"));
            long start = System.nanoTime();
            s.execute(copy);
            copyMs = (System.nanoTime() - start) / 1_000_000;
            try (ResultSet rs = s.executeQuery("SELECT pg_last_copy_count()")) {
                rs.next();
                check("the emulator's COPY", rs.getLong(1), rows);
            }
        }

        long start = System.nanoTime();
        PreparedCopy prepared =
                engine.prepare(CopyStatement.parse(copy).orElseThrow(), columns(), workDir);
        long engineMs = (System.nanoTime() - start) / 1_000_000;
        check("the COPY engine", prepared.rows(), rows);
        long backendMs;
        // As the emulator's backend runs it, but as the superuser: the table's owner would do too.
        try (Connection c = postgres.connect(db.name());
                Statement s = c.createStatement()) {
            s.execute("TRUNCATE copy_reference");
            start = System.nanoTime();
            long loaded = s.executeUpdate(prepared.backendSql());
            backendMs = (System.nanoTime() - start) / 1_000_000;
            check("PostgreSQL's COPY of the engine's file", loaded, rows);
        } finally {
            Files.deleteIfExists(prepared.file());
        }
        return new Timing(rows, copyMs, engineMs, backendMs);
    }

    /** The sink's COPY options ({@code RedshiftDialect.copy}) on the reference table. */
    static String copySql(String manifestUri) {
        return "COPY copy_reference (id, k, c, pad, v) FROM '"
                + manifestUri
                + "' IAM_ROLE '"
                + RedshiftServer.IAM_ROLE
                + "' REGION '"
                + S3ProxyServer.REGION
                + "' FORMAT AS CSV NULL AS '\\\\N' GZIP MANIFEST TIMEFORMAT 'auto'"
                + " DATEFORMAT 'auto' COMPUPDATE OFF STATUPDATE OFF";
    }

    /** The table of {@link SinkRows#createTable} as the emulator's catalog describes it. */
    private static List<TargetColumn> columns() {
        return List.of(
                new TargetColumn("id", "bigint", -1, 0, 0, false),
                new TargetColumn("k", "integer", -1, 0, 0, false),
                new TargetColumn("c", "character varying", 120, 0, 0, false),
                new TargetColumn("pad", "character varying", 60, 0, 0, false),
                new TargetColumn("v", "bigint", -1, 0, 0, false));
    }

    /** Writes the gzip CSV files and their manifest; returns the manifest's URI. */
    private static String stage(S3Location at, long rows) throws Exception {
        List<String> urls = new ArrayList<>();
        long perFile = (rows + FILES - 1) / FILES;
        for (int f = 0; f < FILES; f++) {
            long first = 1 + f * perFile;
            long last = Math.min(rows, first + perFile - 1);
            String url = at.uri("part-" + f + ".csv.gz");
            try (Writer w =
                    new OutputStreamWriter(
                            new GZIPOutputStream(create(url), 64 * 1024), StandardCharsets.UTF_8)) {
                for (long id = first; id <= last; id++) {
                    w.write(SinkRows.csv(id, 0));
                }
            }
            urls.add(url);
        }
        StringBuilder json = new StringBuilder("{\"entries\":[");
        for (int i = 0; i < urls.size(); i++) {
            json.append(i > 0 ? "," : "")
                    .append("{\"url\":\"")
                    .append(urls.get(i))
                    .append("\",\"mandatory\":true}");
        }
        json.append("]}");
        String manifest = at.uri("copy.manifest");
        try (OutputStream out = create(manifest)) {
            out.write(json.toString().getBytes(StandardCharsets.UTF_8));
        }
        return manifest;
    }

    private static OutputStream create(String uri) throws Exception {
        org.apache.flink.core.fs.Path p = new org.apache.flink.core.fs.Path(uri);
        return p.getFileSystem().create(p, FileSystem.WriteMode.OVERWRITE);
    }

    private static void check(String what, long loaded, long rows) {
        if (loaded != rows) {
            throw new IllegalStateException(what + " loaded " + loaded + " rows of " + rows);
        }
    }
}

package io.github.binlog2redshift.localstack.redshift.copy;

import io.github.binlog2redshift.localstack.internal.S3Clients;
import io.github.binlog2redshift.localstack.redshift.RedshiftException;
import io.github.binlog2redshift.localstack.redshift.TargetColumn;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Runs the reading half of a Redshift COPY against the local S3 server: finds the files (the
 * manifest's entries, or every key under the prefix), reads and checks every row as Redshift would,
 * and writes the rows that load into a CSV file PostgreSQL can {@code COPY FROM}. The local
 * PostgreSQL runs as the {@code postgres} OS user, so the file is made world-readable.
 */
public final class S3CopyLoader {
    private static final Logger LOG = LoggerFactory.getLogger(S3CopyLoader.class);

    private final S3Client s3;

    public S3CopyLoader(URI s3Endpoint, String accessKey, String secretKey) {
        this.s3 = S3Clients.forEndpoint(s3Endpoint, accessKey, secretKey);
    }

    /**
     * Reads and converts the files of {@code copy} into a file under {@code workDirectory}.
     *
     * @param targetColumns the table's columns, in table order
     * @throws RedshiftException if a file is missing, or a row fails and MAXERROR is reached
     */
    public PreparedCopy prepare(
            CopyStatement copy, List<TargetColumn> targetColumns, Path workDirectory)
            throws RedshiftException {
        String table = bareName(copy.table());
        List<TargetColumn> columns = loadedColumns(copy, targetColumns, table);
        List<String> files = files(copy, table);
        Path file = workDirectory.resolve("copy-" + UUID.randomUUID() + ".csv");
        try {
            Files.createDirectories(workDirectory);
            readableByAll(workDirectory, "rwxr-xr-x");
            CopyRows rows;
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                rows = new CopyRows(table, copy.options(), columns, out);
                for (String url : files) {
                    try (InputStream in = open(url, copy.options().gzip())) {
                        rows.load(url, in);
                    }
                }
            }
            readableByAll(file, "rw-r--r--");
            LOG.info(
                    "COPY into {}: {} rows from {} files, {} skipped",
                    table,
                    rows.rows(),
                    files.size(),
                    rows.skipped().size());
            return new PreparedCopy(
                    backendSql(copy.table(), columns, file), rows.rows(), rows.skipped(), file);
        } catch (IOException e) {
            deleteQuietly(file);
            throw new RedshiftException(
                    "XX000",
                    "COPY into " + table + " could not read its" + " files: " + e.getMessage(),
                    null);
        } catch (RedshiftException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    private List<String> files(CopyStatement copy, String table) throws RedshiftException {
        if (!copy.options().manifest()) {
            S3Url prefix = S3Url.parse(copy.from());
            List<String> urls = new ArrayList<>();
            try {
                for (S3Object o :
                        s3.listObjectsV2Paginator(
                                        b -> b.bucket(prefix.bucket()).prefix(prefix.key()))
                                .contents()) {
                    if (!o.key().endsWith("/")) {
                        urls.add("s3://" + prefix.bucket() + "/" + o.key());
                    }
                }
            } catch (SdkException e) {
                throw new RedshiftException(
                        "XX000", "S3 list of " + copy.from() + " failed: " + e.getMessage(), null);
            }
            if (urls.isEmpty()) {
                throw new RedshiftException(
                        "XX000",
                        "The specified S3 prefix '" + prefix.key() + "' does not exist",
                        null);
            }
            return urls;
        }
        String json = new String(bytes(copy.from(), table), StandardCharsets.UTF_8);
        List<String> present = new ArrayList<>();
        for (Manifest.Entry entry : Manifest.parse(copy.from(), json)) {
            if (exists(entry.url())) {
                present.add(entry.url());
            } else if (entry.mandatory()) {
                throw notFound(table, entry.url(), "a mandatory manifest entry");
            }
        }
        if (present.isEmpty()) {
            // "Regardless of any mandatory settings, COPY will terminate if no files are found."
            throw notFound(table, copy.from(), "none of the manifest's files");
        }
        return present;
    }

    private InputStream open(String url, boolean gzip) throws IOException, RedshiftException {
        S3Url u = S3Url.parse(url);
        InputStream in;
        try {
            in = new BufferedInputStream(s3.getObject(b -> b.bucket(u.bucket()).key(u.key())));
        } catch (NoSuchKeyException e) {
            throw notFound("", url, "a listed file");
        }
        if (!gzip) {
            return in;
        }
        try {
            return new BufferedInputStream(new GZIPInputStream(in, 64 * 1024));
        } catch (IOException e) {
            in.close();
            throw new RedshiftException(
                    "XX000",
                    "gzip: " + url + ": not in gzip format (" + e.getMessage() + ")",
                    null);
        }
    }

    private byte[] bytes(String url, String table) throws RedshiftException {
        S3Url u = S3Url.parse(url);
        try {
            return s3.getObjectAsBytes(b -> b.bucket(u.bucket()).key(u.key())).asByteArray();
        } catch (NoSuchKeyException e) {
            throw notFound(table, url, "the manifest");
        } catch (SdkException e) {
            throw new RedshiftException(
                    "XX000", "S3 read of " + url + " failed: " + e.getMessage(), null);
        }
    }

    private boolean exists(String url) throws RedshiftException {
        S3Url u = S3Url.parse(url);
        try {
            s3.headObject(b -> b.bucket(u.bucket()).key(u.key()));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw new RedshiftException(
                    "XX000", "S3 read of " + url + " failed: " + e.getMessage(), null);
        }
    }

    private static RedshiftException notFound(String table, String url, String what) {
        LoadError error = new LoadError(url, 0, "", "", 1212, "Load file was not found: " + what);
        return new RedshiftException(
                "XX000",
                "Load into table '" + table + "' failed: " + what + " does not exist: " + url,
                "code: 1212 Load file was not found",
                error);
    }

    private static List<TargetColumn> loadedColumns(
            CopyStatement copy, List<TargetColumn> target, String table) throws RedshiftException {
        if (copy.columns().isEmpty()) {
            return target;
        }
        List<TargetColumn> loaded = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String name : copy.columns()) {
            if (!seen.add(name)) {
                throw new RedshiftException(
                        "42701", "column \"" + name + "\" specified more than once", null);
            }
            loaded.add(
                    target.stream()
                            .filter(c -> c.name().equals(name))
                            .findFirst()
                            .orElseThrow(
                                    () ->
                                            new RedshiftException(
                                                    "42703",
                                                    "column \""
                                                            + name
                                                            + "\" of relation \""
                                                            + table
                                                            + "\" does not exist",
                                                    null)));
        }
        return loaded;
    }

    private static String backendSql(String table, List<TargetColumn> columns, Path file) {
        StringBuilder sql = new StringBuilder("COPY ").append(table).append(" (");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i > 0 ? ", " : "")
                    .append('"')
                    .append(columns.get(i).name().replace("\"", "\"\""))
                    .append('"');
        }
        return sql.append(") FROM '")
                .append(file.toAbsolutePath().toString().replace("'", "''"))
                .append("' WITH (FORMAT csv, NULL '")
                .append(CopyRows.NULL_MARKER)
                .append("', ENCODING 'UTF8')")
                .toString();
    }

    /** The table name without schema or quotes, as Redshift names it in load errors. */
    static String bareName(String table) {
        String last = table.substring(table.lastIndexOf('.') + 1);
        return last.startsWith("\"")
                ? last.substring(1, last.length() - 1).replace("\"\"", "\"")
                : last.toLowerCase(java.util.Locale.ROOT);
    }

    private static void readableByAll(Path path, String permissions) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("could not make {} readable by the postgres user: {}", path, e.toString());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", file, e.toString());
        }
    }
}

package io.github.binlog2redshift.sink.jdbc;

import io.github.binlog2redshift.config.sink.SslMode;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * The invariants of {@link ConnectionSettings}, for callers that build it directly (tests, the
 * quickstart, benchmarks); the job's options are checked with key names long before, in common's
 * {@code TargetConnectionRules}.
 */
final class ConnectionChecks {

    private ConnectionChecks() {}

    static void check(
            WarehouseKind kind,
            @Nullable String jdbcUrl,
            @Nullable String host,
            @Nullable String database,
            @Nullable String user,
            @Nullable String password,
            @Nullable String secretId,
            SslMode sslMode,
            @Nullable String sslRootCert,
            @Nullable RedshiftIamAuth iam) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sslMode, "sslMode");
        if (sslRootCert != null && !sslMode.verifiesCertificate()) {
            throw new IllegalArgumentException(
                    "a root certificate needs VERIFY_CA or VERIFY_FULL, got " + sslMode);
        }
        if (iam != null) {
            checkIam(kind, jdbcUrl, host, database, password, secretId, sslMode, iam);
            return;
        }
        boolean located = jdbcUrl != null || (host != null && database != null);
        if (secretId == null && (!located || user == null)) {
            throw new IllegalArgumentException(
                    "a "
                            + kind
                            + " connection needs either a secret id, or a JDBC URL or host and"
                            + " database, and a user; got host="
                            + host
                            + ", database="
                            + database
                            + ", user="
                            + user);
        }
    }

    private static void checkIam(
            WarehouseKind kind,
            @Nullable String jdbcUrl,
            @Nullable String host,
            @Nullable String database,
            @Nullable String password,
            @Nullable String secretId,
            SslMode sslMode,
            RedshiftIamAuth iam) {
        boolean named = host != null || iam.clusterId() != null || iam.workgroup() != null;
        if (kind != WarehouseKind.REDSHIFT
                || password != null
                || secretId != null
                || sslMode == SslMode.DISABLE
                || (jdbcUrl == null && (database == null || !named))) {
            throw new IllegalArgumentException(
                    "IAM authentication needs a REDSHIFT target with TLS, without password or"
                            + " secret, and a JDBC URL or a database with a host, cluster id or"
                            + " workgroup; got "
                            + kind
                            + ", "
                            + sslMode
                            + ", host="
                            + host
                            + ", database="
                            + database
                            + ", "
                            + iam);
        }
    }
}

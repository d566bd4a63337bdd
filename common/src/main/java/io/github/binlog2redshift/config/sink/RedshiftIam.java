package io.github.binlog2redshift.config.sink;

import static io.github.binlog2redshift.config.RedshiftOptions.AUTO_CREATE;
import static io.github.binlog2redshift.config.RedshiftOptions.CLUSTER_ID;
import static io.github.binlog2redshift.config.RedshiftOptions.DB_GROUPS;
import static io.github.binlog2redshift.config.RedshiftOptions.DB_USER;
import static io.github.binlog2redshift.config.RedshiftOptions.HOST;
import static io.github.binlog2redshift.config.RedshiftOptions.WORKGROUP;

import io.github.binlog2redshift.config.Settings;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The IAM authentication settings of a Redshift target ({@code sink.redshift.auth=IAM}): which
 * provisioned cluster or Serverless workgroup issues the temporary credentials, and, on a
 * provisioned cluster, as which database user. Combinations are checked by {@code
 * TargetConnectionRules}.
 */
public final class RedshiftIam {

    private final Optional<String> clusterId;
    private final Optional<String> workgroup;
    private final Optional<String> dbUser;
    private final boolean autoCreate;
    private final List<String> dbGroups;
    private final boolean serverless;

    private RedshiftIam(
            Optional<String> clusterId,
            Optional<String> workgroup,
            Optional<String> dbUser,
            boolean autoCreate,
            List<String> dbGroups,
            boolean serverless) {
        this.clusterId = Objects.requireNonNull(clusterId, "clusterId");
        this.workgroup = Objects.requireNonNull(workgroup, "workgroup");
        this.dbUser = Objects.requireNonNull(dbUser, "dbUser");
        this.autoCreate = autoCreate;
        this.dbGroups = List.copyOf(dbGroups);
        this.serverless = serverless;
    }

    static RedshiftIam from(Settings s) {
        return new RedshiftIam(
                s.getOptional(CLUSTER_ID),
                s.getOptional(WORKGROUP),
                s.getOptional(DB_USER),
                s.get(AUTO_CREATE),
                s.getOptional(DB_GROUPS).orElse(List.of()),
                s.isSet(WORKGROUP)
                        || s.getOptional(HOST)
                                .map(RedshiftIam::isServerlessEndpoint)
                                .orElse(false));
    }

    /**
     * Whether {@code host} is a Redshift Serverless endpoint, {@code
     * <workgroup>.<account>.<region>.redshift-serverless.amazonaws.com} (Redshift Management Guide,
     * "Connecting to Amazon Redshift Serverless").
     */
    public static boolean isServerlessEndpoint(String host) {
        return host.toLowerCase(Locale.ROOT).contains(".redshift-serverless.");
    }

    /** Provisioned cluster identifier ({@code ClusterID}). */
    public Optional<String> clusterId() {
        return clusterId;
    }

    /** Serverless workgroup name. */
    public Optional<String> workgroup() {
        return workgroup;
    }

    /** Database user of a provisioned cluster ({@code DbUser}). */
    public Optional<String> dbUser() {
        return dbUser;
    }

    /** Whether to create {@link #dbUser()} when it does not exist ({@code AutoCreate}). */
    public boolean autoCreate() {
        return autoCreate;
    }

    /** Database groups joined for the session ({@code DbGroups}); may be empty. */
    public List<String> dbGroups() {
        return dbGroups;
    }

    /** Whether the target is Redshift Serverless (a workgroup, or a Serverless endpoint). */
    public boolean serverless() {
        return serverless;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RedshiftIam)) {
            return false;
        }
        RedshiftIam other = (RedshiftIam) o;
        return clusterId.equals(other.clusterId)
                && workgroup.equals(other.workgroup)
                && dbUser.equals(other.dbUser)
                && autoCreate == other.autoCreate
                && dbGroups.equals(other.dbGroups)
                && serverless == other.serverless;
    }

    @Override
    public int hashCode() {
        return Objects.hash(clusterId, workgroup, dbUser, autoCreate, dbGroups, serverless);
    }

    @Override
    public String toString() {
        return "RedshiftIam[clusterId="
                + clusterId
                + ", workgroup="
                + workgroup
                + ", dbUser="
                + dbUser
                + ", autoCreate="
                + autoCreate
                + ", dbGroups="
                + dbGroups
                + ", serverless="
                + serverless
                + "]";
    }
}

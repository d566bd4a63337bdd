package io.github.binlog2redshift.sink.jdbc;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Redshift IAM authentication: the driver ({@code jdbc:redshift:iam:}) obtains temporary database
 * credentials for the job's IAM identity, from {@code redshift:GetClusterCredentials} for a
 * provisioned cluster (as {@link #dbUser()}) or {@code redshift-serverless:GetCredentials} for a
 * Serverless workgroup. {@link ConnectionRequest} turns it into the driver's URL and properties.
 */
public final class RedshiftIamAuth implements Serializable {

    private static final long serialVersionUID = 1L;

    @Nullable private final String clusterId;
    @Nullable private final String workgroup;
    @Nullable private final String dbUser;
    private final boolean autoCreate;
    private final List<String> dbGroups;
    private final boolean serverless;

    private RedshiftIamAuth(
            @Nullable String clusterId,
            @Nullable String workgroup,
            @Nullable String dbUser,
            boolean autoCreate,
            List<String> dbGroups,
            boolean serverless) {
        this.clusterId = clusterId;
        this.workgroup = workgroup;
        this.dbUser = dbUser;
        this.autoCreate = autoCreate;
        this.dbGroups = List.copyOf(dbGroups);
        this.serverless = serverless;
        if (serverless && (dbUser != null || autoCreate || !this.dbGroups.isEmpty())) {
            throw new IllegalArgumentException(
                    "Redshift Serverless IAM authentication takes no db user, auto-create or db"
                            + " groups: GetCredentials maps the IAM identity to the user itself");
        }
    }

    /**
     * A provisioned cluster.
     *
     * @param clusterId the cluster identifier, or null when the host is the cluster's endpoint
     */
    public static RedshiftIamAuth provisioned(
            @Nullable String clusterId,
            @Nullable String dbUser,
            boolean autoCreate,
            List<String> dbGroups) {
        return new RedshiftIamAuth(clusterId, null, dbUser, autoCreate, dbGroups, false);
    }

    /**
     * A Serverless workgroup.
     *
     * @param workgroup the workgroup name, or null when the host is the workgroup's endpoint
     */
    public static RedshiftIamAuth serverless(@Nullable String workgroup) {
        return new RedshiftIamAuth(null, workgroup, null, false, List.of(), true);
    }

    @Nullable
    public String clusterId() {
        return clusterId;
    }

    @Nullable
    public String workgroup() {
        return workgroup;
    }

    /** The database user of a provisioned cluster; null on Serverless. */
    @Nullable
    public String dbUser() {
        return dbUser;
    }

    public boolean autoCreate() {
        return autoCreate;
    }

    public List<String> dbGroups() {
        return dbGroups;
    }

    public boolean serverless() {
        return serverless;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RedshiftIamAuth)) {
            return false;
        }
        RedshiftIamAuth other = (RedshiftIamAuth) o;
        return Objects.equals(clusterId, other.clusterId)
                && Objects.equals(workgroup, other.workgroup)
                && Objects.equals(dbUser, other.dbUser)
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
        return "RedshiftIamAuth[clusterId="
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

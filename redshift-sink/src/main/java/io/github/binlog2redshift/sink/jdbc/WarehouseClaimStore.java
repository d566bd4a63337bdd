package io.github.binlog2redshift.sink.jdbc;

import static io.github.binlog2redshift.sink.jdbc.ColumnEvolver.idempotent;

import io.github.binlog2redshift.sink.dialect.ClaimStatements;
import io.github.binlog2redshift.sink.dialect.SqlDialect;
import io.github.binlog2redshift.sink.route.ClaimStore;
import io.github.binlog2redshift.sink.route.TargetClaim;
import io.github.binlog2redshift.sink.route.TargetClaims;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job's target claims, in the warehouse's {@code _b2r_target_claims} ({@link ClaimStatements}):
 * shared by every subtask and every restart, so the first claim of a name wins once and for all. A
 * claim runs in one transaction under a lock of the claims table (two subtasks claiming at once
 * wait for each other; the second sees the first's rows), all or nothing. The table is read once
 * when the store opens, so a source table whose names are claimed already (the usual case after a
 * restart) is decided without a transaction; a connection is opened only for that read and for new
 * claims, and closed after each. Transient errors are retried ({@link RetryPolicy#defaults()});
 * others end in {@link TargetClaims.Unavailable}.
 */
public final class WarehouseClaimStore implements ClaimStore {

    private static final Logger LOG = LoggerFactory.getLogger(WarehouseClaimStore.class);

    private final ConnectionProvider connections;
    private final SqlDialect dialect;
    private final ClaimStatements sql;
    private final String jobId;
    private final RetryPolicy retry;
    private Map<String, TargetClaim.Held> held;
    private boolean ready;

    public WarehouseClaimStore(
            ConnectionProvider connections,
            SqlDialect dialect,
            String controlSchema,
            String jobId,
            RetryPolicy retry) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.sql = new ClaimStatements(dialect, controlSchema);
        this.jobId = Objects.requireNonNull(jobId, "job id");
        this.retry = Objects.requireNonNull(retry, "retry");
    }

    /** A store per task, on {@code settings}' warehouse. */
    public static ClaimStore.Factory factory(
            ConnectionSettings settings, String controlSchema, String jobId) {
        return () ->
                new WarehouseClaimStore(
                        new ConnectionProvider(settings),
                        settings.kind().dialect(),
                        controlSchema,
                        jobId,
                        RetryPolicy.defaults());
    }

    @Override
    public List<TargetClaim.Held> claim(TargetClaim claim) {
        if (held == null) {
            held = withRetries("reading " + sql.claimsTable(), this::readAll);
        }
        List<TargetClaim.Held> inTheWay = ClaimStore.InMemory.inTheWay(held, claim);
        if (!inTheWay.isEmpty()
                || claim.names().stream().allMatch(n -> held.containsKey(n.table()))) {
            return inTheWay;
        }
        return withRetries("claiming " + claim.names().get(0).table(), c -> take(c, claim));
    }

    private List<TargetClaim.Held> take(Connection c, TargetClaim claim) throws SQLException {
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute(sql.lock());
            Map<String, TargetClaim.Held> fresh = select(c);
            List<TargetClaim.Held> inTheWay = ClaimStore.InMemory.inTheWay(fresh, claim);
            if (inTheWay.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(sql.insert())) {
                    for (TargetClaim.Name n : claim.names()) {
                        if (fresh.containsKey(n.table())) {
                            continue;
                        }
                        ps.setString(1, n.table());
                        ps.setString(2, n.role());
                        ps.setString(3, claim.claimant());
                        ps.setString(4, claim.source());
                        ps.setString(5, jobId);
                        ps.executeUpdate();
                    }
                }
                ClaimStore.InMemory.take(fresh, claim);
                LOG.info("{} claimed {} for {}", claim.source(), claim.names(), claim.claimant());
            }
            c.commit();
            held = fresh;
            return inTheWay;
        }
    }

    private Map<String, TargetClaim.Held> readAll(Connection c) throws SQLException {
        ensureTable(c);
        return select(c);
    }

    private Map<String, TargetClaim.Held> select(Connection c) throws SQLException {
        Map<String, TargetClaim.Held> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql.selectAll());
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                TargetClaim.Name name = new TargetClaim.Name(rs.getString(1), rs.getString(2));
                out.putIfAbsent(
                        name.table(), new TargetClaim.Held(name, rs.getString(3), rs.getString(4)));
            }
        }
        return out;
    }

    private void ensureTable(Connection c) throws SQLException {
        if (ready) {
            return;
        }
        CatalogReader catalog = new CatalogReader(dialect);
        String schema = sql.claimsTable().schema();
        if (!catalog.schemaExists(c, schema)) {
            idempotent(c, dialect.createSchema(schema), () -> catalog.schemaExists(c, schema));
        }
        idempotent(c, sql.create(), () -> catalog.exists(c, sql.claimsTable()));
        ready = true;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T withRetries(String what, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = connections.open()) {
                c.setAutoCommit(true);
                return work.run(c);
            } catch (SQLException | IOException e) {
                if (!TransientErrors.isTransient(e) || attempt > retry.maxRetries()) {
                    throw new TargetClaims.Unavailable(
                            what + " failed after " + attempt + " attempts: " + e.getMessage(), e);
                }
                long waitMs = retry.delayBefore(attempt).toMillis();
                LOG.warn(
                        "{} failed (attempt {}), retrying in {} ms: {}",
                        what,
                        attempt,
                        waitMs,
                        e.getMessage());
                try {
                    Thread.sleep(waitMs);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new TargetClaims.Unavailable(what + " interrupted", ie);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "WarehouseClaimStore[" + sql.claimsTable() + "]";
    }
}

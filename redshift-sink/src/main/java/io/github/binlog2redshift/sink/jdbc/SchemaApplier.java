package io.github.binlog2redshift.sink.jdbc;

import static io.github.binlog2redshift.sink.jdbc.ColumnEvolver.idempotent;

import io.github.binlog2redshift.config.sink.DeleteArchive;
import io.github.binlog2redshift.config.sink.SchemaPolicy;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.SchemaChange;
import io.github.binlog2redshift.sink.TableCommittable;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.dialect.ReservedNames;
import io.github.binlog2redshift.sink.dialect.SqlDialect;
import io.github.binlog2redshift.sink.dialect.TableMode;
import io.github.binlog2redshift.sink.dialect.TableShape;
import io.github.binlog2redshift.sink.schema.CatalogColumn;
import io.github.binlog2redshift.sink.schema.DdlText;
import io.github.binlog2redshift.sink.schema.IncompatibleSchemaChangeException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DDL path, kept apart from the data path: before each merge, outside its transaction (Redshift
 * runs ALTER COLUMN TYPE only outside a transaction block, and DDL kept apart keeps the merge
 * short), applies the committable's schema changes in source order, then brings the table in line
 * with the staged rows' columns: creates the schema, the ledger, the table and its side tables when
 * missing, renames, drops (by policy), adds and widens columns.
 *
 * <p>Every statement is idempotent and verified against {@code information_schema} (see {@link
 * ColumnEvolver}), so a committable re-applied after a failover plans only what is still missing.
 * Table-level statements (TRUNCATE, DROP TABLE) follow {@link SchemaPolicy}; a change the policy
 * forbids fails with {@link IncompatibleSchemaChangeException}. Tables with {@code ignore_ddl} are
 * only read: a missing one fails with an actionable message.
 *
 * <p>Holds per-session caches (schemas already checked); one instance per connection.
 */
public final class SchemaApplier {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaApplier.class);

    private final SqlDialect dialect;
    private final SchemaPolicy policy;
    private final CatalogReader catalog;
    private final TableEvolution evolution;
    private final TableEmptying emptying;
    private final Set<String> readySchemas = new HashSet<>();
    private final Set<TargetTable> readyLedgers = new HashSet<>();
    private final ShapeCache shapes;

    public SchemaApplier(SqlDialect dialect, SchemaPolicy policy) {
        this(dialect, policy, null);
    }

    /** With {@code shapes} (may be null: always read the catalog), shared by a committer. */
    public SchemaApplier(SqlDialect dialect, SchemaPolicy policy, ShapeCache shapes) {
        this.dialect = dialect;
        this.policy = policy;
        this.shapes = shapes;
        this.catalog = new CatalogReader(dialect);
        this.evolution =
                new TableEvolution(dialect, policy, catalog, new ColumnEvolver(dialect, catalog));
        this.emptying = new TableEmptying(dialect, policy);
    }

    /** The cached verified base columns for {@code b}, or null when the DDL path must run. */
    public List<CatalogColumn> cached(TableCommittable b) {
        return shapes == null ? null : shapes.lookup(b);
    }

    /**
     * Drops what is cached of {@code t}: after a failed apply it is read from the catalog again.
     */
    public void forget(TargetTable t) {
        if (shapes != null) {
            shapes.forget(t);
        }
    }

    /**
     * Applies the committable's DDL; returns the columns of the table the stage is built on (the
     * target, or the delete archive for {@code only_save_delete}). Autocommit must be on. A
     * committable without schema changes whose shape this committer verified before is answered
     * from the {@link ShapeCache} without a catalog query.
     */
    public List<CatalogColumn> apply(Connection c, TableCommittable b) throws SQLException {
        List<CatalogColumn> known = cached(b);
        if (known != null) {
            return known;
        }
        List<CatalogColumn> base = applyThroughCatalog(c, b);
        if (shapes != null) {
            shapes.remember(b, base);
        }
        return base;
    }

    private List<CatalogColumn> applyThroughCatalog(Connection c, TableCommittable b)
            throws SQLException {
        TargetTable t = b.table();
        ensureSchema(c, t.schema());
        TableMode mode = b.mode();
        if (mode.ignoreDdl()) {
            List<CatalogColumn> cols = catalog.columns(c, t);
            if (cols.isEmpty()) {
                throw new IncompatibleSchemaChangeException(
                        "table "
                                + t
                                + " does not exist; its table rule sets ignore_ddl, so the"
                                + " sink never creates or alters it: create it, then restart");
            }
            if (!b.primaryKey().isEmpty()
                    && has(cols, ReservedNames.POSITION)
                    && !b.files().isEmpty()) {
                TableShape key = keyShape(b);
                idempotent(
                        c,
                        dialect.createTombstoneTable(key, mode),
                        () -> catalog.exists(c, key.tombstoneTable()));
            }
            return cols;
        }
        List<SchemaChange> changes = b.schemaChanges();
        for (int i = 0; i < changes.size(); i++) {
            applyChange(c, b, i, changes.get(i));
        }
        TableShape shape = b.shape();
        if (shape == null) {
            return catalog.columns(
                    c, mode.writesTarget() ? t : t.withSuffix(ReservedNames.ARCHIVE_SUFFIX));
        }
        if (mode.writesTarget()) {
            evolution.evolve(c, shape, mode, DdlText.parse(""), t, true);
            if (!shape.appendOnly()) {
                idempotent(
                        c,
                        dialect.createTombstoneTable(keyShape(b), mode),
                        () -> catalog.exists(c, shape.tombstoneTable()));
            }
        }
        if (mode.archive() != DeleteArchive.NONE) {
            evolution.evolve(c, shape, mode, DdlText.parse(""), shape.archiveTable(), false);
        }
        if (mode.history()) {
            evolution.evolve(c, shape, mode, DdlText.parse(""), shape.historyTable(), false);
        }
        return catalog.columns(c, mode.writesTarget() ? t : shape.archiveTable());
    }

    /**
     * {@code b} as it is to be loaded: when its files carry a column the target lacks and the
     * schema log says another subtask renamed it to a column the target has, with that rename
     * added, so rows staged under the old name load into the new one (as a rename in the batch
     * itself does, see {@link TableCommittable#loadColumns}).
     */
    public TableCommittable loadable(Connection c, TableCommittable b) throws SQLException {
        if (b.mode().ignoreDdl()) {
            return b;
        }
        // A cached shape is the target's verified columns (no catalog query per apply); when it
        // is stale, the load fails as a schema error and the apply re-runs through the catalog.
        List<CatalogColumn> known = b.mode().writesTarget() ? cached(b) : null;
        return loadable(c, b, known != null ? known : catalog.columns(c, b.table()));
    }

    /** {@link #loadable(Connection, TableCommittable)} against {@code target}'s columns. */
    public TableCommittable loadable(Connection c, TableCommittable b, List<CatalogColumn> target)
            throws SQLException {
        return target.isEmpty() ? b : TableLevelDdl.withLoggedRenames(c, dialect, b, target);
    }

    /**
     * The position staged rows must follow to be loaded (see {@link TableEmptying#cutoff}); null
     * when none.
     */
    public String cutoff(Connection c, TableCommittable b) throws SQLException {
        return emptying.cutoff(c, b);
    }

    /** Applies {@code sc}, the {@code index}-th schema change of {@code b}. */
    private void applyChange(Connection c, TableCommittable b, int index, SchemaChange sc)
            throws SQLException {
        TargetTable t = b.table();
        DdlText text = DdlText.parse(sc.ddl());
        switch (text.kind()) {
            case TRUNCATE_TABLE:
                if (!emptying.truncates(b.mode())) {
                    LOG.warn(
                            "Table {}: source TRUNCATE at {} not applied (sink.schema.truncate-table={},"
                                    + " deletes {}, archive {}): {}",
                            t,
                            sc.position(),
                            policy.truncateTable(),
                            b.mode().deletes(),
                            b.mode().archive(),
                            sc.ddl());
                } else if (catalog.exists(c, t)) {
                    String sql = emptying.statement(t, b.mode(), sc);
                    if (TableLevelDdl.once(c, dialect, b, index, sc, List.of(sql))) {
                        LOG.info("Table {}: applied source TRUNCATE at {}", t, sc.position());
                    }
                }
                break;
            case DROP_TABLE:
                if (policy.dropTable() == SchemaPolicy.DropTable.DROP) {
                    TargetTable tomb = t.withSuffix(ReservedNames.TOMBSTONE_SUFFIX);
                    TargetTable applied = t.withSuffix(ReservedNames.APPLIED_SUFFIX);
                    if (TableLevelDdl.once(
                            c,
                            dialect,
                            b,
                            index,
                            sc,
                            List.of(
                                    dialect.dropTable(t),
                                    dialect.dropTable(tomb),
                                    dialect.dropTable(applied),
                                    dialect.dropTable(SnapshotRanges.rangesTable(t))))) {
                        LOG.warn(
                                "Table {}: source DROP TABLE at {}; target dropped (sink.schema.drop-table=DROP)",
                                t,
                                sc.position());
                    }
                } else {
                    LOG.warn(
                            "Table {}: source DROP TABLE at {} ignored; the target and its data are kept (sink.schema.drop-table=IGNORE)",
                            t,
                            sc.position());
                }
                break;
            case RENAME_TABLE:
                TableRenamer.follow(c, dialect, catalog, policy.renameTable(), t, sc, text);
                break;
            default:
                if (!text.renames().isEmpty() && b.mode().writesTarget() && catalog.exists(c, t)) {
                    TableLevelDdl.record(c, dialect, t, sc);
                }
                if (!sc.columns().isEmpty() && b.mode().writesTarget()) {
                    List<String> key = sc.primaryKey().isEmpty() ? b.primaryKey() : sc.primaryKey();
                    evolution.evolve(
                            c, new TableShape(t, sc.columns(), key), b.mode(), text, t, true);
                }
                break;
        }
    }

    /** The key columns only, enough for the tombstone table. */
    private static TableShape keyShape(TableCommittable b) {
        List<ColumnDef> keyCols = new java.util.ArrayList<>();
        for (String k : b.primaryKey()) {
            b.columns().stream()
                    .filter(x -> x.name().equals(k))
                    .findFirst()
                    .ifPresent(keyCols::add);
        }
        return new TableShape(b.table(), keyCols, b.primaryKey());
    }

    static boolean has(List<CatalogColumn> cols, String name) {
        return cols.stream().anyMatch(x -> x.name().equals(name));
    }

    /**
     * {@link #ensureSchema}, then the table's own commit ledger when the dialect gives it one
     * ({@link SqlDialect#commitLedgerTable}), once per session.
     */
    public void ensureLedgers(Connection c, TargetTable table) throws SQLException {
        String schema = table.schema();
        ensureSchema(c, schema);
        TargetTable own = dialect.commitLedgerTable(table);
        if (own.equals(dialect.ledgerTable(schema)) || readyLedgers.contains(own)) {
            return;
        }
        idempotent(c, dialect.createLedger(own), () -> catalog.exists(c, own));
        readyLedgers.add(own);
    }

    /** Creates the schema, the commit ledger and the schema log once per session. */
    public void ensureSchema(Connection c, String schema) throws SQLException {
        if (readySchemas.contains(schema)) {
            return;
        }
        // Checked first: a user granted a schema it does not own (Redshift's public belongs to the
        // superuser) need not be allowed to create schemas at all.
        if (!catalog.schemaExists(c, schema)) {
            idempotent(c, dialect.createSchema(schema), () -> catalog.schemaExists(c, schema));
        }
        TargetTable ledger = dialect.ledgerTable(schema);
        idempotent(c, dialect.createLedger(ledger), () -> catalog.exists(c, ledger));
        TargetTable log = new TargetTable(schema, ReservedNames.SCHEMA_LOG_TABLE);
        idempotent(c, dialect.createSchemaLog(schema), () -> catalog.exists(c, log));
        readySchemas.add(schema);
    }
}

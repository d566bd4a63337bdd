package io.github.binlog2redshift.sink;

import io.github.binlog2redshift.config.sink.RetentionConfig;
import io.github.binlog2redshift.sink.jdbc.RedshiftStageLoader;
import io.github.binlog2redshift.sink.jdbc.SideTablePruner;
import io.github.binlog2redshift.sink.jdbc.WarehouseSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.Nullable;
import org.apache.flink.core.fs.Path;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the committer does after a committable's commit is in the ledger (applied now, or found
 * there by a replay): deletes its staged files and manifests, which nothing reads again once the
 * ledger holds the commit (a replay finds the ledger row before it would load), and now and then
 * prunes the table's side tables ({@link SideTablePruner}). Neither ever fails the commit: a
 * failure is logged and counted, and what was left is deleted by the next prune (side tables) or by
 * the staging prefix's lifecycle rule (files), the safety net for orphans (docs/apply.md).
 */
final class CommitHousekeeping {

    private static final Logger LOG = LoggerFactory.getLogger(CommitHousekeeping.class);

    private final boolean deleteFiles;
    private final boolean manifests;
    @Nullable private final SideTablePruner pruner;
    private final Counter filesDeleted;
    private final Counter deleteFailures;
    private final Counter ledgerRowsPruned;
    private final Counter tombstonesPruned;
    private final Counter schemaLogRowsPruned;
    private final Counter pruneFailures;

    /**
     * With {@code pruner} null nothing is pruned; {@code manifests}: the target is Redshift, whose
     * loads write a manifest per column layout beside the files.
     */
    CommitHousekeeping(
            RetentionConfig retention,
            boolean manifests,
            @Nullable SideTablePruner pruner,
            MetricGroup metrics) {
        this.deleteFiles = retention.deleteStagedFiles();
        this.manifests = manifests;
        this.pruner = pruner;
        this.filesDeleted = metrics.counter("stagedFilesDeleted");
        this.deleteFailures = metrics.counter("stagedFileDeleteFailures");
        this.ledgerRowsPruned = metrics.counter("ledgerRowsPruned");
        this.tombstonesPruned = metrics.counter("tombstonesPruned");
        this.schemaLogRowsPruned = metrics.counter("schemaLogRowsPruned");
        this.pruneFailures = metrics.counter("pruneFailures");
    }

    /** After {@code b}'s commit is in the ledger; {@code session} is the one that applied it. */
    void afterCommit(WarehouseSession session, TableCommittable b) throws InterruptedException {
        if (deleteFiles) {
            deleteStaged(b);
        }
        if (pruner != null && pruner.due(b.table())) {
            prune(session, b);
        }
    }

    private void deleteStaged(TableCommittable b) {
        List<String> uris = new ArrayList<>();
        for (StagedFile f : b.files()) {
            // A file that travels in the committable was never written: staged files are not
            // kept (StagingBuffers.keepingCopies), which is why this runs.
            if (f.content() == null) {
                uris.add(f.path());
            }
        }
        if (manifests && !b.files().isEmpty()) {
            uris.addAll(RedshiftStageLoader.manifestUris(b));
        }
        for (String uri : uris) {
            try {
                Path path = new Path(uri);
                // false: already gone (a manifest a replay never wrote, an earlier delete)
                if (path.getFileSystem().delete(path, false)) {
                    filesDeleted.inc();
                }
            } catch (IOException | RuntimeException e) {
                deleteFailures.inc();
                LOG.warn("{}: could not delete staged file {}: {}", b, uri, e.toString());
            }
        }
    }

    private void prune(WarehouseSession session, TableCommittable b) throws InterruptedException {
        try {
            SideTablePruner.Pruned p = session.run("prune " + b.table(), c -> pruner.prune(c, b));
            ledgerRowsPruned.inc(p.ledgerRows());
            tombstonesPruned.inc(p.tombstones());
            schemaLogRowsPruned.inc(p.schemaLogRows());
            LOG.info(
                    "{}: pruned {} ledger rows, {} tombstones, {} schema-log rows",
                    b.table(),
                    p.ledgerRows(),
                    p.tombstones(),
                    p.schemaLogRows());
        } catch (IOException | RuntimeException e) {
            pruneFailures.inc();
            LOG.warn("{}: pruning failed, tried again next interval: {}", b.table(), e.toString());
        }
    }
}

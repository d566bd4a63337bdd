package io.github.binlog2redshift.sink.dedupe;

import static io.github.binlog2redshift.sink.dedupe.Changes.at;
import static io.github.binlog2redshift.sink.dedupe.Changes.ddl;
import static io.github.binlog2redshift.sink.dedupe.Changes.delete;
import static io.github.binlog2redshift.sink.dedupe.Changes.every;
import static io.github.binlog2redshift.sink.dedupe.Changes.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.sink.StagedChange;
import io.github.binlog2redshift.sink.route.RoutedChange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.flink.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.streaming.util.OperatorSnapshotUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The dedupe state of every release of {@link RoutedChange.Codec} restores: for each codec version
 * a snapshot per backend (test resources, written by the operator of that version) holds a flushed
 * schema change and buffered changes in each of the operator's states. Restoring checks the
 * serializer snapshot's compatibility and reads every record by its own version.
 *
 * <p>A new codec version adds its snapshots: on the build with the new version, run {@link
 * #writeSnapshots} ({@code -Dtest=LatestChangeOperatorMigrationTest#writeSnapshots
 * -Dmigration.write-snapshots=true}) and list the version in {@link #snapshots}. Versions 2, 3 and
 * 4 (the position's epoch) were written by the builds of their commits; version 1 predates the
 * every-change state and has no snapshot.
 */
class LatestChangeOperatorMigrationTest {

    private static final Path RESOURCES = Path.of("src/test/resources/migration");

    private DedupeHarness harness;

    enum Backend {
        HASHMAP,
        ROCKSDB;

        StateBackend create() {
            return this == HASHMAP ? new HashMapStateBackend() : new EmbeddedRocksDBStateBackend();
        }
    }

    /** Codec versions with a snapshot in the resources, on each backend. */
    static Stream<Arguments> snapshots() {
        return Stream.of(2, 3, 4)
                .flatMap(v -> Stream.of(Backend.values()).map(b -> Arguments.of(v, b)));
    }

    private static String fileName(int codecVersion, Backend backend) {
        return "latest-change-routed-change-v"
                + codecVersion
                + "-"
                + backend.name().toLowerCase(Locale.ROOT)
                + ".snapshot";
    }

    private void open(Backend backend, OperatorSubtaskState restored) throws Exception {
        harness = DedupeHarness.open(backend.create(), restored);
    }

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    private void send(RoutedChange... changes) throws Exception {
        harness.send(changes);
    }

    private List<StagedChange> checkpoint(long id) throws Exception {
        return harness.checkpoint(id);
    }

    /** What the snapshots hold besides the flushed ALTER 1, in the order a flush emits it. */
    private static List<RoutedChange> buffered() {
        return List.of(
                ddl("ALTER 2", at(210), 0, 15),
                upsert(1, "a", at(200), 0, 11),
                delete(2, at(201), 12),
                every(upsert(3, "x", at(202), 0, 13)),
                every(upsert(3, "y", at(203), 0, 14)));
    }

    @ParameterizedTest
    @MethodSource("snapshots")
    void restoresTheStateOfAnOlderCodec(int codecVersion, Backend backend) throws Exception {
        Path file = RESOURCES.resolve(fileName(codecVersion, backend));
        open(backend, OperatorSnapshotUtil.readStateHandle(file.toString()));
        // A late copy of the flushed schema change: dropped only if the last-DDL state restored.
        send(ddl("ALTER 1", at(150), 3, 40));
        List<StagedChange> out = checkpoint(3);
        assertThat(out)
                .extracting(StagedChange::event)
                .containsExactlyInAnyOrderElementsOf(
                        buffered().stream().map(RoutedChange::event).toList());
        assertThat(out.get(0).event().ddl()).as("schema changes come first").isEqualTo("ALTER 2");
        assertThat(out)
                .filteredOn(
                        c -> c.event().after() != null && c.event().after().get("id").equals(3L))
                .extracting(c -> c.event().after().get("v"))
                .containsExactly("x", "y");
    }

    /** Writes the snapshots of the current codec version; see the class comment. */
    @Test
    void writeSnapshots() throws Exception {
        Assumptions.assumeTrue(
                Boolean.getBoolean("migration.write-snapshots"),
                "writes test resources only when asked to");
        int version = new RoutedChange.Codec().version();
        Files.createDirectories(RESOURCES);
        for (Backend backend : Backend.values()) {
            open(backend, null);
            send(ddl("ALTER 1", at(150), 0, 10));
            assertThat(checkpoint(1)).hasSize(1);
            send(buffered().toArray(RoutedChange[]::new));
            OperatorSubtaskState snapshot = harness.snapshot(2, 2);
            OperatorSnapshotUtil.writeStateHandle(
                    snapshot, RESOURCES.resolve(fileName(version, backend)).toString());
            harness.close();
            harness = null;
        }
    }
}

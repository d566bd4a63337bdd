package io.github.binlog2redshift.verify.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.event.TableId;
import io.github.binlog2redshift.verify.compare.TableComparator.DifferenceCollector;
import io.github.binlog2redshift.verify.compare.TableResult.Verdict;
import io.github.binlog2redshift.verify.mapping.TableMode;
import io.github.binlog2redshift.verify.mapping.TargetName;
import io.github.binlog2redshift.verify.schema.SourceColumn;
import io.github.binlog2redshift.verify.schema.TableShape;
import io.github.binlog2redshift.verify.schema.TargetColumn;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadLetteredTest {

    private static final TableId TABLE = new TableId("Weird", "MixedCase");
    private static final DeadLettered LETTERS =
            DeadLettered.parse(
                    List.of("# run-local", "Weird.MixedCase.4", "", "a\\.b.t.x\\.y.\\N"));

    @Test
    void parsesPartitionKeysWithEscapesAndNull() {
        assertThat(LETTERS.keysOf(TABLE)).containsExactly(List.of("4"));
        assertThat(LETTERS.keysOf(new TableId("a.b", "t")))
                .containsExactly(Arrays.asList("x.y", null));
        assertThat(LETTERS.keysOf(new TableId("Weird", "Other"))).isEmpty();
    }

    @Test
    void aDeadLetteredMissingRowLeavesTheTableEqualWithTheNote() {
        DifferenceCollector found = collector();
        found.accept(missing("4"));
        TableResult r = verdict(5, 4, found);
        assertThat(r.verdict()).isEqualTo(Verdict.EQUAL);
        assertThat(r.missing()).isZero();
        assertThat(r.deadLettered()).containsExactly(missing("4"));
        assertThat(r.notes()).isEmpty();
    }

    @Test
    void aMissingRowThatIsNotDeadLetteredStillDiffers() {
        DifferenceCollector found = collector();
        found.accept(missing("4"));
        found.accept(missing("3"));
        TableResult r = verdict(5, 3, found);
        assertThat(r.verdict()).isEqualTo(Verdict.DIFFERENT);
        assertThat(r.missing()).isEqualTo(1);
        assertThat(r.differences()).containsExactly(missing("3"));
        assertThat(r.deadLettered()).containsExactly(missing("4"));
    }

    @Test
    void anExtraRowWithADeadLetteredKeyIsNeverExcused() {
        DifferenceCollector found = collector();
        found.accept(new Difference(Difference.Type.EXTRA, List.of("4"), List.of()));
        TableResult r = verdict(4, 5, found);
        assertThat(r.verdict()).isEqualTo(Verdict.DIFFERENT);
        assertThat(r.extra()).isEqualTo(1);
        assertThat(r.deadLettered()).isEmpty();
    }

    @Test
    void aDeadLetteredRowPresentAndEqualIsJustEqual() {
        TableResult r = verdict(5, 5, collector());
        assertThat(r.verdict()).isEqualTo(Verdict.EQUAL);
        assertThat(r.deadLettered()).isEmpty();
    }

    private static DifferenceCollector collector() {
        return new DifferenceCollector(100, LETTERS.keysOf(TABLE));
    }

    private static Difference missing(String id) {
        return new Difference(Difference.Type.MISSING, List.of(id), List.of());
    }

    private static TableResult verdict(
            long sourceRows, long targetRows, DifferenceCollector found) {
        TableShape shape =
                TableShape.of(
                        List.of(new SourceColumn("userId", "int", "int(11)", 0)),
                        List.of("userId"),
                        List.of(new TargetColumn("userid", "integer")));
        return new TableVerdict(
                        TABLE, new TargetName("weird", "mixedcase"), TableMode.STRICT, shape)
                .result(sourceRows, targetRows, 1, 1, 10, found);
    }
}

package io.github.binlog2redshift.verify.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.verify.canon.ValueKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableShapeTest {

    private static final List<SourceColumn> SOURCE =
            List.of(
                    new SourceColumn("Note", "varchar", "varchar(20)", 0),
                    new SourceColumn("region", "varchar", "varchar(8)", 0),
                    new SourceColumn("id", "bigint", "bigint(20)", 0),
                    new SourceColumn("added", "int", "int(11)", 0));

    @Test
    void keyColumnsFirstInKeyOrderHiddenColumnsIgnored() {
        TableShape shape =
                TableShape.of(
                        SOURCE,
                        List.of("id", "region"),
                        List.of(
                                new TargetColumn("id", "bigint"),
                                new TargetColumn("region", "character varying"),
                                new TargetColumn("note", "text"),
                                new TargetColumn("_b2r_pos", "bigint"),
                                new TargetColumn("legacy", "text")));
        assertThat(shape.columns().stream().map(ComparedColumn::sourceName))
                .containsExactly("id", "region", "Note");
        assertThat(shape.columns().get(2).targetName()).isEqualTo("note");
        assertThat(shape.keyKinds()).containsExactly(ValueKind.INTEGER, ValueKind.TEXT);
        assertThat(shape.sourceOnly()).containsExactly("added");
        assertThat(shape.targetOnly()).containsExactly("legacy");
    }

    @Test
    void aMissingKeyColumnCannotBeCompared() {
        assertThatThrownBy(
                        () ->
                                TableShape.of(
                                        SOURCE,
                                        List.of("id"),
                                        List.of(new TargetColumn("note", "text"))))
                .hasMessageContaining("primary-key column id");
    }
}

package io.github.binlog2redshift.verify.compare;

import static io.github.binlog2redshift.verify.compare.ChunkScannerTest.stream;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.verify.canon.KeyOrder;
import io.github.binlog2redshift.verify.canon.ValueKind;
import io.github.binlog2redshift.verify.jdbc.Row;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowDifferTest {

    private static Row row(String id, String region, String amount) {
        return new Row(Arrays.asList(id, region, amount), 2);
    }

    @Test
    void namesMissingExtraAndChangedRowsWithColumns() throws Exception {
        RowDiffer differ =
                new RowDiffer(
                        new KeyOrder(List.of(ValueKind.INTEGER, ValueKind.TEXT)),
                        List.of("id", "region", "amount"));
        List<Row> source =
                List.of(row("1", "eu", "10.00"), row("2", "eu", "5.00"), row("3", "us", ""));
        List<Row> target =
                List.of(row("1", "eu", "10.00"), row("3", "us", null), row("4", "us", "1.00"));
        List<Difference> found = new ArrayList<>();
        long read = differ.diff(stream(source), stream(target), found::add);

        assertThat(read).isEqualTo(6);
        assertThat(found)
                .containsExactly(
                        new Difference(Difference.Type.MISSING, List.of("2", "eu"), List.of()),
                        new Difference(
                                Difference.Type.CHANGED,
                                List.of("3", "us"),
                                List.of(new Difference.ColumnChange("amount", "", null))),
                        new Difference(Difference.Type.EXTRA, List.of("4", "us"), List.of()));
    }
}

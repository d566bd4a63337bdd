package io.github.binlog2redshift.bench.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultFilesTest {

    @Test
    void writesJsonCsvAndSvg(@TempDir Path dir) throws Exception {
        Path json = ResultFiles.write(Samples.run(), Samples.info(), dir.resolve("out"));

        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.get("mode").asText()).isEqualTo("quick");
        assertThat(root.get("busy_machine_warning").asText()).contains("busy");
        assertThat(root.get("measurements")).hasSize(5);
        JsonNode first = root.get("measurements").get(0);
        assertThat(first.get("system").asText()).isEqualTo("binlog2redshift");
        assertThat(first.get("value").asDouble()).isEqualTo(50_000);
        assertThat(first.get("higher_is_better").asBoolean()).isTrue();
        assertThat(root.get("ratios").get(0).get("kind").asText()).isEqualTo("advantage");
        assertThat(root.get("findings").get(0).asText()).contains("split reader");

        List<String> csv = Files.readAllLines(dir.resolve("out/results.csv"));
        assertThat(csv.get(0)).isEqualTo("scenario,system,metric,value,unit,note");
        assertThat(csv.get(1))
                .isEqualTo("source-catch-up,binlog2redshift,rate,50000.000,events/s,10 tables");
        assertThat(csv.get(4))
                .isEqualTo(
                        "latency-800/s,binlog2redshift,p99,1500.000,ms,\"checkpoint 1s, \"\"quoted\"\"\"");
        assertThat(dir.resolve("out/results.svg")).exists();
    }

    @Test
    void tableShowsFiguresRatiosAndFindings() {
        String table = ResultTable.render(Samples.run(), Samples.info());
        assertThat(table)
                .contains("NOTE: busy machine, quick sizes")
                .contains("50,000")
                .contains("2.50x")
                .contains("6.3%")
                .contains("- the snapshot split reader waits");
    }
}

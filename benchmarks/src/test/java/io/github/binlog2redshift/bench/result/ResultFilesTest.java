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
        assertThat(csv.get(0)).isEqualTo("scenario,system,metric,value,min,max,runs,unit,note");
        assertThat(csv.get(1))
                .isEqualTo(
                        "source-catch-up,binlog2redshift,rate,50000.000,50000.000,50000.000,0,"
                                + "events/s,10 tables");
        assertThat(csv.get(4))
                .isEqualTo(
                        "latency-800/s,binlog2redshift,p99,1500.000,1500.000,1500.000,0,ms,"
                                + "\"checkpoint 1s, \"\"quoted\"\"\"");
        assertThat(dir.resolve("out/results.svg")).exists();
    }

    @Test
    void keepsEveryRunOfAMedianAndTheLoadOfEachRun(@TempDir Path dir) throws Exception {
        BenchResults r = new BenchResults("quick");
        r.add(
                Measurement.median(
                        "snapshot-10-tables",
                        Measurement.PEER,
                        "rate",
                        List.of(10.0, 14.0, 12.0, 11.0),
                        "rows/s",
                        Direction.HIGHER_IS_BETTER,
                        ""));
        r.run(
                new RunRecord(
                        "snapshot-10-tables",
                        Measurement.PEER,
                        0,
                        java.util.Map.of("rate", 9.0),
                        new MachineLoad(2.5, 3.0, 80, 0.5),
                        "10 tables equal"));
        Path json = ResultFiles.write(r, Samples.info(), dir);

        JsonNode root = new ObjectMapper().readTree(json.toFile());
        JsonNode m = root.get("measurements").get(0);
        assertThat(m.get("value").asDouble()).isEqualTo(11.5);
        assertThat(m.get("min").asDouble()).isEqualTo(10.0);
        assertThat(m.get("max").asDouble()).isEqualTo(14.0);
        assertThat(m.get("runs")).hasSize(4);
        JsonNode run = root.get("runs").get(0);
        assertThat(run.get("warm_up").asBoolean()).isTrue();
        assertThat(run.get("rate").asDouble()).isEqualTo(9.0);
        assertThat(run.get("load_mean").asDouble()).isEqualTo(2.5);
        assertThat(run.get("cpu_steal_percent").asDouble()).isEqualTo(0.5);
        assertThat(run.get("content").asText()).isEqualTo("10 tables equal");
        assertThat(Files.readAllLines(dir.resolve("results.csv")).get(1))
                .startsWith("snapshot-10-tables,debezium,rate,11.500,10.000,14.000,4,rows/s");
        assertThat(ResultTable.render(r, Samples.info())).contains("10.00-14.00 (4)");
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

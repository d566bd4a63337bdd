package io.github.binlog2redshift.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch's results under {@code --out}: {@code chaos-<first seed>x<runs>.json} (every run with its
 * table counts) and {@code .csv} (one line per run and table), for a note or a spreadsheet.
 */
final class BatchSummary {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BatchSummary() {}

    static List<Path> write(Path dir, long firstSeed, List<RunResult> results) throws IOException {
        Files.createDirectories(dir);
        String name = "chaos-" + firstSeed + "x" + results.size();
        List<Map<String, Object>> runs = new ArrayList<>();
        List<String> csv = new ArrayList<>();
        csv.add(
                "seed,fault,warehouse,delivery,passed,fault_at_s,recovered_s,caught_up_s,table,lost,"
                        + "duplicated,differing,error");
        for (RunResult r : results) {
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("seed", r.seed());
            run.put("fault", r.fault().name());
            run.put("warehouse", r.warehouse());
            run.put("delivery", r.delivery());
            run.put("passed", r.passed());
            run.put("aimedAt", r.aimedAt());
            run.put("faultAtSeconds", r.faultAt());
            run.put("snapshotEndedSeconds", r.snapshotEnded());
            run.put("recoveredSeconds", r.recovered());
            run.put("caughtUpSeconds", r.caughtUp());
            run.put("transactions", r.transactions());
            run.put("failedTransactions", r.failedTransactions());
            run.put("tables", r.tables());
            run.put("failure", r.failure());
            runs.add(run);
            // A run that failed before any comparison still gets its line, with its reason.
            List<TableCounts> tables =
                    r.tables().isEmpty() && r.failure() != null
                            ? List.of(TableCounts.failed("", r.failure()))
                            : r.tables();
            for (TableCounts t : tables) {
                csv.add(
                        String.join(
                                ",",
                                Long.toString(r.seed()),
                                r.fault().name(),
                                r.warehouse(),
                                r.delivery(),
                                Boolean.toString(r.passed()),
                                String.format("%.1f", r.faultAt()),
                                String.format("%.1f", r.recovered()),
                                String.format("%.1f", r.caughtUp()),
                                t.table(),
                                Long.toString(t.lost()),
                                Long.toString(t.duplicated()),
                                Long.toString(t.differing()),
                                t.error() == null
                                        ? ""
                                        : "\""
                                                + t.error().replace("\"", "'").replace("\n", " ")
                                                + "\""));
            }
        }
        Path json = dir.resolve(name + ".json");
        Path table = dir.resolve(name + ".csv");
        JSON.writeValue(json.toFile(), Map.of("runs", runs));
        Files.write(table, csv);
        return List.of(json, table);
    }
}

package io.github.binlog2redshift.bench.result;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * Writes a run's figures as {@code results.json} (everything: run facts, measurements, ratios,
 * findings) and {@code results.csv} (one measurement per line, for spreadsheets), and the chart as
 * {@code results.svg}.
 */
public final class ResultFiles {

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultFiles() {}

    /** Writes the three files into {@code dir} (created when missing) and returns the JSON path. */
    public static Path write(BenchResults results, RunInfo run, Path dir) {
        try {
            Files.createDirectories(dir);
            Path json = dir.resolve("results.json");
            Files.writeString(json, json(results, run), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("results.csv"), csv(results), StandardCharsets.UTF_8);
            Files.writeString(
                    dir.resolve("results.svg"),
                    SvgChart.render(results, run),
                    StandardCharsets.UTF_8);
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results into " + dir, e);
        }
    }

    static String json(BenchResults results, RunInfo run) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("mode", results.mode());
        root.put("finished", Instant.ofEpochMilli(run.finishedMs()).toString());
        root.put("cores", run.cores());
        root.put("java", run.javaVersion());
        root.put("busy_machine_warning", run.warning());
        ArrayNode ms = root.putArray("measurements");
        for (Measurement m : results.measurements()) {
            ObjectNode n = ms.addObject();
            n.put("scenario", m.scenario());
            n.put("system", m.system());
            n.put("metric", m.metric());
            n.put("value", m.value());
            if (!m.runs().isEmpty()) {
                n.put("min", m.min());
                n.put("max", m.max());
                ArrayNode runs = n.putArray("runs");
                m.runs().forEach(runs::add);
            }
            n.put("unit", m.unit());
            n.put("higher_is_better", m.direction() == Direction.HIGHER_IS_BETTER);
            n.put("note", m.note());
        }
        ArrayNode rs = root.putArray("ratios");
        for (Ratio r : results.ratios()) {
            ObjectNode n = rs.addObject();
            n.put("scenario", r.scenario());
            n.put("metric", r.metric());
            n.put("system", r.system());
            n.put("baseline", r.baseline());
            n.put("kind", r.kind().name().toLowerCase(Locale.ROOT));
            n.put("value", r.value());
        }
        ArrayNode runs = root.putArray("runs");
        for (RunRecord r : results.runs()) {
            ObjectNode n = runs.addObject();
            n.put("scenario", r.scenario());
            n.put("system", r.system());
            n.put("round", r.round());
            n.put("warm_up", r.warmUp());
            r.figures().entrySet().stream()
                    .sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(f -> n.put(f.getKey(), f.getValue()));
            n.put("load_mean", r.load().loadMean());
            n.put("load_max", r.load().loadMax());
            n.put("cpu_busy_percent", r.load().busyPercent());
            n.put("cpu_steal_percent", r.load().stealPercent());
            n.put("content", r.content());
        }
        ArrayNode fs = root.putArray("findings");
        results.findings().forEach(fs::add);
        return MAPPER.writeValueAsString(root) + "\n";
    }

    static String csv(BenchResults results) {
        StringBuilder out =
                new StringBuilder("scenario,system,metric,value,min,max,runs,unit,note\n");
        for (Measurement m : results.measurements()) {
            out.append(field(m.scenario()))
                    .append(',')
                    .append(field(m.system()))
                    .append(',')
                    .append(field(m.metric()))
                    .append(',')
                    .append(String.format(Locale.ROOT, "%.3f", m.value()))
                    .append(',')
                    .append(String.format(Locale.ROOT, "%.3f", m.min()))
                    .append(',')
                    .append(String.format(Locale.ROOT, "%.3f", m.max()))
                    .append(',')
                    .append(m.runs().size())
                    .append(',')
                    .append(field(m.unit()))
                    .append(',')
                    .append(field(m.note()))
                    .append('\n');
        }
        return out.toString();
    }

    /** RFC 4180 quoting: notes hold commas. */
    static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}

package io.github.binlog2redshift.quickstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The few calls of Flink's REST API the status table uses: job states, the last completed
 * checkpoint, operator metrics (aggregated over subtasks) and restarts. The dashboard reads the
 * same endpoints, so what the terminal shows and what the browser shows agree.
 */
final class FlinkRest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;

    FlinkRest(int port) {
        this.base = "http://localhost:" + port;
    }

    /** The last completed checkpoint of a job. */
    record Checkpoint(long id, long completedAtMs, long durationMs) {}

    /** {@code GET /jobs/:id} state, e.g. RUNNING, FAILED. */
    String jobState(String jobId) throws IOException {
        return get("/jobs/" + jobId).path("state").asText("UNKNOWN");
    }

    Optional<Checkpoint> lastCheckpoint(String jobId) throws IOException {
        JsonNode done = get("/jobs/" + jobId + "/checkpoints").path("latest").path("completed");
        if (done.isMissingNode() || done.isNull()) {
            return Optional.empty();
        }
        return Optional.of(
                new Checkpoint(
                        done.path("id").asLong(),
                        done.path("latest_ack_timestamp").asLong(),
                        done.path("end_to_end_duration").asLong()));
    }

    /**
     * Every operator metric of the job whose id matches {@code suffix} (a regex of the id's end),
     * maximum over subtasks; keyed by metric id without the operator name.
     */
    Map<String, Double> metrics(String jobId, String suffix) throws IOException {
        return metrics(jobId, suffix, "max");
    }

    /**
     * As {@link #metrics(String, String)}, summed over subtasks and operators: counters such as the
     * committer's {@code serializationConflicts}.
     */
    Map<String, Double> sums(String jobId, String suffix) throws IOException {
        return metrics(jobId, suffix, "sum");
    }

    /** The job's {@code numRestarts}: how often it failed and was restarted. */
    long restarts(String jobId) throws IOException {
        for (JsonNode m : get("/jobs/" + jobId + "/metrics?get=numRestarts")) {
            return m.path("value").asLong();
        }
        return 0;
    }

    private Map<String, Double> metrics(String jobId, String suffix, String agg)
            throws IOException {
        Map<String, Double> values = new HashMap<>();
        for (JsonNode vertex : get("/jobs/" + jobId).path("vertices")) {
            String path =
                    "/jobs/"
                            + jobId
                            + "/vertices/"
                            + vertex.path("id").asText()
                            + "/subtasks/metrics";
            List<String> ids =
                    java.util.stream.StreamSupport.stream(get(path).spliterator(), false)
                            .map(m -> m.path("id").asText())
                            .filter(id -> id.matches(".*" + suffix))
                            .toList();
            if (ids.isEmpty()) {
                continue;
            }
            String query =
                    ids.stream()
                            .map(id -> URLEncoder.encode(id, StandardCharsets.UTF_8))
                            .collect(Collectors.joining(","));
            for (JsonNode m : get(path + "?agg=" + agg + "&get=" + query)) {
                String id = m.path("id").asText();
                // Operator metric ids start with the operator name; the rest is what we registered.
                int table = id.indexOf(".table.");
                values.merge(
                        table >= 0 ? id.substring(table + 1) : id,
                        m.path(agg).asDouble(),
                        agg.equals("sum") ? Double::sum : Math::max);
            }
        }
        return values;
    }

    /** {@code GET /overview}: what the dashboard's front page shows. */
    JsonNode overview() throws IOException {
        return get("/overview");
    }

    private JsonNode get(String path) throws IOException {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(5))
                        .GET()
                        .build();
        try {
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException(
                        "GET " + path + ": HTTP " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: GET " + path, e);
        }
    }
}

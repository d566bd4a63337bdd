package io.github.binlog2redshift.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalLong;
import org.apache.flink.api.common.JobID;

/** Reads an operator metric of a running job through the MiniCluster's REST API. */
final class JobMetrics {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final JobID job;

    JobMetrics(String webInterfaceUrl, JobID job) {
        this.base = webInterfaceUrl.endsWith("/") ? webInterfaceUrl : webInterfaceUrl + "/";
        this.job = job;
    }

    /** The value of the first metric whose id ends with {@code .name} on any vertex, if shown. */
    OptionalLong value(String name) throws IOException, InterruptedException {
        for (JsonNode vertex : get("jobs/" + job).path("vertices")) {
            String path = "jobs/" + job + "/vertices/" + vertex.path("id").asText() + "/metrics";
            for (JsonNode metric : get(path)) {
                String id = metric.path("id").asText();
                if (id.endsWith("." + name)) {
                    JsonNode values =
                            get(path + "?get=" + URLEncoder.encode(id, StandardCharsets.UTF_8));
                    return OptionalLong.of(Long.parseLong(values.get(0).path("value").asText()));
                }
            }
        }
        return OptionalLong.empty();
    }

    /** Polls {@link #value} until it equals {@code expected} or the timeout passes. */
    long await(String name, long expected, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        OptionalLong v = value(name);
        while ((v.isEmpty() || v.getAsLong() != expected) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            v = value(name);
        }
        if (v.isEmpty()) {
            throw new AssertionError("no metric " + name + " in " + ids());
        }
        return v.getAsLong();
    }

    private String ids() throws IOException, InterruptedException {
        StringBuilder out = new StringBuilder();
        for (JsonNode vertex : get("jobs/" + job).path("vertices")) {
            String path = "jobs/" + job + "/vertices/" + vertex.path("id").asText() + "/metrics";
            out.append(vertex.path("name").asText()).append(": ").append(get(path)).append("; ");
        }
        return out.toString();
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r =
                http.send(
                        HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
        return TopicReader.JSON.readTree(r.body());
    }
}

package io.github.binlog2redshift.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Operator metrics and restarts read from Flink's REST API, against a server answering as Flink
 * 1.20 does for a sink committer with two subtasks.
 */
class FlinkRestTest {

    private static final String APPLIED =
            "warehouse-apply: Committer.table.shop_orders.rowsApplied";
    private static final String SOURCE_TS =
            "warehouse-apply: Committer.table.shop_orders.lastAppliedSourceTimestampMs";

    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void countersAreSummedOverSubtasksAndTimestampsTakeTheNewest() throws Exception {
        FlinkRest rest = new FlinkRest(server.getAddress().getPort());

        assertThat(rest.sums("job", "\\.table\\..+\\.rowsApplied"))
                .isEqualTo(Map.of("table.shop_orders.rowsApplied", 7.0));
        assertThat(rest.metrics("job", "\\.table\\..+\\.lastAppliedSourceTimestampMs"))
                .isEqualTo(Map.of("table.shop_orders.lastAppliedSourceTimestampMs", 1700.0));
    }

    @Test
    void restartsAreTheJobsNumRestarts() throws Exception {
        assertThat(new FlinkRest(server.getAddress().getPort()).restarts("job")).isEqualTo(2);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getQuery();
        String body;
        if (path.equals("/jobs/job")) {
            body = "{\"vertices\": [{\"id\": \"v1\"}]}";
        } else if (path.equals("/jobs/job/metrics")) {
            body = "[{\"id\": \"numRestarts\", \"value\": \"2\"}]";
        } else if (path.equals("/jobs/job/vertices/v1/subtasks/metrics") && query == null) {
            body = "[{\"id\": \"" + APPLIED + "\"}, {\"id\": \"" + SOURCE_TS + "\"}]";
        } else if (path.equals("/jobs/job/vertices/v1/subtasks/metrics")) {
            // Flink answers every aggregate asked for; subtask 0 applied 3 rows, subtask 1 four.
            String id = query.contains("rowsApplied") ? APPLIED : SOURCE_TS;
            body =
                    id.equals(APPLIED)
                            ? "[{\"id\": \"" + id + "\", \"max\": 4.0, \"sum\": 7.0}]"
                            : "[{\"id\": \"" + id + "\", \"max\": 1700.0, \"sum\": 3300.0}]";
        } else {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}

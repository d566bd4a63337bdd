package io.github.binlog2redshift.sink;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.binlog2redshift.localstack.Warehouse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.annotation.Nullable;

/**
 * The bad-input corpus under {@code src/test/resources/bad-input/}: one file per input format, one
 * JSON line per case:
 *
 * <pre>
 * {"case": "ours_int_text", "about": "...", "expect": EXPECT, ["key": "kafka key text",]
 *  "record": {the Kafka record value} | "raw": "the value as text"}
 * EXPECT = {"outcome": "dead-letter", "reason": "invalid_value", ["column": "v",] ["key": "id=1"]}
 *        | {"outcome": "applied", "rows": ["stored text of column v", ...]}
 *        | {"postgres": EXPECT, "redshift": EXPECT}
 * </pre>
 *
 * A case's source table is {@code bad.<case>}, so its target is {@code public.bad__<case>}, with
 * key column {@code id} and value column {@code v}; {@code rows} are {@code v::text} ordered by
 * {@code id} (null for SQL NULL). The record is sent as the exact text of the line (escapes such as
 * a lone {@code \ud800} kept as written).
 */
final class BadInputCorpus {

    /** The input formats, each a file {@code bad-input/<format>.jsonl}. */
    static final List<String> FORMATS = List.of("ours", "debezium", "dms", "canal");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory JSON = new JsonFactory();

    private BadInputCorpus() {}

    /** One case: its record and what must become of it on each warehouse. */
    record Case(
            String format,
            String name,
            String about,
            JsonNode expect,
            @Nullable byte[] key,
            byte[] value) {

        String table() {
            return "bad__" + name;
        }

        /** The expectation on {@code w}. */
        Expectation on(Warehouse w) {
            JsonNode e = expect.has("outcome") ? expect : expect.get(w.optionValue());
            if (e == null) {
                throw new IllegalStateException(name + " has no expectation for " + w);
            }
            return new Expectation(e);
        }
    }

    /** Applied with these stored values, or dead-lettered with this reason (and column, key). */
    record Expectation(JsonNode node) {

        boolean applied() {
            return node.get("outcome").asText().equals("applied");
        }

        List<String> rows() {
            List<String> rows = new ArrayList<>();
            node.get("rows").forEach(r -> rows.add(r.isNull() ? null : r.asText()));
            return rows;
        }

        String reason() {
            return node.get("reason").asText();
        }

        @Nullable
        String column() {
            return node.has("column") ? node.get("column").asText() : null;
        }

        @Nullable
        String key() {
            return node.has("key") ? node.get("key").asText() : null;
        }

        @Override
        public String toString() {
            return node.toString();
        }
    }

    static List<Case> load() {
        List<Case> cases = new ArrayList<>();
        for (String format : FORMATS) {
            String path = "/bad-input/" + format + ".jsonl";
            try (InputStream in = BadInputCorpus.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("missing test resource " + path);
                }
                BufferedReader lines =
                        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String line;
                while ((line = lines.readLine()) != null) {
                    if (!line.isBlank()) {
                        cases.add(parse(format, line));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(path, e);
            }
        }
        return cases;
    }

    private static Case parse(String format, String line) throws IOException {
        JsonNode tree = MAPPER.readTree(line);
        String value = tree.has("raw") ? tree.get("raw").asText() : rawMember(line, "record");
        String key = tree.has("key") ? tree.get("key").asText() : null;
        return new Case(
                format,
                tree.get("case").asText().toLowerCase(Locale.ROOT),
                tree.get("about").asText(),
                tree.get("expect"),
                key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8));
    }

    /** The text of a top-level member's value exactly as the line writes it. */
    static String rawMember(String line, String member) throws IOException {
        try (JsonParser p = JSON.createParser(line)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                int start = (int) p.currentTokenLocation().getCharOffset();
                p.skipChildren();
                if (name.equals(member)) {
                    return line.substring(start, (int) p.currentLocation().getCharOffset());
                }
            }
        }
        throw new IllegalArgumentException("no member '" + member + "' in " + line);
    }
}

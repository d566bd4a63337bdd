package io.github.binlog2redshift.sink.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.binlog2redshift.config.sink.InputFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The one-pass reader against the tree path it stands in for: on the project's own format fixtures
 * and on tens of thousands of random mutations of them (values of every JSON type in every field,
 * fields dropped, repeated, added and reordered, numbers beyond a long, trailing bytes), every
 * record decodes to the same event, or is rejected with the same reason and message, with and
 * without the schema envelope; and the usual shape is read in one pass, not handed back.
 */
class PayloadReaderTest {

    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final String SCHEMA = "{\"type\":\"struct\",\"name\":\"d.t.Envelope\"}";

    /** Debezium-shaped records of the fixtures: our events, Debezium's, Flink CDC's. */
    private static List<ObjectNode> corpus() throws IOException {
        List<ObjectNode> out = new ArrayList<>();
        Path formats = Paths.get("src/test/resources/formats/debezium");
        try (Stream<Path> files = Files.list(formats)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                out.add(payload(PLAIN.readTree(f.toFile())));
            }
        }
        for (String file : List.of("ours.jsonl", "debezium.jsonl")) {
            for (String line :
                    Files.readAllLines(Paths.get("src/test/resources/bad-input", file))) {
                JsonNode record = PLAIN.readTree(line).get("record");
                if (record != null && record.isObject()) {
                    out.add(payload(record));
                }
            }
        }
        return out;
    }

    private static ObjectNode payload(JsonNode root) {
        JsonNode p = root.has("schema") && root.has("payload") ? root.get("payload") : root;
        return (ObjectNode) p;
    }

    @Test
    void readsEveryWellFormedFixtureInOnePassAsTheTreePathDoes() throws IOException {
        int read = 0;
        for (ObjectNode event : corpus()) {
            byte[] value = PLAIN.writeValueAsBytes(event);
            Object expected = outcome(() -> reference(value));
            assertThat(outcome(() -> new ChangeDecoder(InputFormat.AUTO).decode(null, value)))
                    .as(event.toString())
                    .isEqualTo(expected);
            if (expected instanceof ParsedRecord) {
                assertThat(PayloadReader.readRoot(value)).as(event.toString()).isNotNull();
                read++;
            }
        }
        assertThat(read).isGreaterThan(40);
    }

    @Test
    void randomMutationsDecodeAsTheTreePathDecodesThem() throws IOException {
        List<ObjectNode> corpus = corpus();
        Random random = new Random(20261207);
        int onePass = 0;
        int accepted = 0;
        int rejected = 0;
        for (int i = 0; i < 20_000; i++) {
            ObjectNode event = corpus.get(random.nextInt(corpus.size())).deepCopy();
            int mutations = random.nextInt(4);
            for (int m = 0; m < mutations; m++) {
                mutate(event, random);
            }
            byte[] value = write(event, random.nextInt(8) == 0 ? random : null);
            if (random.nextInt(50) == 0) {
                value = trailing(value, random);
            }
            byte[] finalValue = value;
            Object expected = outcome(() -> reference(finalValue));
            String what = new String(value, StandardCharsets.UTF_8);
            assertThat(outcome(() -> new ChangeDecoder(InputFormat.AUTO).decode(null, finalValue)))
                    .as(what)
                    .isEqualTo(expected);
            assertThat(
                            outcome(
                                    () ->
                                            new ChangeDecoder(InputFormat.DEBEZIUM)
                                                    .decode("t", null, finalValue)))
                    .as(what)
                    .isEqualTo(outcome(() -> referenceAs(InputFormat.DEBEZIUM, finalValue)));
            Object enveloped = enveloped(value);
            if (expected instanceof ParsedRecord) {
                // (a rejection's message names a place in the record, which the envelope moves)
                assertThat(enveloped).as(what).isEqualTo(expected);
            }
            if (PayloadReader.readRoot(value) != null) {
                onePass++;
            }
            if (expected instanceof ParsedRecord) {
                accepted++;
            } else {
                rejected++;
            }
        }
        // The comparison means something only when both paths are taken often.
        assertThat(onePass).isGreaterThan(5_000);
        assertThat(accepted - onePass).isGreaterThan(200);
        assertThat(rejected).isGreaterThan(2_000);
    }

    /** The record in a schema envelope, read through a topic whose schema bytes are known. */
    private static Object enveloped(byte[] payload) {
        ChangeDecoder decoder = new ChangeDecoder(InputFormat.AUTO);
        byte[] first =
                envelope(
                        ("{\"op\":\"c\",\"source\":{\"db\":\"d\",\"table\":\"t\"},"
                                        + "\"after\":{\"id\":1}}")
                                .getBytes(StandardCharsets.UTF_8));
        decoder.decode("topic", null, first);
        byte[] value = envelope(payload);
        Object expected = outcome(() -> referenceAs(InputFormat.AUTO, value));
        Object actual = outcome(() -> decoder.decode("topic", null, value));
        assertThat(actual).isEqualTo(expected);
        return actual;
    }

    private static byte[] envelope(byte[] payload) {
        return ("{\"schema\":"
                        + SCHEMA
                        + ",\"payload\":"
                        + new String(payload, StandardCharsets.UTF_8)
                        + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static ParsedRecord reference(byte[] value) {
        return referenceAs(InputFormat.AUTO, value);
    }

    private static ParsedRecord referenceAs(InputFormat format, byte[] value) {
        return new ChangeDecoder(format).decodeTree(JsonRows.tree(value), null);
    }

    /** The decoded record, or the rejection's reason and message. */
    private static Object outcome(java.util.function.Supplier<ParsedRecord> decode) {
        try {
            return decode.get();
        } catch (RejectedRecordException e) {
            return e.reason() + ": " + e.getMessage();
        }
    }

    private static final String[] FIELDS = {
        "op", "before", "after", "source", "ts_ms", "pk", "columns", "ddl", "partial_image",
        "transaction", "db", "table", "file", "pos", "row", "server_id", "gtid", "snapshot",
        "position_epoch", "name", "type", "length", "scale", "nullable", "enum_values", "id", "v"
    };

    /** One random change somewhere in the tree. */
    private static void mutate(ObjectNode root, Random random) {
        ObjectNode target = root;
        // Go down into a nested object or an array's object now and then.
        for (int depth = 0; depth < 3 && random.nextBoolean(); depth++) {
            List<JsonNode> children = new ArrayList<>();
            target.elements().forEachRemaining(children::add);
            List<ObjectNode> objects = new ArrayList<>();
            for (JsonNode c : children) {
                if (c.isObject()) {
                    objects.add((ObjectNode) c);
                } else if (c.isArray()) {
                    c.forEach(
                            e -> {
                                if (e.isObject()) {
                                    objects.add((ObjectNode) e);
                                }
                            });
                }
            }
            if (objects.isEmpty()) {
                break;
            }
            target = objects.get(random.nextInt(objects.size()));
        }
        List<String> names = new ArrayList<>();
        target.fieldNames().forEachRemaining(names::add);
        String name =
                names.isEmpty() || random.nextInt(4) == 0
                        ? FIELDS[random.nextInt(FIELDS.length)]
                        : names.get(random.nextInt(names.size()));
        if (random.nextInt(6) == 0) {
            target.remove(name);
        } else {
            target.set(name, randomValue(random, 0));
        }
    }

    private static JsonNode randomValue(Random random, int depth) {
        switch (random.nextInt(depth > 1 ? 17 : 20)) {
            case 0:
                return NODES.nullNode();
            case 1:
                return NODES.booleanNode(random.nextBoolean());
            case 2:
                return NODES.textNode("false");
            case 3:
                return NODES.textNode("c");
            case 4:
                return NODES.textNode("u\u00e9\"\\}x");
            case 5:
                return NODES.numberNode(random.nextInt(1000) - 10);
            case 6:
                return NODES.numberNode(random.nextLong());
            case 7:
                return NODES.numberNode(new BigInteger("98765432109876543210"));
            case 8:
                return NODES.numberNode(new BigDecimal("10.50"));
            case 9:
                return NODES.numberNode(new BigDecimal("1E+3"));
            case 10:
                return NODES.numberNode(new BigDecimal("-0.000"));
            case 11:
                return NODES.numberNode(3_000_000_000L);
            case 12:
                return NODES.textNode("12");
            case 13:
                return NODES.textNode("d");
            case 14:
                return NODES.textNode("");
            case 15:
                return NODES.numberNode(1.5e300);
            case 16:
                return NODES.textNode("r");
            case 17:
                {
                    ArrayNode a = NODES.arrayNode();
                    for (int i = random.nextInt(3); i > 0; i--) {
                        a.add(
                                random.nextBoolean()
                                        ? NODES.textNode("id")
                                        : randomValue(random, depth + 1));
                    }
                    return a;
                }
            default:
                {
                    ObjectNode o = NODES.objectNode();
                    for (int i = random.nextInt(3); i > 0; i--) {
                        o.set(
                                FIELDS[random.nextInt(FIELDS.length)],
                                randomValue(random, depth + 1));
                    }
                    return o;
                }
        }
    }

    /** The tree as JSON; with {@code random}, some fields written twice and the order shuffled. */
    private static byte[] write(JsonNode node, Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = PLAIN.getFactory().createGenerator(out)) {
            write(g, node, random);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(JsonGenerator g, JsonNode node, Random random) throws IOException {
        if (node.isObject()) {
            g.writeStartObject();
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            it.forEachRemaining(fields::add);
            if (random != null && fields.size() > 1) {
                java.util.Collections.shuffle(fields, random);
                fields.add(fields.get(random.nextInt(fields.size())));
            }
            for (Map.Entry<String, JsonNode> f : fields) {
                g.writeFieldName(f.getKey());
                write(g, f.getValue(), random);
            }
            g.writeEndObject();
        } else if (node.isArray()) {
            g.writeStartArray();
            for (JsonNode e : node) {
                write(g, e, random);
            }
            g.writeEndArray();
        } else {
            g.writeTree(node);
        }
    }

    private static byte[] trailing(byte[] value, Random random) {
        String tail = new String[] {" ", "}", "x", " {}", "\n"}[random.nextInt(5)];
        String s = new String(value, StandardCharsets.UTF_8);
        if (random.nextBoolean() && s.length() > 2) {
            s = s.substring(0, random.nextInt(s.length()));
        }
        return (s + tail).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void handsOtherFormatsAndEnvelopesBackUnread() {
        for (String json :
                List.of(
                        "{\"schema\":{},\"payload\":{\"op\":\"c\"}}",
                        "{\"data\":[{\"id\":\"1\"}],\"type\":\"INSERT\",\"op\":\"c\"}",
                        "{\"metadata\":{\"record-type\":\"data\"},\"data\":{}}",
                        "{\"op\":\"c\",\"op\":\"c\",\"source\":{\"db\":\"d\",\"table\":\"t\"},"
                                + "\"after\":{}}",
                        "{\"op\":\"c\",\"source\":{\"db\":\"d\",\"table\":\"t\",\"row\":3000000000},"
                                + "\"after\":{}}")) {
            assertThat(PayloadReader.readRoot(json.getBytes(StandardCharsets.UTF_8)))
                    .as(json)
                    .isNull();
        }
        assertThat(
                        Objects.requireNonNull(
                                        PayloadReader.readRoot(
                                                "{\"op\":\"c\",\"source\":{\"db\":\"d\",\"table\":\"t\"},\"after\":{\"n\":1.50}}"
                                                        .getBytes(StandardCharsets.UTF_8)))
                                .after()
                                .get("n"))
                .isEqualTo(new BigDecimal("1.50"));
    }
}

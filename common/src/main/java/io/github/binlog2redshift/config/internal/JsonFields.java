package io.github.binlog2redshift.config.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Strict reading of one JSON object of a JSON-list option ({@code source.table-pk-overrides},
 * {@code sink.tables}). Failures are {@link IllegalArgumentException}s whose message names the
 * entry and field, e.g. "entry 2, field 'skip_delete': expected true or false, got \"ture\"".
 */
public final class JsonFields {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonNode node;
    private final String where;

    private JsonFields(JsonNode node, String where) {
        this.node = node;
        this.where = where;
    }

    /** Parses a JSON array of objects, rejecting fields not in {@code allowed}. */
    public static List<JsonFields> parseObjectList(String json, Set<String> allowed) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("not a JSON list [...]");
        }
        List<JsonFields> entries = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode entry = root.get(i);
            String where = "entry " + i;
            if (!entry.isObject()) {
                throw new IllegalArgumentException(where + " is not a JSON object");
            }
            for (Iterator<String> names = entry.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    String hint =
                            KeySuggestions.closest(name, allowed)
                                    .map(s -> "; did you mean '" + s + "'?")
                                    .orElse("");
                    throw new IllegalArgumentException(
                            where + ": unknown field '" + name + "'" + hint);
                }
            }
            entries.add(new JsonFields(entry, where));
        }
        return entries;
    }

    public Optional<String> text(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isValueNode() || v.isBoolean()) {
            throw error(field, "a string", v);
        }
        return Optional.of(v.asText().trim());
    }

    public String requiredText(String field) {
        return text(field)
                .filter(s -> !s.isEmpty())
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        where + ": field '" + field + "' is required"));
    }

    /** A regex matched against the whole name (anchored), never a substring. */
    public Pattern anchoredRegex(String field) {
        String text = requiredText(field);
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            throw error(field, "a regular expression", node.get(field));
        }
    }

    /** Either a JSON array of strings or one comma-separated string. */
    public List<String> list(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (v.isArray()) {
            List<String> out = new ArrayList<>();
            v.forEach(
                    item -> {
                        if (!item.isTextual()) {
                            throw error(field, "a list of strings", v);
                        }
                        out.add(item.asText().trim());
                    });
            return List.copyOf(out);
        }
        return text(field)
                .map(
                        s ->
                                Arrays.stream(s.split(","))
                                        .map(String::trim)
                                        .filter(x -> !x.isEmpty())
                                        .collect(Collectors.toUnmodifiableList()))
                .orElse(List.of());
    }

    /**
     * JSON {@code true}/{@code false} or the strings "true"/"false" (any case). Anything else, like
     * the reference implementation's "ture", is an error instead of a silent false.
     */
    public boolean bool(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual()) {
            String s = v.asText().trim();
            if (s.equalsIgnoreCase("true")) {
                return true;
            }
            if (s.equalsIgnoreCase("false")) {
                return false;
            }
        }
        throw error(field, "true or false", v);
    }

    /** The names of the fields this object has. */
    public Set<String> present() {
        Set<String> names = new java.util.LinkedHashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    public String where() {
        return where;
    }

    public IllegalArgumentException error(String field, String expected, JsonNode actual) {
        return new IllegalArgumentException(
                where + ", field '" + field + "': expected " + expected + ", got " + actual);
    }

    public IllegalArgumentException error(String message) {
        return new IllegalArgumentException(where + ": " + message);
    }
}

package io.github.binlog2redshift.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CloudFormation template (long-form intrinsics only) read as a tree, with what the tests need of
 * CloudFormation's own processing: which names a node refers to, and the template as deployed with
 * given parameter values (conditions evaluated, {@code Fn::If} branches chosen, {@code
 * AWS::NoValue} and resources whose condition is false removed). Other intrinsics are left as they
 * are.
 */
final class CfnTemplate {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!]+)}");

    private final JsonNode root;

    CfnTemplate(JsonNode root) {
        this.root = root;
    }

    JsonNode root() {
        return root;
    }

    Set<String> names(String section) {
        Set<String> out = new HashSet<>();
        root.path(section).fieldNames().forEachRemaining(out::add);
        return out;
    }

    /**
     * Parameters whose default is the empty string: optional, and without a property when empty.
     */
    List<String> optionalParameters() {
        List<String> out = new ArrayList<>();
        root.path("Parameters")
                .fields()
                .forEachRemaining(
                        e -> {
                            JsonNode d = e.getValue().get("Default");
                            if (d != null && d.asText().isEmpty()) {
                                out.add(e.getKey());
                            }
                        });
        return out;
    }

    /** Parameters without a default: the values a deployment must supply. */
    List<String> requiredParameters() {
        List<String> out = new ArrayList<>();
        root.path("Parameters")
                .fields()
                .forEachRemaining(
                        e -> {
                            if (!e.getValue().has("Default")) {
                                out.add(e.getKey());
                            }
                        });
        return out;
    }

    /**
     * Every name the node refers to: {@code Ref}, {@code Fn::GetAtt}, the variables of {@code
     * Fn::Sub} that its own variable map does not define, and conditions ({@code Fn::If}, {@code
     * Condition}) prefixed with {@code "Condition:"}.
     */
    static List<String> references(JsonNode node) {
        List<String> out = new ArrayList<>();
        collect(node, out);
        return out;
    }

    private static void collect(JsonNode node, List<String> out) {
        if (node.isArray()) {
            node.forEach(n -> collect(n, out));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        node.fields()
                .forEachRemaining(
                        e -> {
                            JsonNode v = e.getValue();
                            switch (e.getKey()) {
                                case "Ref" -> out.add(v.asText());
                                case "Fn::GetAtt" -> out.add(v.get(0).asText());
                                case "Condition" -> {
                                    if (v.isTextual()) {
                                        out.add("Condition:" + v.asText());
                                    } else {
                                        collect(v, out); // an IAM policy statement's Condition
                                    }
                                }
                                case "Fn::If" -> {
                                    out.add("Condition:" + v.get(0).asText());
                                    collect(v.get(1), out);
                                    collect(v.get(2), out);
                                }
                                case "Fn::Sub" -> {
                                    String text = v.isArray() ? v.get(0).asText() : v.asText();
                                    Set<String> local = new HashSet<>();
                                    if (v.isArray()) {
                                        v.get(1).fieldNames().forEachRemaining(local::add);
                                        collect(v.get(1), out);
                                    }
                                    Matcher m = SUB_VARIABLE.matcher(text);
                                    while (m.find()) {
                                        String name = m.group(1).split("\\.")[0];
                                        if (!local.contains(name)) {
                                            out.add(name);
                                        }
                                    }
                                }
                                default -> collect(v, out);
                            }
                        });
    }

    /** The resources and outputs as deployed with these parameter values (others: defaults). */
    JsonNode deployedWith(Map<String, String> values) {
        Map<String, String> params = new LinkedHashMap<>();
        root.path("Parameters")
                .fields()
                .forEachRemaining(
                        e -> {
                            JsonNode d = e.getValue().get("Default");
                            params.put(e.getKey(), d == null ? null : d.asText());
                        });
        params.putAll(values);
        Map<String, Boolean> conditions = new LinkedHashMap<>();
        root.path("Conditions")
                .fields()
                .forEachRemaining(
                        e ->
                                conditions.put(
                                        e.getKey(), evaluate(e.getValue(), params, conditions)));
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (String section : List.of("Resources", "Outputs")) {
            ObjectNode kept = out.putObject(section);
            root.path(section)
                    .fields()
                    .forEachRemaining(
                            e -> {
                                JsonNode c = e.getValue().get("Condition");
                                if (c == null || conditions.get(c.asText())) {
                                    kept.set(e.getKey(), resolve(e.getValue(), conditions));
                                }
                            });
        }
        return out;
    }

    private static boolean evaluate(
            JsonNode node, Map<String, String> params, Map<String, Boolean> conditions) {
        String fn = node.fieldNames().next();
        JsonNode args = node.get(fn);
        return switch (fn) {
            case "Fn::Equals" -> value(args.get(0), params).equals(value(args.get(1), params));
            case "Fn::Not" -> !evaluate(args.get(0), params, conditions);
            case "Fn::And" -> {
                boolean all = true;
                for (JsonNode a : args) {
                    all &= evaluate(a, params, conditions);
                }
                yield all;
            }
            case "Fn::Or" -> {
                boolean any = false;
                for (JsonNode a : args) {
                    any |= evaluate(a, params, conditions);
                }
                yield any;
            }
            case "Condition" -> conditions.get(args.asText());
            default -> throw new IllegalArgumentException("Unsupported condition function " + fn);
        };
    }

    private static String value(JsonNode node, Map<String, String> params) {
        if (node.isObject() && node.has("Ref")) {
            return String.valueOf(params.get(node.get("Ref").asText()));
        }
        return node.asText();
    }

    /** Chooses Fn::If branches and drops AWS::NoValue; null when the node itself is dropped. */
    private static JsonNode resolve(JsonNode node, Map<String, Boolean> conditions) {
        if (node.isObject()) {
            if (node.size() == 1 && "AWS::NoValue".equals(node.path("Ref").asText(null))) {
                return null;
            }
            if (node.size() == 1 && node.has("Fn::If")) {
                JsonNode args = node.get("Fn::If");
                boolean c = conditions.get(args.get(0).asText());
                return resolve(args.get(c ? 1 : 2), conditions);
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            node.fields()
                    .forEachRemaining(
                            e -> {
                                JsonNode r = resolve(e.getValue(), conditions);
                                if (r != null) {
                                    out.set(e.getKey(), r);
                                }
                            });
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(
                    n -> {
                        JsonNode r = resolve(n, conditions);
                        if (r != null) {
                            out.add(r);
                        }
                    });
            return out;
        }
        return node;
    }
}

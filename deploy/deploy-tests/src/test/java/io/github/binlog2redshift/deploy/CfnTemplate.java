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
 * CloudFormation's own processing ({@link CfnReferences} has the names a node refers to): which
 * rules given parameter values break, the template as deployed with them (conditions evaluated,
 * {@code Fn::If} branches chosen, {@code AWS::NoValue} and resources whose condition is false
 * removed), and a deployed value as text ({@code Ref}, {@code Fn::Sub}, {@code Fn::GetAtt} filled
 * in). Other intrinsics are left as they are.
 */
final class CfnTemplate {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!]+)}");

    /** What the pseudo parameters are in these tests. */
    private static final Map<String, String> PSEUDO =
            Map.of(
                    "AWS::Region", "eu-west-1",
                    "AWS::AccountId", "123456789012",
                    "AWS::Partition", "aws");

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

    /** These parameter values over the defaults; a parameter without either maps to null. */
    Map<String, String> parameters(Map<String, String> values) {
        Map<String, String> params = new LinkedHashMap<>();
        root.path("Parameters")
                .fields()
                .forEachRemaining(
                        e -> {
                            JsonNode d = e.getValue().get("Default");
                            params.put(e.getKey(), d == null ? null : d.asText());
                        });
        params.putAll(values);
        return params;
    }

    /** The AssertDescription of every rule assertion these parameter values break. */
    List<String> brokenRules(Map<String, String> values) {
        Map<String, String> params = parameters(values);
        List<String> out = new ArrayList<>();
        root.path("Rules")
                .forEach(
                        rule -> {
                            JsonNode when = rule.get("RuleCondition");
                            if (when == null || evaluate(when, params, Map.of())) {
                                for (JsonNode a : rule.path("Assertions")) {
                                    if (!evaluate(a.get("Assert"), params, Map.of())) {
                                        out.add(a.path("AssertDescription").asText());
                                    }
                                }
                            }
                        });
        return out;
    }

    /**
     * A deployed scalar value as text: parameters from {@link #parameters}, pseudo parameters from
     * {@link #PSEUDO}, a resource's Ref is its logical id and its Arn an IAM role ARN.
     */
    String render(JsonNode value, Map<String, String> values) {
        Map<String, String> params = parameters(values);
        if (value.has("Ref")) {
            return lookup(value.get("Ref").asText(), params);
        }
        if (value.has("Fn::GetAtt")) {
            return "arn:aws:iam::123456789012:role/" + value.get("Fn::GetAtt").get(0).asText();
        }
        if (value.has("Fn::Sub") && value.get("Fn::Sub").isTextual()) {
            Matcher m = SUB_VARIABLE.matcher(value.get("Fn::Sub").asText());
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(lookup(m.group(1), params)));
            }
            return m.appendTail(out).toString();
        }
        if (value.isContainerNode()) {
            throw new IllegalArgumentException("Cannot render " + value);
        }
        return value.asText();
    }

    private String lookup(String name, Map<String, String> params) {
        if (PSEUDO.containsKey(name)) {
            return PSEUDO.get(name);
        }
        if (params.containsKey(name)) {
            return params.get(name);
        }
        if (root.path("Resources").has(name)) {
            return name;
        }
        throw new IllegalArgumentException("Undefined " + name);
    }

    /** The resources and outputs as deployed with these parameter values (others: defaults). */
    JsonNode deployedWith(Map<String, String> values) {
        Map<String, String> params = parameters(values);
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

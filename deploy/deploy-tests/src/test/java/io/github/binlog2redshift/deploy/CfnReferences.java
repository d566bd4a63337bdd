package io.github.binlog2redshift.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The names a part of a CloudFormation template refers to (long-form intrinsics). */
final class CfnReferences {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!]+)}");

    private CfnReferences() {}

    /**
     * Every name the node refers to: {@code Ref}, {@code Fn::GetAtt}, the variables of {@code
     * Fn::Sub} that its own variable map does not define, and conditions ({@code Fn::If}, {@code
     * Condition}) prefixed with {@code "Condition:"}.
     */
    static List<String> of(JsonNode node) {
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
}

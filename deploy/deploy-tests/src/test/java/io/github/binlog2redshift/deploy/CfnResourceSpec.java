package io.github.binlog2redshift.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The CloudFormation resource specification as the AWS CDK ships it (npm package {@code
 * @aws-cdk/aws-service-spec}, its {@code db.json.gz}: every resource type, its properties, their
 * types, allowed values and which are required), and a check of a template's resources against
 * it. Values that are intrinsic functions are not checked, except that both branches of {@code
 * Fn::If} are.
 */
final class CfnResourceSpec {

    private final Map<String, JsonNode> resources = new HashMap<>();
    private final Map<String, JsonNode> types = new HashMap<>();

    private CfnResourceSpec(JsonNode db) {
        db.at("/schema/resource/entities")
                .forEach(r -> resources.put(r.path("cloudFormationType").asText(), r));
        db.at("/schema/typeDefinition/entities").forEach(t -> types.put(t.path("$id").asText(), t));
    }

    /** The spec installed by ./test (system property aws-service-spec.db), if it is there. */
    static Optional<CfnResourceSpec> installed() {
        String db = System.getProperty("aws-service-spec.db", "");
        if (db.isEmpty() || !Files.isRegularFile(Path.of(db))) {
            return Optional.empty();
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Path.of(db)))) {
            return Optional.of(new CfnResourceSpec(new ObjectMapper().readTree(in)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + db, e);
        }
    }

    /** Every problem of the template's resources, each naming its path; empty when it conforms. */
    List<String> problems(JsonNode template) {
        List<String> out = new ArrayList<>();
        template.path("Resources")
                .fields()
                .forEachRemaining(
                        e -> {
                            String type = e.getValue().path("Type").asText();
                            JsonNode spec = resources.get(type);
                            String path = e.getKey();
                            if (spec == null) {
                                out.add(path + ": unknown resource type " + type);
                            } else {
                                checkObject(
                                        e.getValue().path("Properties"),
                                        spec.path("properties"),
                                        path + ".Properties",
                                        out);
                            }
                        });
        return out;
    }

    private void checkObject(JsonNode value, JsonNode properties, String path, List<String> out) {
        if (isIntrinsic(value)) {
            checkBranches(value, v -> checkObject(v, properties, path, out));
            return;
        }
        if (!value.isObject()) {
            out.add(path + ": expected an object, found " + value);
            return;
        }
        value.fields()
                .forEachRemaining(
                        e -> {
                            JsonNode p = properties.get(e.getKey());
                            if (p == null) {
                                out.add(path + "." + e.getKey() + ": unknown property");
                            } else {
                                checkValue(
                                        e.getValue(), p.path("type"), path + "." + e.getKey(), out);
                            }
                        });
        properties
                .fields()
                .forEachRemaining(
                        e -> {
                            if (e.getValue().path("required").asBoolean()
                                    && !value.has(e.getKey())) {
                                out.add(path + "." + e.getKey() + ": required property missing");
                            }
                        });
    }

    private void checkValue(JsonNode value, JsonNode type, String path, List<String> out) {
        if (isIntrinsic(value)) {
            checkBranches(value, v -> checkValue(v, type, path, out));
            return;
        }
        switch (type.path("type").asText()) {
            case "ref" -> {
                JsonNode def = types.get(type.at("/reference/$ref").asText());
                checkObject(value, def.path("properties"), path, out);
            }
            case "array" -> {
                if (!value.isArray()) {
                    out.add(path + ": expected a list, found " + value);
                } else {
                    for (int i = 0; i < value.size(); i++) {
                        checkValue(value.get(i), type.path("element"), path + "[" + i + "]", out);
                    }
                }
            }
            case "map" -> {
                if (!value.isObject()) {
                    out.add(path + ": expected a map, found " + value);
                } else {
                    value.fields()
                            .forEachRemaining(
                                    e ->
                                            checkValue(
                                                    e.getValue(),
                                                    type.path("element"),
                                                    path + "." + e.getKey(),
                                                    out));
                }
            }
            case "string", "date-time" -> {
                if (!value.isValueNode()) {
                    out.add(path + ": expected a string, found " + value);
                } else if (type.has("allowedValues")) {
                    List<String> allowed = new ArrayList<>();
                    type.path("allowedValues").forEach(a -> allowed.add(a.asText()));
                    if (!allowed.contains(value.asText())) {
                        out.add(path + ": '" + value.asText() + "' is not one of " + allowed);
                    }
                }
            }
            case "integer", "number" -> {
                if (!value.isNumber() && !value.asText().matches("-?[0-9]+(\\.[0-9]+)?")) {
                    out.add(path + ": expected a number, found " + value);
                }
            }
            case "boolean" -> {
                if (!value.isBoolean() && !value.asText().matches("true|false")) {
                    out.add(path + ": expected true or false, found " + value);
                }
            }
            case "union" -> {
                boolean any = false;
                for (JsonNode t : type.path("types")) {
                    List<String> attempt = new ArrayList<>();
                    checkValue(value, t, path, attempt);
                    any |= attempt.isEmpty();
                }
                if (!any) {
                    out.add(path + ": matches none of " + type.path("types"));
                }
            }
            default -> {
                // json (free-form, e.g. IAM policy documents) and tag: nothing to check
            }
        }
    }

    /** An object with one key that is Ref or Fn::*: its value is computed at deploy time. */
    private static boolean isIntrinsic(JsonNode value) {
        if (!value.isObject() || value.size() != 1) {
            return false;
        }
        String key = value.fieldNames().next();
        return key.equals("Ref") || key.startsWith("Fn::");
    }

    private static void checkBranches(
            JsonNode intrinsic, java.util.function.Consumer<JsonNode> check) {
        JsonNode args = intrinsic.get("Fn::If");
        if (args != null) {
            for (JsonNode branch : List.of(args.get(1), args.get(2))) {
                if (!"AWS::NoValue".equals(branch.path("Ref").asText())) {
                    check.accept(branch);
                }
            }
        }
    }
}

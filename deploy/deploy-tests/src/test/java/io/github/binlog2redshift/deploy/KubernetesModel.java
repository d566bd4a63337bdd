package io.github.binlog2redshift.deploy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;

/**
 * Reads manifests into the real model classes, strictly: the Flink Kubernetes operator's {@link
 * FlinkDeployment} and the fabric8 Kubernetes model it is built on. A misspelt or misplaced field
 * fails, as the API server's strict field validation would fail it (or, without it, silently drop
 * it). Jackson's FAIL_ON_UNKNOWN_PROPERTIES is not enough on its own: the operator's spec classes
 * say {@code @JsonIgnoreProperties(ignoreUnknown = true)}, which is overridden here, and fabric8
 * classes keep unknown fields in an {@code additionalProperties} map instead of failing, so those
 * maps must be empty everywhere in the result.
 */
final class KubernetesModel {

    private static final ObjectMapper STRICT =
            YAMLMapper.builder()
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .annotationIntrospector(new NoIgnoreUnknown())
                    .build();

    /** Keeps every annotation but {@code ignoreUnknown = true}. */
    private static final class NoIgnoreUnknown extends JacksonAnnotationIntrospector {
        @Override
        public JsonIgnoreProperties.Value findPropertyIgnoralByName(
                MapperConfig<?> config, Annotated a) {
            return super.findPropertyIgnoralByName(config, a).withoutIgnoreUnknown();
        }
    }

    private static final List<Class<? extends HasMetadata>> KINDS =
            List.of(
                    FlinkDeployment.class,
                    ServiceAccount.class,
                    Role.class,
                    RoleBinding.class,
                    Secret.class);

    private KubernetesModel() {}

    /**
     * The document as its kind's model class.
     *
     * @throws IllegalArgumentException naming the kind, apiVersion or field that is not in the
     *     model
     */
    static HasMetadata read(JsonNode document) {
        String kind = document.path("kind").asText();
        Class<? extends HasMetadata> type =
                KINDS.stream()
                        .filter(k -> HasMetadata.getKind(k).equals(kind))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "Unexpected kind '" + kind + "'"));
        String group = HasMetadata.getGroup(type);
        String apiVersion =
                (group == null || group.isEmpty() ? "" : group + "/")
                        + HasMetadata.getVersion(type);
        if (!apiVersion.equals(document.path("apiVersion").asText())) {
            throw new IllegalArgumentException(
                    kind
                            + " has apiVersion '"
                            + document.path("apiVersion").asText()
                            + "', expected '"
                            + apiVersion
                            + "'");
        }
        HasMetadata model;
        try {
            model = STRICT.treeToValue(document, type);
        } catch (Exception e) {
            throw new IllegalArgumentException(
                    kind + " does not match the model: " + e.getMessage(), e);
        }
        List<String> unknown = new ArrayList<>();
        collectUnknown(model, kind, unknown);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    kind + " has fields the model does not know: " + unknown);
        }
        return model;
    }

    private static void collectUnknown(Object value, String path, List<String> out) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> c) {
            int i = 0;
            for (Object o : c) {
                collectUnknown(o, path + "[" + i++ + "]", out);
            }
            return;
        }
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> collectUnknown(v, path + "." + k, out));
            return;
        }
        if (value.getClass().isArray() && !value.getClass().getComponentType().isPrimitive()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                collectUnknown(Array.get(value, i), path + "[" + i + "]", out);
            }
            return;
        }
        if (!isModel(value.getClass()) || value.getClass().isEnum()) {
            return;
        }
        for (Class<?> c = value.getClass(); c != null && isModel(c); c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                f.setAccessible(true);
                Object fieldValue;
                try {
                    fieldValue = f.get(value);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
                if (f.getName().equals("additionalProperties")
                        && fieldValue instanceof Map<?, ?> m) {
                    m.keySet().forEach(k -> out.add(path + "." + k));
                } else {
                    collectUnknown(fieldValue, path + "." + f.getName(), out);
                }
            }
        }
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return name.startsWith("io.fabric8.kubernetes.")
                || name.startsWith("org.apache.flink.kubernetes.operator.api.");
    }
}

package io.github.binlog2redshift.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job's table of reference-implementation keys, applied to each configuration source on its own
 * (before sources are merged) so that precedence between sources still holds for old keys.
 */
public final class LegacyKeys {

    private static final Logger LOG = LoggerFactory.getLogger(LegacyKeys.class);

    private final Map<String, LegacyKeyMapping> byOldKey = new LinkedHashMap<>();

    public LegacyKeys(List<LegacyKeyMapping> mappings) {
        for (LegacyKeyMapping m : mappings) {
            if (byOldKey.put(m.oldKey(), m) != null) {
                throw new IllegalArgumentException("duplicate legacy key " + m.oldKey());
            }
        }
    }

    public static LegacyKeys none() {
        return new LegacyKeys(List.of());
    }

    public List<LegacyKeyMapping> mappings() {
        return List.copyOf(byOldKey.values());
    }

    public boolean isLegacyKey(String key) {
        return byOldKey.containsKey(key);
    }

    /**
     * Replaces every legacy entry of one source by its translation. Logs one INFO line per mapped
     * key. A new key written both directly and through a legacy key of the same source must agree.
     *
     * @throws ConfigException when an old value is malformed or contradicts a new key
     */
    public Settings apply(Settings layer) {
        Map<String, RawValue> out = new LinkedHashMap<>();
        List<RawValue> translated = new ArrayList<>();
        for (RawValue raw : layer.entries().values()) {
            LegacyKeyMapping mapping = byOldKey.get(raw.key());
            if (mapping == null) {
                out.put(raw.key(), raw);
                continue;
            }
            Map<String, String> produced;
            try {
                produced = mapping.translation().apply(raw.value().trim());
            } catch (IllegalArgumentException e) {
                throw ConfigException.invalidValue(
                        raw,
                        mapping.secret(),
                        "a value of the reference implementation's '"
                                + raw.key()
                                + "' ("
                                + mapping.note()
                                + ")",
                        mapping.secret() ? null : e.getMessage());
            }
            LOG.info(
                    "Mapped legacy option '{}' (from {}) to {}",
                    raw.key(),
                    raw.origin(),
                    String.join(", ", produced.keySet()));
            Origin origin = raw.origin().viaLegacyKey(raw.key());
            produced.forEach((k, v) -> translated.add(new RawValue(k, v, origin)));
        }
        for (RawValue t : translated) {
            RawValue existing = out.get(t.key());
            if (existing != null && !existing.value().equals(t.value())) {
                throw new ConfigException(
                        "Conflicting values for '"
                                + t.key()
                                + "': "
                                + existing.origin()
                                + " and "
                                + t.origin()
                                + " disagree; set only one of them");
            }
            out.put(t.key(), t);
        }
        return Settings.ofValues(out.values());
    }
}

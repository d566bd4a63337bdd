package io.github.binlog2redshift.localstack.redshift.copy;

import io.github.binlog2redshift.localstack.redshift.RedshiftException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A COPY manifest: {@code {"entries": [{"url": "s3://...", "mandatory": true}, ...]}}. {@code
 * mandatory} defaults to false (COPY examples, "Using a manifest to specify data files"); {@code
 * meta} is allowed; anything else is refused, the documentation naming no other keys.
 */
final class Manifest {

    /** One manifest entry. */
    record Entry(String url, boolean mandatory) {}

    private static final Set<String> ENTRY_KEYS = Set.of("url", "mandatory", "meta");

    private Manifest() {}

    static List<Entry> parse(String manifestUrl, String json) throws RedshiftException {
        Object root;
        try {
            root = JsonText.parse(json);
        } catch (IllegalArgumentException e) {
            throw invalid(manifestUrl, e.getMessage());
        }
        if (!(root instanceof Map<?, ?> map) || !(map.get("entries") instanceof List<?> list)) {
            throw invalid(manifestUrl, "no \"entries\" array");
        }
        List<Entry> entries = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> e)
                    || !(e.get("url") instanceof String url)
                    || !url.startsWith("s3://")) {
                throw invalid(manifestUrl, "an entry without an s3:// \"url\"");
            }
            for (Object key : e.keySet()) {
                if (!ENTRY_KEYS.contains(key)) {
                    throw invalid(manifestUrl, "unknown entry key \"" + key + "\"");
                }
            }
            Object mandatory = e.get("mandatory");
            if (mandatory != null && !(mandatory instanceof Boolean)) {
                throw invalid(manifestUrl, "\"mandatory\" must be true or false");
            }
            entries.add(new Entry(url, Boolean.TRUE.equals(mandatory)));
        }
        return entries;
    }

    private static RedshiftException invalid(String url, String why) {
        return new RedshiftException(
                "XX000", "Manifest file is not in correct format: " + url + ": " + why, null);
    }
}

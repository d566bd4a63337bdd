package io.github.binlog2redshift.config.source;

import io.github.binlog2redshift.config.SourceOptions;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Translates the reference's one-string {@code position} into {@code source.startup.*} keys. */
final class StartupPosition {

    private StartupPosition() {}

    /**
     * {@code initial}, {@code latest}, {@code earliest}, {@code gtid:<set>}, {@code
     * timestamp:<epoch ms>}, or a binlog file with an optional {@code :<pos>} (default 4).
     */
    static Map<String, String> translate(String value) {
        Map<String, String> out = new LinkedHashMap<>();
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.equals("initial") || lower.equals("latest") || lower.equals("earliest")) {
            out.put(SourceOptions.STARTUP_MODE.key(), lower.toUpperCase(Locale.ROOT));
        } else if (lower.startsWith("gtid:")) {
            out.put(SourceOptions.STARTUP_MODE.key(), StartupMode.GTID.name());
            out.put(SourceOptions.STARTUP_GTID_SET.key(), value.substring("gtid:".length()).trim());
        } else if (lower.startsWith("timestamp:")) {
            out.put(SourceOptions.STARTUP_MODE.key(), StartupMode.TIMESTAMP.name());
            out.put(
                    SourceOptions.STARTUP_TIMESTAMP_MS.key(),
                    value.substring("timestamp:".length()).trim());
        } else {
            int colon = value.lastIndexOf(':');
            String file = colon < 0 ? value : value.substring(0, colon);
            String pos = colon < 0 ? "4" : value.substring(colon + 1).trim();
            if (file.isBlank() || !pos.matches("\\d+")) {
                throw new IllegalArgumentException(
                        "not initial, latest, earliest, gtid:<set>, timestamp:<ms> or <binlog file>[:<pos>]");
            }
            out.put(SourceOptions.STARTUP_MODE.key(), StartupMode.SPECIFIC_OFFSET.name());
            out.put(SourceOptions.STARTUP_BINLOG_FILE.key(), file.trim());
            out.put(SourceOptions.STARTUP_BINLOG_POSITION.key(), pos);
        }
        return out;
    }
}

package io.github.binlog2redshift.config;

import java.util.List;

/**
 * Merges configuration sources into one {@link Settings} for an {@link OptionCatalog}.
 *
 * <p>Precedence, lowest first: option defaults &lt; properties file ({@code --config-file}) &lt;
 * KDA property groups &lt; command line. Legacy keys are translated inside each source before the
 * merge, so an old key on the command line still beats a new key in the file. Unknown keys in any
 * source are an error.
 */
public final class ConfigLoader {

    private final OptionCatalog catalog;

    public ConfigLoader(OptionCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param sourcesLowestFirst the sources in ascending precedence
     * @return the merged, legacy-translated settings, all keys known to the catalogue
     */
    public Settings merge(List<Settings> sourcesLowestFirst) {
        Settings merged = Settings.empty();
        for (Settings source : sourcesLowestFirst) {
            merged = merged.overriddenBy(catalog.legacyKeys().apply(source));
        }
        catalog.rejectUnknownKeys(merged);
        return merged;
    }
}

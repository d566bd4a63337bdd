package io.github.binlog2redshift.config.internal;

import io.github.binlog2redshift.config.ConfigException;
import io.github.binlog2redshift.config.ConfigOption;
import io.github.binlog2redshift.config.LegacyKeyMapping;
import io.github.binlog2redshift.config.OptionCatalog;
import io.github.binlog2redshift.config.Origin;
import io.github.binlog2redshift.config.Settings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UnmatchedArgsBinding;
import picocli.CommandLine.ParseResult;

/**
 * Builds the picocli model from an {@link OptionCatalog}: one {@code --<key>} option per config
 * key, hidden {@code --<old_key>} options for the reference implementation's keys, and {@code
 * --<prefix>.<name>=<value>} for pass-through maps (which picocli cannot declare, so they arrive as
 * unmatched arguments and are checked here).
 */
public final class CommandLineSpec {

    private static final String CONFIG_FILE = "--config-file";
    private static final String KDA_FILE = "--kda-properties-file";
    private static final String KDA_FLAG = "--kda";

    private final OptionCatalog catalog;
    private final CommandSpec spec = CommandSpec.create();

    /** What the command line said, apart from picocli's own bookkeeping. */
    public static final class Arguments {

        private final Optional<Path> configFile;
        private final Optional<Path> kdaFile;
        private final boolean kdaFlag;
        private final Settings settings;

        private Arguments(
                Optional<Path> configFile,
                Optional<Path> kdaFile,
                boolean kdaFlag,
                Settings settings) {
            this.configFile = configFile;
            this.kdaFile = kdaFile;
            this.kdaFlag = kdaFlag;
            this.settings = settings;
        }

        public Optional<Path> configFile() {
            return configFile;
        }

        public Optional<Path> kdaFile() {
            return kdaFile;
        }

        public boolean kdaFlag() {
            return kdaFlag;
        }

        public Settings settings() {
            return settings;
        }
    }

    public CommandLineSpec(OptionCatalog catalog) {
        this.catalog = catalog;
        spec.name(catalog.jobName());
        spec.usageMessage()
                .description(
                        "Options are read from defaults < --config-file < KDA property groups"
                                + " < command line. See docs/configuration.md.")
                .footer(footer())
                // ~50 options: a one-line synopsis, and options in catalogue (topic) order.
                .abbreviateSynopsis(true)
                .sortOptions(false);
        spec.addOption(
                OptionSpec.builder("-h", "--help")
                        .usageHelp(true)
                        .description("Show this help.")
                        .build());
        spec.addOption(
                meta(CONFIG_FILE, "<path>", "Java properties file with config keys (UTF-8)."));
        spec.addOption(meta(KDA_FILE, "<path>", "KDA application properties JSON file to read."));
        spec.addOption(
                OptionSpec.builder(KDA_FLAG)
                        .arity("0")
                        .type(boolean.class)
                        .description(
                                "Require the KDA service's properties file (read automatically when it exists).")
                        .build());
        for (ConfigOption<?> option : catalog.options()) {
            if (!option.isPrefix()) {
                spec.addOption(
                        OptionSpec.builder("--" + option.key())
                                .paramLabel("<value>")
                                .type(String.class)
                                .description(
                                        option.description()
                                                + " ("
                                                + option.type().describe()
                                                + (option.isRequired()
                                                        ? "; required"
                                                        : "; default: " + option.defaultText())
                                                + ")")
                                .build());
            }
        }
        for (LegacyKeyMapping mapping : catalog.legacyKeys().mappings()) {
            spec.addOption(
                    OptionSpec.builder("--" + mapping.oldKey())
                            .type(String.class)
                            .hidden(true)
                            .build());
        }
        // Without a binding picocli rejects unmatched arguments itself; prefixed keys need them.
        // They are read back from ParseResult.unmatched(), so the setter keeps nothing.
        spec.addUnmatchedArgsBinding(
                UnmatchedArgsBinding.forStringArrayConsumer(
                        new ISetter() {
                            @Override
                            public <T> T set(T value) {
                                return null;
                            }
                        }));
    }

    public CommandSpec spec() {
        return spec;
    }

    public Arguments arguments(ParseResult parsed) {
        Map<String, String> values = new LinkedHashMap<>();
        Optional<Path> configFile = Optional.empty();
        Optional<Path> kdaFile = Optional.empty();
        boolean kdaFlag = false;
        for (OptionSpec option : parsed.matchedOptions()) {
            String name = option.longestName();
            switch (name) {
                case CONFIG_FILE:
                    configFile = Optional.of(Path.of((String) option.getValue()));
                    break;
                case KDA_FILE:
                    kdaFile = Optional.of(Path.of((String) option.getValue()));
                    break;
                case KDA_FLAG:
                    kdaFlag = true;
                    break;
                default:
                    values.put(name.substring(2), option.getValue());
            }
        }
        collectPrefixed(parsed.unmatched(), values);
        return new Arguments(
                configFile, kdaFile, kdaFlag, Settings.of(values, Origin.commandLine()));
    }

    private void collectPrefixed(List<String> tokens, Map<String, String> values) {
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            String key = token.startsWith("--") ? token.substring(2) : token;
            int eq = key.indexOf('=');
            String value = null;
            if (eq > 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            }
            String finalKey = key;
            boolean prefixed =
                    token.startsWith("--")
                            && catalog.options().stream()
                                    .anyMatch(o -> o.isPrefix() && o.matches(finalKey));
            if (!prefixed) {
                String hint =
                        KeySuggestions.closest(key, knownKeys())
                                .map(s -> "; did you mean '--" + s + "'?")
                                .orElse("");
                // The key only: the value of a misspelt --source.pasword=... is a password.
                throw new ConfigException(
                        "Unknown command-line argument '"
                                + (token.startsWith("--") ? "--" + key : key)
                                + "'"
                                + (eq > 0 ? " (value not shown)" : "")
                                + hint
                                + " Run with --help.");
            }
            if (value == null) {
                if (i + 1 >= tokens.size()) {
                    throw new ConfigException("Missing value for command-line option " + token);
                }
                value = tokens.get(++i);
            }
            values.put(key, value);
        }
    }

    private List<String> knownKeys() {
        return catalog.options().stream()
                .map(ConfigOption::key)
                .collect(Collectors.toUnmodifiableList());
    }

    private static OptionSpec meta(String name, String label, String description) {
        return OptionSpec.builder(name)
                .paramLabel(label)
                .type(String.class)
                .description(description)
                .build();
    }

    private String footer() {
        StringBuilder sb = new StringBuilder("%n");
        for (ConfigOption<?> option : catalog.options()) {
            if (option.isPrefix()) {
                sb.append("  --")
                        .append(option.key())
                        .append(".<name>=<value>  ")
                        .append(option.description())
                        .append("%n");
            }
        }
        sb.append("%nLegacy keys of the reference implementation are accepted: ");
        sb.append(
                catalog.legacyKeys().mappings().stream()
                        .map(LegacyKeyMapping::oldKey)
                        .collect(Collectors.joining(", ")));
        return sb.toString();
    }
}

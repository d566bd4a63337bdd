package io.github.binlog2redshift.config;

import io.github.binlog2redshift.config.sink.TableRule;
import io.github.binlog2redshift.config.source.StartupMode;
import io.github.binlog2redshift.config.source.TablePkOverride;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Generates docs/configuration.md from the option catalogues, so the reference cannot drift from
 * the code: a unit test compares the checked-in file with {@link #markdown()}.
 */
public final class ConfigReference {

    /** Example files, shipped as resources and parsed by tests. */
    public static final String EXAMPLES = "/io/github/binlog2redshift/config/examples/";

    private ConfigReference() {}

    public static String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Configuration reference\n\n")
                .append("<!-- Generated from the option catalogues in common/ (ConfigReference);")
                .append(" ConfigReferenceTest fails when this file is stale. Regenerate with\n")
                .append(
                        "     ./mvnw -B -q -pl common verify -Dbinlog2redshift.update-docs=true -->\n\n")
                .append(read("sources.md"));
        job(md, SourceOptions.ALL);
        section(md, "Startup modes (`source.startup.mode`)");
        table(md, "Mode", "Meaning");
        for (StartupMode mode : StartupMode.values()) {
            row(md, "`" + mode.name() + "`", mode.description());
        }
        md.append('\n');
        section(md, "`source.table-pk-overrides` entries");
        fields(md, TablePkOverride.FIELD_DOCS);
        example(md, "cdc-source.properties", "properties");
        example(md, "kda-application-properties.json", "json");
        md.append("A migrated reference configuration, old keys in the old group:\n\n");
        example(md, "legacy-source.json", "json");
        job(md, SinkOptions.ALL);
        section(md, "`sink.tables` rule fields");
        md.append("Booleans are JSON `true`/`false` or the strings \"true\"/\"false\";")
                .append(" anything else (e.g. \"ture\") is an error.\n\n");
        fields(md, TableRule.FIELD_DOCS);
        example(md, "redshift-sink.properties", "properties");
        return md.toString();
    }

    private static void job(StringBuilder md, OptionCatalog catalog) {
        md.append("## ").append(catalog.jobName()).append("\n\n");
        table(md, "Key", "Type", "Default", "Description");
        for (ConfigOption<?> o : catalog.options()) {
            row(
                    md,
                    "`" + o.key() + (o.isPrefix() ? ".<name>`" : "`"),
                    o.type().describe(),
                    o.isRequired() ? "**required**" : o.defaultText(),
                    o.description() + (o.isSecret() ? " *Secret: never logged.*" : ""));
        }
        md.append('\n');
        section(md, "Legacy keys (" + catalog.jobName() + ")");
        table(md, "Old key", "New key(s)", "Translation");
        for (LegacyKeyMapping m : catalog.legacyKeys().mappings()) {
            row(md, "`" + m.oldKey() + "`", "`" + String.join("`, `", m.newKeys()) + "`", m.note());
        }
        md.append('\n');
    }

    private static void fields(StringBuilder md, Map<String, String> docs) {
        table(md, "Field", "Meaning");
        docs.forEach((field, doc) -> row(md, "`" + field + "`", doc));
        md.append('\n');
    }

    private static void example(StringBuilder md, String resource, String language) {
        md.append("Example `").append(resource).append("`:\n\n");
        md.append("```").append(language).append('\n').append(read(resource)).append("```\n\n");
    }

    private static void section(StringBuilder md, String title) {
        md.append("### ").append(title).append("\n\n");
    }

    private static void table(StringBuilder md, String... headers) {
        md.append("| ").append(String.join(" | ", headers)).append(" |\n|");
        md.append(" --- |".repeat(headers.length)).append('\n');
    }

    private static void row(StringBuilder md, String... cells) {
        md.append('|');
        for (String cell : cells) {
            md.append(' ').append(escape(cell)).append(" |");
        }
        md.append('\n');
    }

    /**
     * Escapes table pipes, and angle brackets outside code spans (Markdown would take {@code
     * <table>} for an HTML tag and hide it).
     */
    private static String escape(String cell) {
        String[] parts = cell.split("`", -1);
        for (int i = 0; i < parts.length; i += 2) {
            parts[i] = parts[i].replace("<", "&lt;").replace(">", "&gt;");
        }
        return String.join("`", parts).replace("|", "\\|");
    }

    public static String read(String resource) {
        try (InputStream in = ConfigReference.class.getResourceAsStream(EXAMPLES + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + EXAMPLES + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

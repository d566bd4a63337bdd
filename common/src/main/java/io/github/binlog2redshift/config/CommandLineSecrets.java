package io.github.binlog2redshift.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds secrets given as program arguments. Flink keeps a job's arguments in plain sight: the
 * JobManager's configuration page shows {@code $internal.application.program-args} in application
 * mode (YARN, Kubernetes), the client's command line is visible to {@code ps}, and shell history
 * keeps it. The job still starts (failing would break existing deployments); each such secret gets
 * a warning that says where to put it instead.
 */
public final class CommandLineSecrets {

    private CommandLineSecrets() {}

    /** One message per secret option set on the command line, naming the key, never the value. */
    public static List<String> warnings(OptionCatalog catalog, Settings settings) {
        List<String> warnings = new ArrayList<>();
        Map<String, RawValue> sorted = new TreeMap<>(settings.entries());
        for (RawValue raw : sorted.values()) {
            if (raw.origin().kind() != Origin.Kind.COMMAND_LINE || !catalog.isSecret(raw.key())) {
                continue;
            }
            String key = raw.origin().legacyKey() == null ? raw.key() : raw.origin().legacyKey();
            warnings.add(
                    "Secret option '"
                            + key
                            + "' is a program argument, which the Flink UI (JobManager"
                            + " configuration, $internal.application.program-args) and ps show."
                            + " Put it in the --config-file properties file or a KDA property"
                            + " group instead"
                            + secretIdHint(catalog, raw.key())
                            + ".");
        }
        return warnings;
    }

    /**
     * The sibling {@code <parent>.secret-id} option, e.g. source.secret-id for source.password; a
     * trust-store password has none (a secret id holds database credentials, not store passwords).
     */
    private static String secretIdHint(OptionCatalog catalog, String key) {
        int dot = key.lastIndexOf('.');
        String candidate = (dot > 0 ? key.substring(0, dot) : key) + ".secret-id";
        return catalog.find(candidate).isPresent()
                ? ", or keep it in AWS Secrets Manager and set " + candidate
                : "";
    }
}

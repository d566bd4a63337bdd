package io.github.binlog2redshift.localstack.internal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds the native server binaries the local stack runs (MariaDB, PostgreSQL). */
public final class Executables {
    private Executables() {}

    /**
     * Finds {@code name} in the given directories, then on the PATH.
     *
     * @throws IllegalStateException naming the Debian package that provides it
     */
    public static Path find(String name, String debianPackage, List<Path> directories) {
        List<Path> candidates = new ArrayList<>(directories);
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    candidates.add(Path.of(dir));
                }
            }
        }
        Optional<Path> found =
                candidates.stream()
                        .map(dir -> dir.resolve(name))
                        .filter(Files::isExecutable)
                        .findFirst();
        return found.orElseThrow(
                () ->
                        new IllegalStateException(
                                name
                                        + " not found in "
                                        + directories
                                        + " or on the PATH; install it with: apt-get install -y "
                                        + debianPackage));
    }

    /** Whether this JVM runs as root, where MariaDB and PostgreSQL need extra care. */
    public static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The java launcher of this JVM, used for the child JVMs. */
    public static Path javaLauncher() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}

package io.github.binlog2redshift.deploy;

import java.nio.file.Path;
import java.nio.file.Paths;

/** The deploy/ folder of the source tree, where templates, manifests and scripts live. */
final class DeployDir {

    private DeployDir() {}

    static Path root() {
        String dir = System.getProperty("deploy.dir");
        if (dir == null) {
            throw new IllegalStateException(
                    "System property deploy.dir is not set: run through Maven");
        }
        return Paths.get(dir).toAbsolutePath().normalize();
    }
}

package io.github.binlog2redshift.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The two deployable jars and where the build puts them (system properties set by the POM). */
enum PackagedJob {
    CDC_SOURCE("cdc-source-job", "cdc-source", "io.github.binlog2redshift.source.CdcSourceJob"),
    REDSHIFT_SINK(
            "redshift-sink-job", "redshift-sink", "io.github.binlog2redshift.sink.RedshiftSinkJob");

    final String artifactId;
    final String jobModule;
    final String mainClass;

    PackagedJob(String artifactId, String jobModule, String mainClass) {
        this.artifactId = artifactId;
        this.jobModule = jobModule;
        this.mainClass = mainClass;
    }

    Path jar() {
        String path = System.getProperty(artifactId + ".jar");
        if (path == null) {
            throw new IllegalStateException(
                    "System property " + artifactId + ".jar is not set: run through Maven");
        }
        return Paths.get(path);
    }

    /** Whether the job module has compiled its main class yet (it may not exist on this branch). */
    boolean jobModuleHasMainClass() {
        Path classes =
                DeployDir.root()
                        .resolve("../" + jobModule + "/target/classes")
                        .resolve(mainClass.replace('.', '/') + ".class");
        return Files.isRegularFile(classes);
    }
}

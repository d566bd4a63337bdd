package io.github.binlog2redshift.standalone;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The two deployable jars and where the build puts them: system property {@code <artifactId>.jar}
 * (set by deploy-tests' POM and by the ./chaos script).
 */
public enum PackagedJob {
    CDC_SOURCE("cdc-source-job", "cdc-source", "io.github.binlog2redshift.source.CdcSourceJob"),
    REDSHIFT_SINK(
            "redshift-sink-job", "redshift-sink", "io.github.binlog2redshift.sink.RedshiftSinkJob");

    public final String artifactId;
    public final String jobModule;
    public final String mainClass;

    PackagedJob(String artifactId, String jobModule, String mainClass) {
        this.artifactId = artifactId;
        this.jobModule = jobModule;
        this.mainClass = mainClass;
    }

    public Path jar() {
        String path = System.getProperty(artifactId + ".jar");
        if (path == null) {
            throw new IllegalStateException(
                    "System property " + artifactId + ".jar is not set: run through Maven");
        }
        return Paths.get(path);
    }
}

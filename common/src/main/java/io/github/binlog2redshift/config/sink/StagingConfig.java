package io.github.binlog2redshift.config.sink;

import io.github.binlog2redshift.config.ConfigConstraints;
import io.github.binlog2redshift.config.Settings;
import io.github.binlog2redshift.config.SinkOptions;
import java.net.URI;
import java.util.Objects;

/** Where and how batches are staged for COPY. */
public final class StagingConfig {

    private final URI path;
    private final StagingFormat format;
    private final boolean gzip;

    private StagingConfig(URI path, StagingFormat format, boolean gzip) {
        this.path = path;
        this.format = format;
        this.gzip = gzip;
    }

    /** Staging prefix, always ending in {@code /}. */
    public URI path() {
        return path;
    }

    /** File format. */
    public StagingFormat format() {
        return format;
    }

    /** Whether files are gzipped. */
    public boolean gzip() {
        return gzip;
    }

    static StagingConfig from(Settings s, TargetKind kind) {
        URI path = s.get(SinkOptions.STAGING_PATH);
        if (kind == TargetKind.REDSHIFT && !"s3".equals(path.getScheme())) {
            // COPY reads only s3:// (s3a:// is a Hadoop client scheme Redshift does not know).
            throw ConfigConstraints.invalid(
                    s,
                    SinkOptions.STAGING_PATH,
                    "an s3://bucket/prefix/ URI (sink.target is REDSHIFT)");
        }
        String text = path.toString();
        URI normalized = text.endsWith("/") ? path : URI.create(text + "/");
        return new StagingConfig(
                normalized, s.get(SinkOptions.STAGING_FORMAT), s.get(SinkOptions.STAGING_GZIP));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof StagingConfig)) {
            return false;
        }
        StagingConfig other = (StagingConfig) o;
        return Objects.equals(path, other.path) && format == other.format && gzip == other.gzip;
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, format, gzip);
    }

    @Override
    public String toString() {
        return "StagingConfig[path=" + path + ", format=" + format + ", gzip=" + gzip + "]";
    }
}

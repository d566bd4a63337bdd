package io.github.binlog2redshift.config.sink;

import io.github.binlog2redshift.config.ConfigConstraints;
import io.github.binlog2redshift.config.Settings;
import io.github.binlog2redshift.config.SinkOptions;
import java.net.URI;

/**
 * Where and how batches are staged for COPY.
 *
 * @param path staging prefix, always ending in {@code /}
 * @param format file format
 * @param gzip whether files are gzipped
 */
public record StagingConfig(URI path, StagingFormat format, boolean gzip) {

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
}

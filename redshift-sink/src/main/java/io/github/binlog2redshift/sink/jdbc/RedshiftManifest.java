package io.github.binlog2redshift.sink.jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.binlog2redshift.sink.StagedFile;
import io.github.binlog2redshift.sink.internal.StagingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * A COPY manifest: the exact list of files to load, each {@code mandatory} so that a missing file
 * fails the COPY instead of loading less. Redshift reads {@code s3://} URLs; Flink's {@code
 * s3a://}/{@code s3p://} schemes name the same objects.
 */
public final class RedshiftManifest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RedshiftManifest() {}

    public static String json(List<StagedFile> files) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode entries = root.putArray("entries");
        for (StagedFile f : files) {
            entries.addObject().put("url", s3Url(f.path())).put("mandatory", true);
        }
        return JSON.writeValueAsString(root);
    }

    /** Writes the manifest (overwriting one left by an earlier attempt) and returns its URL. */
    public static String write(String uri, List<StagedFile> files) throws IOException {
        try (OutputStream out = StagingOutput.create(uri)) {
            out.write(json(files).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return s3Url(uri);
    }

    static String s3Url(String uri) {
        return uri.replaceFirst("^s3[ap]://", "s3://");
    }
}

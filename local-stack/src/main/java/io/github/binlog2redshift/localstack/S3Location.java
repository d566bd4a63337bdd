package io.github.binlog2redshift.localstack;

/**
 * A prefix of its own in the local bucket: {@code s3://<bucket>/<prefix>}, where {@code prefix}
 * ends with {@code /}.
 */
public record S3Location(String bucket, String prefix) {

    public S3Location {
        if (!prefix.endsWith("/") || prefix.startsWith("/")) {
            throw new IllegalArgumentException(
                    "prefix must end with '/' and not start with it, got: " + prefix);
        }
    }

    /** {@code s3://bucket/prefix/}, for Flink paths. */
    public String uri() {
        return "s3://" + bucket + "/" + prefix;
    }

    /** {@code s3://bucket/prefix/<relative>}. */
    public String uri(String relative) {
        return uri() + relative;
    }
}

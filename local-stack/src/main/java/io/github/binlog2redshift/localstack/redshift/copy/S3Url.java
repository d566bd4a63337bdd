package io.github.binlog2redshift.localstack.redshift.copy;

import io.github.binlog2redshift.localstack.redshift.RedshiftException;

/** An {@code s3://bucket/key} URL split into bucket and key. */
record S3Url(String bucket, String key) {
    static S3Url parse(String url) throws RedshiftException {
        if (!url.startsWith("s3://")) {
            throw new RedshiftException("22023", "not an s3:// URL: " + url, null);
        }
        String rest = url.substring("s3://".length());
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            throw new RedshiftException("22023", "no bucket and key in " + url, null);
        }
        return new S3Url(rest.substring(0, slash), rest.substring(slash + 1));
    }
}

package io.github.binlog2redshift.localstack.redshift.copy;

import io.github.binlog2redshift.localstack.redshift.RedshiftException;

/**
 * How a COPY authenticates to S3: exactly one of an IAM role or an access key pair (with an
 * optional session token), given either as separate parameters or in one CREDENTIALS string. {@link
 * #toString()} never shows the secret key or token.
 *
 * @param iamRole the role ARN (or {@code default}), or null
 * @param accessKeyId the access key, or null
 * @param secretAccessKey the secret key, or null
 * @param sessionToken the session token, or null
 */
public record CopyCredentials(
        String iamRole, String accessKeyId, String secretAccessKey, String sessionToken) {

    @Override
    public String toString() {
        return "CopyCredentials[iamRole="
                + iamRole
                + ", accessKeyId="
                + accessKeyId
                + ", secretAccessKey="
                + (secretAccessKey == null ? "null" : "****")
                + ", sessionToken="
                + (sessionToken == null ? "null" : "****")
                + "]";
    }

    /** Collects the authorization parameters and checks their combination. */
    static final class Builder {
        private String iamRole;
        private String accessKeyId;
        private String secretAccessKey;
        private String sessionToken;
        private String credentials;

        void iamRole(String v) {
            iamRole = v;
        }

        void accessKeyId(String v) {
            accessKeyId = v;
        }

        void secretAccessKey(String v) {
            secretAccessKey = v;
        }

        void sessionToken(String v) {
            sessionToken = v;
        }

        void credentials(String v) {
            credentials = v;
        }

        CopyCredentials build() throws RedshiftException {
            boolean separate =
                    iamRole != null
                            || accessKeyId != null
                            || secretAccessKey != null
                            || sessionToken != null;
            if (credentials != null) {
                if (separate) {
                    throw invalid(
                            "CREDENTIALS can't be combined with IAM_ROLE or access key parameters");
                }
                return fromCredentialsString(credentials);
            }
            if (!separate) {
                throw invalid(
                        "COPY needs authorization: IAM_ROLE, ACCESS_KEY_ID and"
                                + " SECRET_ACCESS_KEY, or CREDENTIALS");
            }
            return checked(iamRole, accessKeyId, secretAccessKey, sessionToken);
        }

        private static CopyCredentials fromCredentialsString(String text) throws RedshiftException {
            String role = null;
            String key = null;
            String secret = null;
            String token = null;
            for (String part : text.split(";", -1)) {
                int eq = part.indexOf('=');
                if (eq <= 0) {
                    throw invalid("CREDENTIALS string is not of the form name=value;...");
                }
                String name = part.substring(0, eq);
                String value = part.substring(eq + 1);
                switch (name) {
                    case "aws_iam_role" -> role = value;
                    case "aws_access_key_id" -> key = value;
                    case "aws_secret_access_key" -> secret = value;
                    case "token" -> token = value;
                    default -> throw invalid("unknown CREDENTIALS element " + name);
                }
            }
            return checked(role, key, secret, token);
        }

        private static CopyCredentials checked(String role, String key, String secret, String token)
                throws RedshiftException {
            boolean keys = key != null || secret != null;
            if (role != null && (keys || token != null)) {
                throw invalid("an IAM role can't be combined with access keys or a session token");
            }
            if (keys && (key == null || secret == null)) {
                throw invalid("ACCESS_KEY_ID and SECRET_ACCESS_KEY must be given together");
            }
            if (role == null && !keys) {
                throw invalid("SESSION_TOKEN needs ACCESS_KEY_ID and SECRET_ACCESS_KEY");
            }
            return new CopyCredentials(role, key, secret, token);
        }

        private static RedshiftException invalid(String message) {
            return new RedshiftException("22023", message, null);
        }
    }
}

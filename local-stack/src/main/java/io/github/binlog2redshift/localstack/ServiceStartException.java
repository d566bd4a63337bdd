package io.github.binlog2redshift.localstack;

import java.util.Locale;

/**
 * A local service could not be started; the message names the service and, where there is one, ends
 * with the tail of its log.
 */
public class ServiceStartException extends RuntimeException {
    private final String service;

    public ServiceStartException(String service, String message, Throwable cause) {
        super(service + ": " + message, cause);
        this.service = service;
    }

    public String service() {
        return service;
    }

    /**
     * Whether the failure looks like a port taken by another process between picking and binding
     * it; such a start is retried on other ports.
     */
    public boolean isBindConflict() {
        String text = String.valueOf(getMessage()).toLowerCase(Locale.ROOT);
        return text.contains("address already in use")
                || text.contains("could not bind")
                || text.contains("do you already have another server running")
                || text.contains("failed to bind");
    }
}

package io.github.binlog2redshift.localstack.internal;

import io.github.binlog2redshift.localstack.ServiceStartException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Free loopback ports for services, and a retry for the race between picking a port and the service
 * binding it: another process (another build on the machine, a parallel test JVM) may take the port
 * in between.
 */
public final class FreePorts {
    private static final Logger LOG = LoggerFactory.getLogger(FreePorts.class);
    private static final int ATTEMPTS = 5;

    private FreePorts() {}

    /** A port that was free on 127.0.0.1 a moment ago. */
    public static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free loopback port", e);
        }
    }

    /**
     * Runs {@code start} with a fresh attempt number until it succeeds, retrying only failures that
     * look like a bind conflict. The attempt number lets the starter use a fresh directory for each
     * attempt.
     */
    public static <T> T retryOnBindConflict(IntFunction<T> start) {
        for (int attempt = 1; ; attempt++) {
            try {
                return start.apply(attempt);
            } catch (ServiceStartException e) {
                if (!e.isBindConflict() || attempt >= ATTEMPTS) {
                    throw e;
                }
                LOG.warn("{}: port taken by another process, retrying on other ports", e.service());
            }
        }
    }
}

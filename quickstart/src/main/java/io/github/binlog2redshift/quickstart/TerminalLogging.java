package io.github.binlog2redshift.quickstart;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Keeps run-local's terminal for the status table: whatever the libraries in this JVM log or print
 * by themselves goes to the log file through log4j (this module's log4j2.xml).
 *
 * <ul>
 *   <li>java.util.logging, which the binlog client (mysql-binlog-connector) and commons-logging
 *       (the AWS SDK v1 in Flink's S3 file system, the Redshift driver's IAM login) write to, and
 *       whose default handler prints two lines per record on stderr: its root handlers are replaced
 *       by jul-to-slf4j's bridge.
 *   <li>Anything printed on {@code System.out} or {@code System.err}: logged line by line, as INFO
 *       of logger {@code stdout} and WARN of logger {@code stderr}.
 *   <li>Banners decided by system properties read at class loading (log4j's status logger, the AWS
 *       SDK v1 deprecation notice): off unless set on the command line.
 * </ul>
 *
 * <p>Only run-local installs this: the job jars leave logging to the cluster's configuration.
 */
final class TerminalLogging {

    private static final String[][] QUIET_DEFAULTS = {
        {"log4j2.statusLoggerLevel", "ERROR"},
        {"aws.java.v1.disableDeprecationAnnouncement", "true"}
    };

    /** The terminal's streams, taken before {@link #install()} redirected {@code System}'s. */
    record Terminal(PrintStream out, PrintStream err) {}

    private TerminalLogging() {}

    /**
     * Routes logging and stray output to the log file. Call once, first thing after the log file's
     * property is set and before any logger exists; print to the returned streams from then on.
     */
    static Terminal install() {
        for (String[] d : QUIET_DEFAULTS) {
            if (System.getProperty(d[0]) == null) {
                System.setProperty(d[0], d[1]);
            }
        }
        Terminal terminal = new Terminal(System.out, System.err);
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        System.setOut(logging(LoggerFactory.getLogger("stdout"), false, terminal.out()));
        System.setErr(logging(LoggerFactory.getLogger("stderr"), true, terminal.err()));
        return terminal;
    }

    private static PrintStream logging(Logger logger, boolean warn, PrintStream fallback) {
        return new PrintStream(
                new LineLogger(logger, warn, fallback), true, StandardCharsets.UTF_8);
    }

    /**
     * Logs each line written to it. A line written while logging one (a console appender added to
     * the configuration later) goes to the terminal instead of looping.
     */
    private static final class LineLogger extends OutputStream {
        private static final ThreadLocal<Boolean> LOGGING = ThreadLocal.withInitial(() -> false);

        private final Logger logger;
        private final boolean warn;
        private final PrintStream fallback;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineLogger(Logger logger, boolean warn, PrintStream fallback) {
            this.logger = logger;
            this.warn = warn;
            this.fallback = fallback;
        }

        @Override
        public synchronized void write(int b) {
            if (LOGGING.get()) {
                fallback.write(b);
            } else if (b == '\n') {
                emit();
            } else {
                line.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        @Override
        public synchronized void flush() {
            // A line is logged when it ends; print() without a newline waits for the rest.
        }

        private void emit() {
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            if (text.endsWith("\r")) {
                text = text.substring(0, text.length() - 1);
            }
            if (text.isEmpty()) {
                return;
            }
            LOGGING.set(true);
            try {
                if (warn) {
                    logger.warn("{}", text);
                } else {
                    logger.info("{}", text);
                }
            } finally {
                LOGGING.set(false);
            }
        }
    }
}

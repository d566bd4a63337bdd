package io.github.binlog2redshift.localstack.redshift;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: after the {@link StartupHandshake} has opened the PostgreSQL connection
 * behind it, relays the client's messages one at a time, replacing each statement by its {@link
 * Plan} and waiting for each reply, so the emulator can run its own queries between two client
 * messages.
 */
final class Session implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Session.class);

    private final Socket client;
    private final RedshiftServer server;
    private DataInputStream in;
    private OutputStream out;
    private Backend backend;
    private StatementRunner runner;

    /** Plans of the client's prepared statements and the statement behind each portal. */
    private final Map<String, Plan> statements = new HashMap<>();

    private final Map<String, String> portals = new HashMap<>();

    /** After an error in the extended protocol, PostgreSQL ignores everything up to Sync. */
    private boolean skipping;

    Session(Socket client, RedshiftServer server) {
        this.client = client;
        this.server = server;
    }

    @Override
    public void run() {
        try (client) {
            in = new DataInputStream(new BufferedInputStream(client.getInputStream()));
            out = new BufferedOutputStream(client.getOutputStream());
            StartupHandshake.Login login = new StartupHandshake(in, out, server).run();
            if (login != null) {
                backend = login.backend();
                runner = new StatementRunner(server, login.database(), login.user(), backend);
                loop();
            }
        } catch (EOFException e) {
            // The client went away.
        } catch (IOException | RuntimeException e) {
            if (!server.isClosed()) {
                LOG.warn("Local Redshift session ended: {}", e.toString());
            }
        } finally {
            if (backend != null) {
                backend.close();
            }
        }
    }

    private void loop() throws IOException {
        while (true) {
            WireMessage m = WireMessage.read(in);
            switch (m.type()) {
                case 'Q' -> simpleQuery(m.firstString());
                case 'P' -> parse(m);
                case 'B' -> bind(m);
                case 'D' -> forward(m, m.payload()[0] == 'S' ? "TnE" : "TnE");
                case 'E' -> execute(m);
                case 'C' -> forward(m, "3E");
                case 'H' -> out.flush();
                case 'S' -> sync(m);
                case 'X' -> {
                    backend.send(m);
                    backend.flush();
                    return;
                }
                default -> {
                    skipping = true;
                    error(
                            "08P01",
                            "the local Redshift does not support protocol message '"
                                    + m.type()
                                    + "'");
                }
            }
        }
    }

    private void simpleQuery(String sql) throws IOException {
        List<Plan> plans = runner.plans(sql);
        if (plans.isEmpty()) {
            backend.send(WireMessage.query(sql));
            backend.flush();
            relayUntil("Z");
            out.flush();
            return;
        }
        for (int i = 0; i < plans.size(); i++) {
            Plan plan = plans.get(i);
            String text = runner.before(plan, plans.size() > 1);
            if (plan.readsCopyCount()) {
                runner.publishCopyCount();
            }
            backend.send(WireMessage.query(text));
            backend.flush();
            WireMessage last = relayUntil("CIE", "Z");
            boolean failed = last.type() == 'E';
            if (!failed) {
                runner.after(plan, last);
            }
            if (failed || i == plans.size() - 1) {
                relayUntil("Z");
                break;
            }
            // Swallow this statement's ReadyForQuery: the client expects one for the whole query.
            while (backend.read().type() != 'Z') {
                // only the ReadyForQuery is left
            }
        }
        out.flush();
    }

    private void parse(WireMessage m) throws IOException {
        if (skipping) return;
        WireMessage.Cursor c = new WireMessage.Cursor(m.payload());
        String name = c.string();
        String sql = c.string();
        byte[] types = c.rest();
        Plan plan = runner.planOne(sql);
        statements.put(name, plan);
        String text = runner.before(plan, false);
        WireMessage rewritten =
                new WireMessage.Builder().string(name).string(text).bytes(types).build('P');
        forward(rewritten, "1E");
    }

    private void bind(WireMessage m) throws IOException {
        if (skipping) return;
        WireMessage.Cursor c = new WireMessage.Cursor(m.payload());
        String portal = c.string();
        String statement = c.string();
        portals.put(portal, statement);
        Plan plan = statements.get(statement);
        if (plan != null && plan.readsCopyCount()) {
            runner.publishCopyCount();
        }
        forward(m, "2E");
    }

    private void execute(WireMessage m) throws IOException {
        if (skipping) return;
        String portal = m.firstString();
        WireMessage last = forwardAndReturn(m, "CIsE");
        Plan plan = statements.get(portals.get(portal));
        if (plan != null && last.type() == 'C') {
            runner.after(plan, last);
        }
    }

    private void sync(WireMessage m) throws IOException {
        skipping = false;
        backend.send(m);
        backend.flush();
        relayUntil("Z");
        out.flush();
    }

    private void forward(WireMessage m, String terminals) throws IOException {
        if (!skipping) {
            forwardAndReturn(m, terminals);
        }
    }

    private WireMessage forwardAndReturn(WireMessage m, String terminals) throws IOException {
        backend.sendFlushed(m);
        WireMessage last = relayUntil(terminals);
        if (last.type() == 'E') {
            skipping = true;
        }
        return last;
    }

    private WireMessage relayUntil(String terminals) throws IOException {
        return relayUntil(terminals, "");
    }

    /**
     * Relays backend messages to the client until one of {@code terminals}, which is relayed too,
     * unless it is one of {@code held} (returned unrelayed). Errors are translated on the way.
     */
    private WireMessage relayUntil(String terminals, String held) throws IOException {
        while (true) {
            WireMessage m = backend.read();
            if (held.indexOf(m.type()) >= 0) {
                return m;
            }
            if (m.type() == 'E') {
                m = ErrorTranslation.translate(m);
            } else if (m.type() == 'C') {
                runner.observeTag(m.firstString());
            }
            m.write(out);
            if (terminals.indexOf(m.type()) >= 0) {
                return m;
            }
        }
    }

    private void error(String state, String message) throws IOException {
        WireMessage.error("ERROR", state, message, "").write(out);
        out.flush();
    }
}

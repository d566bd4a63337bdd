package io.github.binlog2redshift.localstack.redshift;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The start of a client connection, as Redshift answers it: refuses TLS, forwards cancel requests,
 * asks for a cleartext password, then opens the PostgreSQL connection behind the session and
 * reports the server parameters Redshift reports.
 */
final class StartupHandshake {
    private static final int SSL_REQUEST = 80877103;
    private static final int CANCEL_REQUEST = 80877102;
    private static final int PROTOCOL_3 = 196608;

    /**
     * A logged-in client.
     *
     * @param backend the PostgreSQL connection opened for it
     * @param database the database it asked for
     * @param user the user it logged in as
     */
    record Login(Backend backend, String database, String user) {}

    private final DataInputStream in;
    private final OutputStream out;
    private final RedshiftServer server;

    StartupHandshake(DataInputStream in, OutputStream out, RedshiftServer server) {
        this.in = in;
        this.out = out;
        this.server = server;
    }

    /** Runs the handshake: the login, or null if the connection is to end (cancel or failure). */
    Login run() throws IOException {
        while (true) {
            int length = in.readInt();
            int code = in.readInt();
            byte[] rest = new byte[length - 8];
            in.readFully(rest);
            if (code == SSL_REQUEST) {
                // No TLS on loopback: the driver must be told ssl=false, as with a cluster without
                // TLS.
                out.write('N');
                out.flush();
            } else if (code == CANCEL_REQUEST) {
                server.forwardCancel(rest);
                return null;
            } else if (code != PROTOCOL_3) {
                return fail("08P01", "unsupported frontend protocol " + code);
            } else {
                return authenticate(parameters(rest));
            }
        }
    }

    private Login authenticate(Map<String, String> params) throws IOException {
        String user = params.getOrDefault("user", "");
        String database = params.getOrDefault("database", user);
        new WireMessage.Builder().int32(3).build('R').write(out); // cleartext password
        out.flush();
        WireMessage password = WireMessage.read(in);
        if (password.type() != 'p' || !server.checkPassword(user, password.firstString())) {
            return fail("28000", "password authentication failed for user \"" + user + "\"");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        // Redshift runs every transaction at SERIALIZABLE (Redshift "Serializable isolation").
        settings.put("default_transaction_isolation", "serializable");
        settings.put("TimeZone", "UTC");
        settings.put("DateStyle", "ISO, MDY");
        settings.put("extra_float_digits", "0");
        Backend backend;
        try {
            backend = Backend.connect(server.postgresPort(), database, user, settings);
        } catch (RedshiftException e) {
            return fail(e.sqlState(), e.getMessage());
        }
        try {
            new WireMessage.Builder().int32(0).build('R').write(out);
            for (Map.Entry<String, String> p : serverParameters(user).entrySet()) {
                WireMessage.parameterStatus(p.getKey(), p.getValue()).write(out);
            }
            if (backend.keyData() != null) {
                backend.keyData().write(out);
            }
            new WireMessage('Z', new byte[] {'I'}).write(out);
            out.flush();
        } catch (IOException | RuntimeException e) {
            backend.close();
            throw e;
        }
        return new Login(backend, database, user);
    }

    /** What Redshift reports at startup; it is a PostgreSQL 8.0.2 to clients. */
    private static Map<String, String> serverParameters(String user) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("application_name", "");
        p.put("client_encoding", "UTF8");
        p.put("DateStyle", "ISO, MDY");
        p.put("integer_datetimes", "on");
        p.put("is_superuser", "off");
        p.put("server_encoding", "UNICODE");
        p.put("server_version", "8.0.2");
        p.put("session_authorization", user);
        p.put("TimeZone", "UTC");
        return p;
    }

    private Login fail(String state, String message) throws IOException {
        WireMessage.error("FATAL", state, message, "").write(out);
        out.flush();
        return null;
    }

    private static Map<String, String> parameters(byte[] payload) {
        Map<String, String> out = new HashMap<>();
        WireMessage.Cursor c = new WireMessage.Cursor(payload);
        while (c.position < payload.length && payload[c.position] != 0) {
            out.put(c.string(), c.string());
        }
        return out;
    }
}

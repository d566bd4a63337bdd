package io.github.binlog2redshift.localstack.redshift;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The PostgreSQL connection behind one client session: the startup exchange (trust authentication
 * on loopback), message I/O, the transaction status, and the emulator's own queries, which run
 * between the client's messages and whose replies the client never sees.
 */
final class Backend implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private WireMessage keyData;

    /**
     * 'I' idle, 'T' in a transaction block, 'E' in a failed block, as the last ReadyForQuery said.
     */
    private char status = 'I';

    private Backend(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        this.out = new BufferedOutputStream(socket.getOutputStream());
    }

    static Backend connect(int port, String database, String user, Map<String, String> settings)
            throws IOException, RedshiftException {
        Backend b = new Backend(new Socket(InetAddress.getLoopbackAddress(), port));
        WireMessage.Builder startup = new WireMessage.Builder().int32(196608);
        startup.string("user").string(user).string("database").string(database);
        settings.forEach((k, v) -> startup.string(k).string(v));
        byte[] payload = startup.byte1(0).payload();
        b.out.write(java.nio.ByteBuffer.allocate(4).putInt(payload.length + 4).array());
        b.out.write(payload);
        b.out.flush();
        while (true) {
            WireMessage m = b.read();
            switch (m.type()) {
                case 'R' -> {
                    if (new WireMessage.Cursor(m.payload()).int32() != 0) {
                        b.close();
                        throw new RedshiftException(
                                "28000", "the local PostgreSQL asked for a password", "");
                    }
                }
                case 'S' -> {
                    WireMessage.Cursor c = new WireMessage.Cursor(m.payload());
                    b.parameters.put(c.string(), c.string());
                }
                case 'K' -> b.keyData = m;
                case 'E' -> {
                    b.close();
                    Map<Character, String> f = m.fields();
                    throw new RedshiftException(f.get('C'), f.get('M'), f.getOrDefault('D', ""));
                }
                case 'Z' -> {
                    return b;
                }
                default -> {}
            }
        }
    }

    Map<String, String> parameters() {
        return parameters;
    }

    WireMessage keyData() {
        return keyData;
    }

    char status() {
        return status;
    }

    void send(WireMessage m) throws IOException {
        m.write(out);
    }

    /** Sends {@code m} followed by Flush, so the reply comes without waiting for a Sync. */
    void sendFlushed(WireMessage m) throws IOException {
        m.write(out);
        new WireMessage('H', new byte[0]).write(out);
        out.flush();
    }

    void flush() throws IOException {
        out.flush();
    }

    WireMessage read() throws IOException {
        WireMessage m = WireMessage.read(in);
        if (m.type() == 'Z') {
            status = (char) m.payload()[0];
        }
        return m;
    }

    /**
     * Runs {@code sql} (text parameters) for the emulator, as a named statement so the client's
     * unnamed statement survives (call it before the client's Bind, or after its Execute, as the
     * unnamed portal is reused), and returns its rows as text. It ends with a Sync, so call it only
     * between the client's statements, never after an error the client has not seen.
     */
    List<List<String>> query(String sql, String... params) throws IOException, RedshiftException {
        // The unnamed portal: a named one would outlive the query inside a transaction block.
        WireMessage.Builder bind = new WireMessage.Builder().string("").string("b2r_internal");
        bind.int16(0).int16(params.length);
        for (String p : params) {
            if (p == null) {
                bind.int32(-1);
            } else {
                byte[] v = p.getBytes(StandardCharsets.UTF_8);
                bind.int32(v.length).bytes(v);
            }
        }
        bind.int16(0);
        // Closed first too: after an error the backend skips to the Sync, so the Close at the end
        // of a failed query never ran and its statement would make every later Parse fail.
        send(new WireMessage.Builder().byte1('S').string("b2r_internal").build('C'));
        send(new WireMessage.Builder().string("b2r_internal").string(sql).int16(0).build('P'));
        send(bind.build('B'));
        send(new WireMessage.Builder().string("").int32(0).build('E'));
        send(new WireMessage.Builder().byte1('S').string("b2r_internal").build('C'));
        send(new WireMessage('S', new byte[0]));
        out.flush();
        List<List<String>> rows = new ArrayList<>();
        RedshiftException failure = null;
        while (true) {
            WireMessage m = read();
            if (m.type() == 'D') {
                WireMessage.Cursor c = new WireMessage.Cursor(m.payload());
                int n = c.int16();
                List<String> row = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    int len = c.int32();
                    if (len < 0) {
                        row.add(null);
                    } else {
                        row.add(new String(m.payload(), c.position, len, StandardCharsets.UTF_8));
                        c.position += len;
                    }
                }
                rows.add(row);
            } else if (m.type() == 'E') {
                Map<Character, String> f = m.fields();
                failure = new RedshiftException(f.get('C'), f.get('M'), f.getOrDefault('D', ""));
            } else if (m.type() == 'Z') {
                if (failure != null) {
                    throw failure;
                }
                return rows;
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing a loopback socket: nothing to recover.
        }
    }
}

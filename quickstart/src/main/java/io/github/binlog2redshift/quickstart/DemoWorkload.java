package io.github.binlog2redshift.quickstart;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The demo's inserts, updates and deletes over the five tables of {@link DemoSchema}. Values are
 * chosen to exercise the pipeline: quotes, commas, newlines, non-ASCII text, NULLs, JSON, binary,
 * unsigned 64-bit numbers, fractional seconds. Keys are tracked in memory, so updates and deletes
 * hit existing rows; one instance is used by one thread.
 */
final class DemoWorkload {

    private static final String[] TEXTS = {
        "plain",
        "comma, separated",
        "quote \"double\" and 'single'",
        "line\nbreak",
        "tab\there",
        "back\\slash",
        "ünïcödé ✓ 日本",
        "",
        "emoji 🚀"
    };

    private final Random random;
    private final DemoKeys keys = new DemoKeys();
    private boolean loyaltyColumn;

    DemoWorkload(long seed) {
        this.random = new Random(seed);
    }

    /** Rows before the jobs start, so the source job's snapshot has something to read. */
    void seed(Connection c, int customers) throws SQLException {
        for (int i = 0; i < customers; i++) {
            insert(c, i % 5);
        }
    }

    /** One random operation on one random table; returns a short description. */
    String step(Connection c) throws SQLException {
        int table = random.nextInt(5);
        int op = random.nextInt(100);
        if (op < 50 || keys.isEmpty(table)) {
            insert(c, table);
            return "insert";
        }
        Object[] key = keys.pick(table, random);
        if (op < 85) {
            update(c, table, key);
            return "update";
        }
        delete(c, table, key);
        keys.remove(table, key);
        return "delete";
    }

    /** The mid-run schema change; later inserts and updates fill the new column. */
    void addColumn(Connection c) throws SQLException {
        execute(c, "ALTER TABLE shop.customers ADD COLUMN loyalty_tier VARCHAR(16) NULL");
        loyaltyColumn = true;
    }

    private void insert(Connection c, int table) throws SQLException {
        Object[] key = keys.next(table, random);
        switch (table) {
            case 0 ->
                    execute(
                            c,
                            "INSERT INTO shop.customers (id, name, email, balance, active, signed_up, notes"
                                    + (loyaltyColumn ? ", loyalty_tier" : "")
                                    + ") VALUES (?, ?, ?, ?, ?, ?, ?"
                                    + (loyaltyColumn ? ", ?" : "")
                                    + ")",
                            withLoyalty(
                                    key[0],
                                    "customer " + key[0],
                                    email(),
                                    money(100000),
                                    random.nextBoolean(),
                                    date(),
                                    text()));
            case 1 ->
                    execute(
                            c,
                            "INSERT INTO shop.orders VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                            key[0],
                            1 + random.nextInt(1000),
                            status(),
                            money(10000),
                            random.nextFloat() * 50,
                            random.nextDouble() * 1e6,
                            dateTime(),
                            "{\"gift\": "
                                    + random.nextBoolean()
                                    + ", \"note\": \"n"
                                    + random.nextInt(9)
                                    + "\", \"items\": [1, 2.5, null]}");
            case 2 ->
                    execute(
                            c,
                            "INSERT INTO shop.order_lines VALUES (?, ?, ?, ?, ?)",
                            key[0],
                            key[1],
                            "SKU-" + random.nextInt(100000),
                            random.nextInt(20) + 1,
                            money(500));
            case 3 ->
                    execute(
                            c,
                            "INSERT INTO crm.contacts VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                            key[0],
                            "contact " + text(),
                            random.nextInt(4) == 0 ? null : "+49 30 " + random.nextInt(999999),
                            date(),
                            random.nextBoolean() ? "vip,newsletter" : "partner",
                            bytes(),
                            new BigInteger(64, random).toString(),
                            random.nextBoolean() ? null : dateTime());
            default ->
                    execute(
                            c,
                            "INSERT INTO crm.activities VALUES (?, ?, ?, ?, ?, ?)",
                            key[0],
                            key[1],
                            random.nextBoolean() ? "call" : "mail",
                            dateTime() + "123",
                            random.nextInt(8_000_000) - 4_000_000,
                            text().repeat(1 + random.nextInt(3)));
        }
    }

    private void update(Connection c, int table, Object[] key) throws SQLException {
        switch (table) {
            case 0 ->
                    execute(
                            c,
                            "UPDATE shop.customers SET balance = ?, notes = ?"
                                    + (loyaltyColumn ? ", loyalty_tier = ?" : "")
                                    + " WHERE id = ?",
                            loyaltyColumn
                                    ? new Object[] {money(100000), text(), tier(), key[0]}
                                    : new Object[] {money(100000), text(), key[0]});
            case 1 ->
                    execute(
                            c,
                            "UPDATE shop.orders SET status = ?, score = ? WHERE id = ?",
                            status(),
                            random.nextDouble(),
                            key[0]);
            case 2 ->
                    execute(
                            c,
                            "UPDATE shop.order_lines SET quantity = quantity + 1"
                                    + " WHERE order_id = ? AND line_no = ?",
                            key[0],
                            key[1]);
            case 3 ->
                    execute(
                            c,
                            "UPDATE crm.contacts SET phone = ?, last_seen = ? WHERE id = ?",
                            random.nextBoolean() ? null : "+1 555 " + random.nextInt(9999),
                            dateTime(),
                            key[0]);
            default ->
                    execute(
                            c,
                            "UPDATE crm.activities SET payload = ? WHERE contact_id = ?"
                                    + " AND activity_id = ?",
                            text(),
                            key[0],
                            key[1]);
        }
    }

    private void delete(Connection c, int table, Object[] key) throws SQLException {
        String where = DemoKeys.KEY_COLUMNS.get(table);
        execute(c, "DELETE FROM " + DemoSchema.TABLES.get(table) + " WHERE " + where, key);
    }

    private static void execute(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }

    /** The values, plus a loyalty tier at the end once the column exists. */
    private Object[] withLoyalty(Object... values) {
        if (!loyaltyColumn) return values;
        List<Object> list = new ArrayList<>(Arrays.asList(values));
        list.add(tier());
        return list.toArray();
    }

    private String text() {
        return TEXTS[random.nextInt(TEXTS.length)] + " " + random.nextInt(1000);
    }

    private String email() {
        return random.nextInt(5) == 0 ? null : "u" + random.nextInt(99999) + "@example.com";
    }

    private String tier() {
        return random.nextBoolean() ? "gold" : "silver";
    }

    private String status() {
        return List.of("new", "paid", "shipped", "cancelled").get(random.nextInt(4));
    }

    private java.math.BigDecimal money(int max) {
        return java.math.BigDecimal.valueOf(random.nextInt(max * 100), 2);
    }

    private String date() {
        return String.format(
                "20%02d-%02d-%02d",
                random.nextInt(25), 1 + random.nextInt(12), 1 + random.nextInt(28));
    }

    private String dateTime() {
        return date()
                + String.format(
                        " %02d:%02d:%02d.%03d",
                        random.nextInt(24),
                        random.nextInt(60),
                        random.nextInt(60),
                        random.nextInt(1000));
    }

    private byte[] bytes() {
        byte[] b = new byte[1 + random.nextInt(16)];
        random.nextBytes(b);
        return b;
    }
}

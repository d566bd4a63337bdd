package io.github.binlog2redshift.quickstart;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The keys of the rows the load generator created, per demo table, so that updates and deletes
 * target rows that exist. Composite keys ({@code order_lines}, {@code activities}) are two values.
 */
final class DemoKeys {

    /** Key predicates, in {@link DemoSchema#TABLES} order. */
    static final List<String> KEY_COLUMNS =
            List.of(
                    "id = ?",
                    "id = ?",
                    "order_id = ? AND line_no = ?",
                    "id = ?",
                    "contact_id = ? AND activity_id = ?");

    private final List<List<Object[]>> live = new ArrayList<>();
    private final long[] nextId = new long[5];

    DemoKeys() {
        for (int i = 0; i < 5; i++) {
            live.add(new ArrayList<>());
            nextId[i] = 1;
        }
    }

    /** A new key for {@code table}, remembered as live. */
    Object[] next(int table, Random random) {
        long id = nextId[table]++;
        Object[] key =
                switch (table) {
                        // Several lines per order: the composite key's second part varies.
                    case 2 -> new Object[] {1 + id / 4, (int) (id % 4) + 1};
                    case 3 -> new Object[] {(int) id};
                    case 4 -> new Object[] {1 + random.nextInt(50), id};
                    default -> new Object[] {id};
                };
        live.get(table).add(key);
        return key;
    }

    boolean isEmpty(int table) {
        return live.get(table).isEmpty();
    }

    Object[] pick(int table, Random random) {
        List<Object[]> keys = live.get(table);
        return keys.get(random.nextInt(keys.size()));
    }

    void remove(int table, Object[] key) {
        live.get(table).remove(key);
    }
}

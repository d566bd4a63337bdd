package io.github.binlog2redshift.localstack;

import io.github.binlog2redshift.localstack.redshift.RedshiftDatabase;

/**
 * The two warehouses the sink writes to, as the local stack provides them: PostgreSQL, and the
 * local Redshift in front of it ({@code docs/local-redshift.md}). A test that holds for both runs
 * once per constant ({@code @ParameterizedTest @EnumSource(Warehouse.class)}) and takes a fresh
 * database from {@link #newDatabase}.
 */
public enum Warehouse {
    POSTGRES,
    REDSHIFT;

    /** A fresh database named after {@code hint}, with the user that owns it. */
    public WarehouseDatabase newDatabase(LocalStack stack, String hint) {
        switch (this) {
            case POSTGRES:
                PostgresDatabase pg = stack.newPostgresDatabase(hint);
                return new WarehouseDatabase(
                        this, pg.host(), pg.port(), pg.name(), pg.user(), pg.password());
            case REDSHIFT:
                RedshiftDatabase rs = stack.newRedshiftDatabase(hint);
                return new WarehouseDatabase(
                        this, rs.host(), rs.port(), rs.name(), rs.user(), rs.password());
            default:
                throw new IllegalStateException("unknown warehouse " + this);
        }
    }

    /**
     * What holds on this warehouse where the two differ by design (type mapping, SQL spelling,
     * catalog text): {@code postgres} on PostgreSQL, {@code redshift} on Redshift.
     */
    public <T> T either(T postgres, T redshift) {
        return this == REDSHIFT ? redshift : postgres;
    }

    /**
     * {@code postgres} for POSTGRES and so on: the spelling of verify's and run-local's options.
     */
    public String optionValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

package io.github.binlog2redshift.sink.jdbc;

import io.github.binlog2redshift.sink.TableCommittable;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Loads a committable's staged files into the session's staging table, inside the caller's
 * transaction, and returns the number of rows the warehouse says it loaded (compared by the caller
 * with the rows staged).
 */
public interface StageLoader {

    long load(Connection connection, TableCommittable batch) throws SQLException, IOException;

    /** True when the load statement may contain secrets and must not appear in logs or errors. */
    default boolean sensitive() {
        return false;
    }
}

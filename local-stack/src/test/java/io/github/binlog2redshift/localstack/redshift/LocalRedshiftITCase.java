package io.github.binlog2redshift.localstack.redshift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The local Redshift through the real Redshift JDBC driver: each rule of docs/local-redshift.md. */
@ExtendWith(LocalStackExtension.class)
class LocalRedshiftITCase {

    @Test
    void roundTripThroughTheRedshiftDriver(RedshiftDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE orders (id BIGINT NOT NULL, note VARCHAR(40), PRIMARY KEY (id))"
                    + " DISTSTYLE KEY DISTKEY (id) SORTKEY (id)");
            s.execute("INSERT INTO orders VALUES (1, 'one')");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO orders VALUES (?, ?)")) {
                ps.setLong(1, 2);
                ps.setString(2, "two");
                ps.executeUpdate();
            }
            assertThat(rows(s, "SELECT id, note FROM orders ORDER BY id")).containsExactly("1|one", "2|two");
            assertThat(c.getMetaData().getDatabaseProductVersion()).startsWith("8.0");
        }
    }

    @Test
    void wrongPasswordIsRefused(RedshiftDatabase db) {
        RedshiftDatabase wrong = new RedshiftDatabase(db.host(), db.port(), db.name(), db.user(), "nope");
        assertThatThrownBy(wrong::connect).isInstanceOf(SQLException.class).hasMessageContaining("password");
    }

    static List<String> rows(Statement s, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= n; i++) b.append(i > 1 ? "|" : "").append(rs.getString(i));
                out.add(b.toString());
            }
        }
        return out;
    }
}

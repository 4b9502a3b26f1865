package dk.preparedreturn.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every table of a PostgreSQL database as its row count and a hash of its rows: two snapshots are
 * equal exactly when nothing was written, which is how the tests prove "nothing changed".
 */
public final class DatabaseSnapshot {

  private DatabaseSnapshot() {
  }

  /**
   * @param countOnly tables whose rows carry times that change by themselves (only their count is compared)
   * @param excluded tables written by background work unrelated to the request under test
   */
  public static Map<String, String> of(Connection db, Set<String> countOnly, Set<String> excluded) throws SQLException {
    Map<String, String> tables = new LinkedHashMap<>();
    try (Statement st = db.createStatement()) {
      List<String> names = new ArrayList<>();
      try (ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables"
          + " WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name")) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
      for (String table : names) {
        if (excluded.contains(table)) {
          continue;
        }
        String sql = countOnly.contains(table) ? "SELECT count(*) FROM " + table
            : "SELECT count(*) || ' ' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM "
                + table + " t";
        try (ResultSet rs = st.executeQuery(sql)) {
          rs.next();
          tables.put(table, rs.getString(1));
        }
      }
    }
    return tables;
  }
}

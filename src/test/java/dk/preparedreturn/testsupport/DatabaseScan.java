package dk.preparedreturn.testsupport;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Searches every column of every table of the database (the service's tables and the engine's:
 * runtime, history, byte arrays, comments, user operation log ...) for a value, on H2 and on
 * PostgreSQL. Text columns (varchar, text, clob, json) are searched case-insensitively, binary
 * columns (bytea, blob: serialized and JSON variables, comments' full text, exception traces) as
 * UTF-8, date columns by date and timestamp columns by their day. A hit is {@code TABLE.COLUMN},
 * upper case on both databases. The deployed models and forms (byte arrays of a deployment) are
 * not searched: they are what the process owners deploy, not data of a case, and a form's example
 * ("e.g. FH-2026-00012") would otherwise be found as the case reference of whichever case gets it.
 */
public final class DatabaseScan {

  public enum Kind { TEXT, BINARY, DATE, TIMESTAMP, OTHER }

  public record Column(String table, String name, Kind kind) {

    public String qualified() {
      return (table + "." + name).toUpperCase(Locale.ROOT);
    }
  }

  private final JdbcClient jdbc;
  private final boolean postgres;
  private final List<Column> columns;

  public DatabaseScan(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    try (var connection = dataSource.getConnection()) {
      this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    String schema = postgres ? "public" : "PUBLIC";
    this.columns = jdbc.sql("SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c"
            + " JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
            + " WHERE c.table_schema = ? AND t.table_type = 'BASE TABLE' ORDER BY c.table_name, c.ordinal_position")
        .param(schema)
        .query((rs, n) -> new Column(rs.getString(1), rs.getString(2), kind(rs.getString(3)))).list();
  }

  static Kind kind(String dataType) {
    String type = dataType.toLowerCase(Locale.ROOT);
    if (type.contains("char") || type.equals("text") || type.contains("json") || type.contains("clob")) {
      return Kind.TEXT;
    }
    if (type.contains("binary") || type.equals("bytea") || type.contains("blob")) {
      return Kind.BINARY;
    }
    if (type.equals("date")) {
      return Kind.DATE;
    }
    if (type.startsWith("timestamp")) {
      return Kind.TIMESTAMP;
    }
    return Kind.OTHER;
  }

  public List<Column> columns() {
    return columns;
  }

  /** The upper-case names of all tables scanned. */
  public Set<String> tables() {
    return Set.copyOf(columns.stream().map(c -> c.table().toUpperCase(Locale.ROOT)).toList());
  }

  /** Every text or binary column with a value that contains the text (binary: as written or lower case). */
  public List<String> containing(String text, Set<String> exceptTables) {
    List<String> hits = new ArrayList<>();
    for (Column column : columns) {
      if (skip(column, exceptTables) || (column.kind() != Kind.TEXT && column.kind() != Kind.BINARY)) {
        continue;
      }
      if (count(column, text) > 0 || (column.kind() == Kind.BINARY && !text.equals(text.toLowerCase(Locale.ROOT))
          && count(column, text.toLowerCase(Locale.ROOT)) > 0)) {
        hits.add(column.qualified());
      }
    }
    return hits;
  }

  /** Every date column with that date and every timestamp column with a value on that day. */
  public List<String> onDate(LocalDate date, Set<String> exceptTables) {
    List<String> hits = new ArrayList<>();
    for (Column column : columns) {
      if (skip(column, exceptTables) || (column.kind() != Kind.DATE && column.kind() != Kind.TIMESTAMP)) {
        continue;
      }
      String expression = column.kind() == Kind.DATE ? quote(column.name()) : "CAST(" + quote(column.name()) + " AS DATE)";
      long n = jdbc.sql("SELECT count(*) FROM " + quote(column.table()) + " WHERE " + expression + " = ?")
          .param(date).query(Long.class).single();
      if (n > 0) {
        hits.add(column.qualified());
      }
    }
    return hits;
  }

  /**
   * A person field's value where it is recognisable as that field: a column named like the field
   * with the value; a variable (NAME_/TEXT_ of the engine's tables) named like the field with the
   * value; or a text or binary value in which the field's name is followed by the value (JSON,
   * comments, forms). {@code fieldStem} is matched case-insensitively, e.g. "nationalit".
   */
  public List<String> fieldWithValue(String fieldStem, String value, Set<String> exceptTables) {
    List<String> hits = new ArrayList<>();
    Pattern inText = Pattern.compile("(?i)" + Pattern.quote(fieldStem) + "\\w*\\W{0,6}" + Pattern.quote(value)
        + "(?![A-Za-z0-9])");
    for (Column column : columns) {
      if (skip(column, exceptTables)) {
        continue;
      }
      String table = quote(column.table());
      if (column.kind() == Kind.TEXT && column.name().toLowerCase(Locale.ROOT).contains(fieldStem.toLowerCase(Locale.ROOT))
          && jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + quote(column.name()) + " = ?").param(value)
          .query(Long.class).single() > 0) {
        hits.add(column.qualified());
        continue;
      }
      if (column.name().equalsIgnoreCase("TEXT_") && hasColumn(column.table(), "NAME_")
          && jdbc.sql("SELECT count(*) FROM " + table + " WHERE lower(" + quote(nameOf(column.table(), "NAME_"))
              + ") LIKE ? AND " + quote(column.name()) + " = ?")
          .params("%" + fieldStem.toLowerCase(Locale.ROOT) + "%", value).query(Long.class).single() > 0) {
        hits.add(column.qualified());
        continue;
      }
      if (column.kind() == Kind.TEXT || column.kind() == Kind.BINARY) {
        // candidate values containing the stem (both cases of its first letter), then the pattern
        for (String stem : List.of(fieldStem.toLowerCase(Locale.ROOT), capitalised(fieldStem))) {
          List<String> values = values(column, stem);
          if (values.stream().anyMatch(v -> inText.matcher(v).find())) {
            hits.add(column.qualified());
            break;
          }
        }
      }
    }
    return hits;
  }

  private boolean hasColumn(String table, String name) {
    return columns.stream().anyMatch(c -> c.table().equals(table) && c.name().equalsIgnoreCase(name));
  }

  private String nameOf(String table, String name) {
    return columns.stream().filter(c -> c.table().equals(table) && c.name().equalsIgnoreCase(name)).findFirst()
        .orElseThrow().name();
  }

  private static String capitalised(String text) {
    return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
  }

  private static boolean skip(Column column, Set<String> exceptTables) {
    return exceptTables.contains(column.table().toUpperCase(Locale.ROOT));
  }

  /** Leaves out the deployed models and forms (see the class comment). */
  private String notDeployed(Column column) {
    return column.table().equalsIgnoreCase("ACT_GE_BYTEARRAY") && column.kind() == Kind.BINARY
        ? " AND " + quote(nameOf(column.table(), "DEPLOYMENT_ID_")) + " IS NULL" : "";
  }

  private long count(Column column, String text) {
    String table = quote(column.table());
    String name = quote(column.name());
    if (column.kind() == Kind.TEXT) {
      String value = postgres ? "CAST(" + name + " AS text)" : name;
      return jdbc.sql("SELECT count(*) FROM " + table + " WHERE lower(" + value + ") LIKE ? ESCAPE '!'")
          .param(like(text.toLowerCase(Locale.ROOT))).query(Long.class).single();
    }
    if (postgres) {
      return jdbc.sql("SELECT count(*) FROM " + table + " WHERE position(convert_to(?, 'UTF8') in " + name + ") > 0"
          + notDeployed(column)).param(text).query(Long.class).single();
    }
    return jdbc.sql("SELECT count(*) FROM " + table + " WHERE UTF8TOSTRING(" + name + ") LIKE ? ESCAPE '!'"
        + notDeployed(column)).param(like(text)).query(Long.class).single();
  }

  /** The values of a text or binary column that contain the text (as UTF-8 strings). */
  private List<String> values(Column column, String text) {
    String table = quote(column.table());
    String name = quote(column.name());
    if (column.kind() == Kind.TEXT) {
      String value = postgres ? "CAST(" + name + " AS text)" : name;
      return jdbc.sql("SELECT " + value + " FROM " + table + " WHERE " + value + " LIKE ? ESCAPE '!'")
          .param(like(text)).query(String.class).list();
    }
    String where = postgres ? "position(convert_to(?, 'UTF8') in " + name + ") > 0"
        : "UTF8TOSTRING(" + name + ") LIKE ? ESCAPE '!'";
    return jdbc.sql("SELECT " + name + " FROM " + table + " WHERE " + where + notDeployed(column))
        .param(postgres ? text : like(text))
        .query((rs, n) -> new String(rs.getBytes(1), StandardCharsets.UTF_8)).list();
  }

  private String quote(String identifier) {
    return "\"" + identifier + "\"";
  }

  private static String like(String text) {
    return "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
  }

  /** The hits of several needles at once, as needle -> columns (only needles with hits). */
  public static Map<String, List<String>> nonEmpty(Map<String, List<String>> hits) {
    Map<String, List<String>> found = new java.util.LinkedHashMap<>();
    hits.forEach((needle, columns) -> {
      if (!columns.isEmpty()) {
        found.put(needle, columns);
      }
    });
    return found;
  }
}

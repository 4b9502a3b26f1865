package dk.preparedreturn.api;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Recognises a failure caused by the database being unreachable or the connection being cut in the
 * middle of a transaction (PostgreSQL SQLSTATE class 08 connection exception, 57P01-57P03 server
 * shutdown or termination, a pool that cannot get a connection). The transaction was rolled back
 * or never committed, so nothing was changed and the caller may repeat the request: answered with
 * 503 and Retry-After instead of a generic 500.
 */
public final class DatabaseUnavailable {

  public static final String MESSAGE = "The database cannot be reached at the moment; nothing was changed. Try again.";
  public static final int RETRY_AFTER_SECONDS = 5;

  private DatabaseUnavailable() {
  }

  public static boolean causedBy(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
          || cause instanceof DataAccessResourceFailureException || cause instanceof SQLTransientConnectionException
          || cause instanceof TransactionSystemException && cause.getCause() instanceof SQLException) {
        return true;
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }
}

package dk.preparedreturn.identity;

/**
 * A check of the configuration for production, contributed by a feature (the mail addresses, say)
 * and run by the {@link StartupGuard} before the database is touched, outside the embedded default.
 */
public interface ProductionCheck {

  /** @throws IllegalStateException naming the setting to fix */
  void check();

  /** {@code change-me...}, {@code Change_Me...}, {@code changeme...}: the placeholders of docker/.env.example. */
  static boolean isPlaceholder(String value) {
    return StartupGuard.isPlaceholder(value);
  }

  /** Blank, or an address at one of the domains reserved for examples (RFC 2606). */
  static boolean isExampleAddress(String address) {
    return StartupGuard.isExampleAddress(address);
  }

  /** The refusal to start, with the reason. */
  static IllegalStateException refuse(String reason) {
    return StartupGuard.refuse(reason);
  }
}

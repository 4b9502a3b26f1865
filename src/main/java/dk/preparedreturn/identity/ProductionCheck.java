package dk.preparedreturn.identity;

import java.util.Locale;
import java.util.Set;

/**
 * A check of the configuration for production, contributed by a feature (the mail addresses, say)
 * and run by the start-up guard before the database is touched, outside the embedded default.
 */
public interface ProductionCheck {

  /** Domains reserved for examples (RFC 2606): mail to them goes nowhere. */
  Set<String> EXAMPLE_DOMAINS = Set.of("example.org", "example.com", "example.net");

  /** @throws IllegalStateException naming the setting to fix */
  void check();

  /** {@code change-me...}, {@code Change_Me...}, {@code changeme...}: the placeholders of docker/.env.example. */
  static boolean isPlaceholder(String value) {
    return value != null && value.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").startsWith("changeme");
  }

  /** Blank, or an address at one of the domains reserved for examples. */
  static boolean isExampleAddress(String address) {
    if (address == null || address.isBlank()) {
      return true;
    }
    String domain = address.substring(address.lastIndexOf('@') + 1).trim().toLowerCase(Locale.ROOT);
    return EXAMPLE_DOMAINS.stream().anyMatch(d -> domain.equals(d) || domain.endsWith("." + d));
  }

  /** The refusal to start, with the reason. */
  static IllegalStateException refuse(String reason) {
    return new IllegalStateException("Refusing to start outside the embedded default: " + reason);
  }
}

package dk.preparedreturn.users;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Identity settings.
 *
 * @param adminUser id of the administrator created at first start (member of camunda-admin)
 * @param adminPassword its initial password; outside the embedded default it must be set and strong
 * @param partnerCountries countries of return with a partner group ({@code partner-<code>}), code to name
 */
@ConfigurationProperties("app.identity")
public record IdentityProperties(String adminUser, String adminPassword, Map<String, String> partnerCountries) {

  public IdentityProperties {
    partnerCountries = partnerCountries == null ? Map.of() : new LinkedHashMap<>(partnerCountries);
  }
}

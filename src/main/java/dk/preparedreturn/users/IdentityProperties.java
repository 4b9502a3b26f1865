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
 * @param partnerRegions regional partners ({@code partner-<code>-<region>}), {@code <code>-<region>} to name,
 *     e.g. {@code ng-lagos: Nigeria, Lagos}; which case goes to which partner is decided in PartnerRouting.dmn
 */
@ConfigurationProperties("app.identity")
public record IdentityProperties(String adminUser, String adminPassword, Map<String, String> partnerCountries,
    Map<String, String> partnerRegions) {

  public IdentityProperties {
    partnerCountries = partnerCountries == null ? Map.of() : new LinkedHashMap<>(partnerCountries);
    partnerRegions = partnerRegions == null ? Map.of() : new LinkedHashMap<>(partnerRegions);
  }
}

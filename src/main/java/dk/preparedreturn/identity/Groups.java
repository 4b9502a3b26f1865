package dk.preparedreturn.identity;

import java.util.List;
import java.util.Locale;

/** The Camunda groups of the actors of the journey; ids are used as candidate groups in the models. */
public final class Groups {

  public static final String UDLAENDINGESTYRELSEN = "udlaendingestyrelsen";
  public static final String CMM = "cmm";
  public static final String HJEMREJSESTYRELSEN = "hjemrejsestyrelsen";
  public static final String DRC = "drc";
  public static final String POLITI = "politi";
  public static final String PROCESS_OWNERS = "procesejere";
  public static final String MANAGERS = "ledelse";
  public static final String ADMINS = "camunda-admin";
  /** IT operations: metrics and health details (Prometheus), nothing else. */
  public static final String MONITORING = "monitoring";
  public static final String PARTNER_PREFIX = "partner-";

  /** The Danish organisations that take part in cases (not managers, process owners or partners). */
  public static final List<String> DANISH_CASE_ACTORS =
      List.of(UDLAENDINGESTYRELSEN, CMM, HJEMREJSESTYRELSEN, DRC, POLITI);

  private Groups() {
  }

  /** The partner group of a country of return, e.g. {@code NG -> partner-ng}. */
  public static String partnerGroup(String countryCode) {
    if (countryCode == null || !countryCode.matches("[A-Za-z]{2}")) {
      throw new IllegalArgumentException("Not an ISO 3166-1 alpha-2 code: " + countryCode);
    }
    return PARTNER_PREFIX + countryCode.toLowerCase(Locale.ROOT);
  }

  /** A partner group of the country: {@code partner-ro}, or a regional one such as {@code partner-ro-cluj}. */
  public static boolean isPartnerOf(String groupId, String countryCode) {
    if (groupId == null || countryCode == null) {
      return false;
    }
    String country = partnerGroup(countryCode);
    return groupId.equals(country) || groupId.startsWith(country + "-");
  }

  public static boolean isPartnerGroup(String groupId) {
    return groupId != null && groupId.startsWith(PARTNER_PREFIX);
  }
}

package dk.preparedreturn.forms;

import dk.preparedreturn.identity.Audience;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.regex.Pattern;

/**
 * Amounts of money as people write them: Danish {@code 15.000,50} (a point between thousands, a comma
 * before the øre), English {@code 15,000.50}. Parsing is strict, so a value is read exactly or not at
 * all: thousands separators only between groups of three digits, at most two decimals, nothing
 * else. Every input that could be read two ways ({@code 1.500} in English, {@code 1,500} in Danish,
 * {@code 15.00} in Danish) is refused, never reinterpreted. The same patterns are the client-side
 * {@code validate.pattern} of the amount fields in the forms.
 */
public final class Amounts {

  /** {@code 15.000,50}, {@code 15000,50}, {@code 15000}. */
  public static final String DANISH_PATTERN = "^(\\d{1,3}(\\.\\d{3})+|\\d+)(,\\d{1,2})?$";
  /** {@code 15,000.50}, {@code 15000.50}, {@code 15000}. */
  public static final String ENGLISH_PATTERN = "^(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d{1,2})?$";

  private static final Pattern DANISH = Pattern.compile(DANISH_PATTERN);
  private static final Pattern ENGLISH = Pattern.compile(ENGLISH_PATTERN);

  private Amounts() {
  }

  /**
   * The amount the text denotes in the audience's notation.
   *
   * @throws IllegalArgumentException when the text is not an amount in that notation
   */
  public static BigDecimal parse(String text, Audience audience) {
    String trimmed = text == null ? "" : text.trim();
    boolean english = audience.english();
    if (!(english ? ENGLISH : DANISH).matcher(trimmed).matches()) {
      throw new IllegalArgumentException("not an amount in the " + audience + " notation");
    }
    String plain = english ? trimmed.replace(",", "") : trimmed.replace(".", "").replace(',', '.');
    return new BigDecimal(plain);
  }

  /** The amount in the audience's notation with two decimals: {@code 15.000,50} or {@code 15,000.50}. */
  public static String format(BigDecimal amount, Audience audience) {
    DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(audience.locale()));
    format.setRoundingMode(RoundingMode.UNNECESSARY);
    return format.format(amount);
  }

  /** The amount as stored in a process variable: plain, two decimals ({@code 15000.50}). */
  public static String canonical(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
  }
}

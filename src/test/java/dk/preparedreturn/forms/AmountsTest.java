package dk.preparedreturn.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.preparedreturn.identity.Audience;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Amounts are read exactly in the audience's notation or not at all; written back the same way. */
class AmountsTest {

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {"15.000,50; 15000.50", "15000,50; 15000.50", "15.000; 15000", "1.500; 1500",
      "0,5; 0.5", "100.000,00; 100000.00", "1.234.567,89; 1234567.89", "7; 7"})
  void danish(String text, BigDecimal amount) {
    assertThat(Amounts.parse(text, Audience.DANISH)).isEqualTo(amount);
    assertThat(Amounts.parse(Amounts.format(amount, Audience.DANISH), Audience.DANISH)).isEqualByComparingTo(amount);
  }

  @ParameterizedTest
  @ValueSource(strings = {"15.00", "1,500", "1,500.00", "15.000.5", "1.5", "15 000", "15000,505", "-5", "1e4", "",
      ".5", "5,", "1.50", "12.34.567", "15.000,50 kr", "١٥"})
  void danishRefuses(String text) {
    assertThatThrownBy(() -> Amounts.parse(text, Audience.DANISH)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {"1,500.00; 1500.00", "1500.5; 1500.5", "1,500; 1500", "15,000.50; 15000.50",
      "0.75; 0.75"})
  void english(String text, BigDecimal amount) {
    assertThat(Amounts.parse(text, Audience.ENGLISH)).isEqualTo(amount);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.500", "1,50", "1.500,00", "1,5000", "15,00.00", "1500.5.0", "1,500.005", "+5"})
  void englishRefuses(String text) {
    assertThatThrownBy(() -> Amounts.parse(text, Audience.ENGLISH)).isInstanceOf(IllegalArgumentException.class);
  }

  @org.junit.jupiter.api.Test
  void writtenInTheAudiencesNotation() {
    assertThat(Amounts.format(new BigDecimal("15000.5"), Audience.DANISH)).isEqualTo("15.000,50");
    assertThat(Amounts.format(new BigDecimal("1500"), Audience.ENGLISH)).isEqualTo("1,500.00");
    assertThat(Amounts.canonical(new BigDecimal("15000.5"))).isEqualTo("15000.50");
  }
}

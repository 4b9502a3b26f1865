package dk.preparedreturn.caseevents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * A rebooking records the new flight by the rule "Book fly" uses for the first one: the pattern of
 * {@code flightNumber} in {@code BookFlight.form} (which a process owner may change) and
 * {@link CaseEvent#FLIGHT_NUMBER} must be the same.
 */
class CaseEventFlightNumberTest {

  @Test
  void aRebookingTakesFlightNumbersAsBookFlightDoes() throws Exception {
    JsonNode form = new ObjectMapper().readTree(Path.of("processes", "forms", "BookFlight.form").toFile());
    JsonNode field = StreamSupport.stream(form.get("components").spliterator(), false)
        .filter(c -> "flightNumber".equals(c.path("key").asText())).findFirst().orElseThrow();
    assertThat(CaseEvent.FLIGHT_NUMBER.pattern()).isEqualTo(field.path("validate").path("pattern").asText());

    assertThat(CaseEvent.FLIGHT_NUMBER.matcher("KL 1143").matches()).isTrue();
    assertThat(CaseEvent.FLIGHT_NUMBER.matcher("SK99").matches()).isTrue();
    assertThat(CaseEvent.FLIGHT_NUMBER.matcher("fly 12").matches()).isFalse();
    assertThat(CaseEvent.FLIGHT_NUMBER.matcher("KL 1143\n").matches()).isFalse();
    assertThat(CaseEvent.FLIGHT_NUMBER.matcher("").matches()).isFalse();
  }
}

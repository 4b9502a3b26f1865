package dk.preparedreturn.process;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The service's clock: the engine's clock (which the tests move) in the service's time zone
 * (Europe/Copenhagen unless {@code APP_TIME_ZONE} says otherwise), whatever the JVM's default zone.
 * Every "today", every deadline and every date rule of a form or an API field uses it; it is a Spring
 * bean ({@code java.time.Clock}), so code asks for a {@code Clock} and never reads the engine's clock
 * itself.
 */
public final class EngineClock extends Clock {

  private final ZoneId zone;

  public EngineClock(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId other) {
    return new EngineClock(other);
  }

  @Override
  public Instant instant() {
    return ClockUtil.now().toInstant();
  }

  /** Today in the service's time zone. */
  public LocalDate today() {
    return LocalDate.now(this);
  }
}

package dk.preparedreturn.referral;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

/** A date on or after the given ISO date (null is valid): no year 1 or -999999999 reaches the database. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = NotBefore.Validator.class)
public @interface NotBefore {

  /** The earliest date allowed, yyyy-MM-dd. */
  String value();

  String message() default "must not be before {value}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<NotBefore, LocalDate> {

    private LocalDate earliest;

    @Override
    public void initialize(NotBefore annotation) {
      earliest = LocalDate.parse(annotation.value());
    }

    @Override
    public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
      return value == null || !value.isBefore(earliest);
    }
  }
}

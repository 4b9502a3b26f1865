package dk.preparedreturn.casefile;

import java.time.LocalDate;

/**
 * The person's data (GDPR art. 9 special categories). Kept in its own table, never in process
 * variables, mails or logs; each read is audited and filtered by the reader's organisation.
 */
public record PersonData(
    String fullName,
    LocalDate dateOfBirth,
    String nationality,
    String gender,
    String exploitationType,
    Boolean hasChildren,
    Integer numberOfChildren,
    String preferredLanguage) {
}

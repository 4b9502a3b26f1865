package dk.preparedreturn.identity;

/** The caller is authenticated but its organisation may not do this. Answered with 403. */
public class Forbidden extends RuntimeException {

  public Forbidden(String message) {
    super(message);
  }
}

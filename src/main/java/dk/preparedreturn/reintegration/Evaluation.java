package dk.preparedreturn.reintegration;

/** DRC's evaluation when closing a case (form EvaluateAndCloseCase). */
public enum Evaluation {
  SUCCESSFUL, PARTLY_SUCCESSFUL, NOT_SUCCESSFUL
}

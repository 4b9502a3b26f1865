package dk.preparedreturn.reintegration;

/** The partner's view of the reintegration's sustainability in the final report (form SubmitFinalReport). */
public enum ProgrammeResult {
  SUSTAINABLE, PARTLY_SUSTAINABLE, NOT_SUSTAINABLE
}

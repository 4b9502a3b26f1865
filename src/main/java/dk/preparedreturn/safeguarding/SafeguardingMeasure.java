package dk.preparedreturn.safeguarding;

/** The measures DRC agrees with the partner when a person is at risk (form AgreeSafeguardingMeasures). */
public enum SafeguardingMeasure {
  CLOSER_MONITORING, SAFE_ACCOMMODATION, HEALTH_CARE, LEGAL_AID, LOCAL_PROTECTION, PLAN_ADJUSTED
}

package io.gaplens.reporting.service;

import io.gaplens.reporting.domain.AssessmentReport;
import io.gaplens.reporting.domain.RemediationAction;
import io.gaplens.reporting.domain.RequirementResult;
import io.gaplens.reporting.domain.RiskRating;

import java.util.List;

/** Everything the read models hold about one assessment, loaded once per report. */
public record AssessmentData(AssessmentReport header, List<RequirementResult> requirements, List<RiskRating> risks,
                             List<RemediationAction> actions) {
}

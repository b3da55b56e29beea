package io.gaplens.assessment.service;

import io.gaplens.platform.api.FieldError;

import java.util.List;

/**
 * One row of a bulk import after parsing: the requirement reference as written, the answer, where
 * the row starts ({@code line}) and how its fields are named in errors. A row that could not be
 * parsed has {@code errors} and no answer.
 */
record ImportRow(int line, String fieldPrefix, AnswerRules.FieldNames names, String requirement,
                 String requirementField, AnswerInput input, List<FieldError> errors) {
}

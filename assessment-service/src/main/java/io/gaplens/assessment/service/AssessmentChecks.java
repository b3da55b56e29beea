package io.gaplens.assessment.service;

import io.gaplens.assessment.domain.Scope;
import io.gaplens.platform.api.FieldError;

import java.time.LocalDate;
import java.util.List;

/** Input checks of assessment requests; each adds a field error naming the JSON path. */
final class AssessmentChecks {

    static final int MAX_NAME = 200;

    private AssessmentChecks() {
    }

    static void name(String name, List<FieldError> errors) {
        if (name == null || name.isBlank()) {
            errors.add(new FieldError("name", "missing"));
        } else if (name.strip().length() > MAX_NAME) {
            errors.add(new FieldError("name", "must be at most " + MAX_NAME + " characters"));
        }
    }

    static void required(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "missing"));
        }
    }

    static void targetMaturity(Integer target, List<FieldError> errors) {
        if (target != null && (target < 0 || target > AnswerRules.MAX_MATURITY)) {
            errors.add(new FieldError("targetMaturity", "must be between 0 and " + AnswerRules.MAX_MATURITY
                    + ", was " + target));
        }
    }

    static void dates(LocalDate start, LocalDate due, List<FieldError> errors) {
        if (start != null && due != null && due.isBefore(start)) {
            errors.add(new FieldError("dueDate", "must not be before startDate " + start + ", was " + due));
        }
    }

    static void scope(Scope scope, List<FieldError> errors) {
        if (scope == null) {
            return;
        }
        names("scope.businessUnits", scope.businessUnits(), errors);
        names("scope.processes", scope.processes(), errors);
        names("scope.locations", scope.locations(), errors);
        for (int i = 0; i < scope.assets().size(); i++) {
            Scope.Asset asset = scope.assets().get(i);
            if (asset == null || asset.name() == null || asset.name().isBlank()) {
                errors.add(new FieldError("scope.assets[" + i + "].name", "missing"));
            }
            if (asset == null || asset.criticality() == null) {
                errors.add(new FieldError("scope.assets[" + i + "].criticality",
                        "missing: one of [LOW, MEDIUM, HIGH, VERY_HIGH]"));
            }
        }
        for (int i = 0; i < scope.exclusions().size(); i++) {
            Scope.Exclusion exclusion = scope.exclusions().get(i);
            if (exclusion == null || exclusion.item() == null || exclusion.item().isBlank()) {
                errors.add(new FieldError("scope.exclusions[" + i + "].item", "missing"));
            }
            if (exclusion == null || exclusion.justification() == null || exclusion.justification().isBlank()) {
                errors.add(new FieldError("scope.exclusions[" + i + "].justification",
                        "missing: every exclusion from scope needs a justification"));
            }
        }
    }

    private static void names(String field, List<String> names, List<FieldError> errors) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i) == null || names.get(i).isBlank()) {
                errors.add(new FieldError(field + "[" + i + "]", "must not be blank"));
            }
        }
    }
}

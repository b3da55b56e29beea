package io.gaplens.assessment.service;

import io.gaplens.assessment.domain.AssessmentRequirement;
import io.gaplens.assessment.domain.Evidence;
import io.gaplens.assessment.domain.ImplementationStatus;
import io.gaplens.platform.api.FieldError;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules an answer must follow, and the gap rule. Shared by single updates and bulk imports, so
 * that both reject the same answers with the same messages.
 */
public final class AnswerRules {

    public static final int MAX_MATURITY = 5;
    static final int MAX_TEXT = 10_000;
    static final int MAX_SHORT_TEXT = 1_000;

    private AnswerRules() {
    }

    /**
     * Returns whether an answer leaves a gap: the requirement is applicable and assessed, and it is
     * not implemented, partially implemented, or implemented below the target maturity. An
     * IMPLEMENTED answer without a maturity rating is taken at its word and is no gap.
     */
    public static boolean isGap(ImplementationStatus status, Integer maturity, int targetMaturity) {
        if (status == ImplementationStatus.NOT_IMPLEMENTED || status == ImplementationStatus.PARTIALLY_IMPLEMENTED) {
            return true;
        }
        return status == ImplementationStatus.IMPLEMENTED && maturity != null && maturity < targetMaturity;
    }

    /**
     * Checks {@code input} against the requirement it answers and returns every violation.
     *
     * @param fieldPrefix put before each field name, such as {@code [3].} for the fourth item of a JSON import
     * @param line the import line the errors belong to, or null for a single update
     * @param names the field names in the caller's format (JSON or CSV columns)
     */
    public static List<FieldError> check(AnswerInput input, AssessmentRequirement requirement, String fieldPrefix,
                                         Integer line, FieldNames names) {
        List<FieldError> errors = new ArrayList<>();
        if (input.status() == null) {
            errors.add(error(line, fieldPrefix + names.status(), "missing: one of " + List.of(ImplementationStatus.values())));
        }
        if (input.maturity() != null && (input.maturity() < 0 || input.maturity() > MAX_MATURITY)) {
            errors.add(error(line, fieldPrefix + names.maturity(),
                    "must be between 0 and " + MAX_MATURITY + ", was " + input.maturity()));
        }
        if (input.status() == ImplementationStatus.NOT_APPLICABLE) {
            if (!requirement.excludable) {
                errors.add(error(line, fieldPrefix + names.status(), "NOT_APPLICABLE is not allowed for "
                        + requirement.kind.name().toLowerCase(java.util.Locale.ROOT) + " " + requirement.ref
                        + ": clauses 4-10 are mandatory and cannot be excluded"));
            } else if (input.justification() == null) {
                errors.add(error(line, fieldPrefix + names.justification(), "missing: a NOT_APPLICABLE control "
                        + requirement.ref + " needs a justification for the Statement of Applicability"));
            }
            if (!input.inclusionReasons().isEmpty()) {
                errors.add(error(line, fieldPrefix + names.inclusionReasons(),
                        "must be empty when the status is NOT_APPLICABLE"));
            }
        }
        checkLength(errors, line, fieldPrefix + names.justification(), input.justification(), MAX_TEXT);
        checkLength(errors, line, fieldPrefix + names.notes(), input.notes(), MAX_TEXT);
        checkLength(errors, line, fieldPrefix + "assessor", input.assessor(), MAX_SHORT_TEXT);
        if (input.inclusionReasons().size() != input.inclusionReasons().stream().distinct().count()) {
            errors.add(error(line, fieldPrefix + names.inclusionReasons(), "contains a reason twice"));
        }
        for (int i = 0; i < input.evidence().size(); i++) {
            Evidence evidence = input.evidence().get(i);
            String field = names.evidenceTitle(fieldPrefix, i);
            if (evidence == null || evidence.title() == null || evidence.title().isBlank()) {
                errors.add(error(line, field, "missing: every evidence item needs a title"));
                continue;
            }
            checkLength(errors, line, field, evidence.title(), MAX_SHORT_TEXT);
            checkLength(errors, line, names.evidenceReference(fieldPrefix, i), evidence.reference(), MAX_SHORT_TEXT);
            checkLength(errors, line, names.evidenceOwner(fieldPrefix, i), evidence.owner(), MAX_SHORT_TEXT);
        }
        return errors;
    }

    private static void checkLength(List<FieldError> errors, Integer line, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(error(line, field, "must be at most " + max + " characters, was " + value.length()));
        }
    }

    static FieldError error(Integer line, String field, String message) {
        return line == null ? new FieldError(field, message) : FieldError.atLine(line, field, message);
    }

    /** Field names of an answer in the request format, so that errors name what the client sent. */
    public interface FieldNames {

        String status();

        String maturity();

        String justification();

        String inclusionReasons();

        String notes();

        String evidenceTitle(String prefix, int index);

        String evidenceReference(String prefix, int index);

        String evidenceOwner(String prefix, int index);

        /** The field names of the JSON API. */
        FieldNames JSON = new FieldNames() {
            public String status() {
                return "status";
            }

            public String maturity() {
                return "maturity";
            }

            public String justification() {
                return "justification";
            }

            public String inclusionReasons() {
                return "inclusionReasons";
            }

            public String notes() {
                return "notes";
            }

            public String evidenceTitle(String prefix, int index) {
                return prefix + "evidence[" + index + "].title";
            }

            public String evidenceReference(String prefix, int index) {
                return prefix + "evidence[" + index + "].reference";
            }

            public String evidenceOwner(String prefix, int index) {
                return prefix + "evidence[" + index + "].owner";
            }
        };

        /** The column names of the CSV import. */
        FieldNames CSV = new FieldNames() {
            public String status() {
                return "status";
            }

            public String maturity() {
                return "maturity";
            }

            public String justification() {
                return "justification";
            }

            public String inclusionReasons() {
                return "inclusion_reasons";
            }

            public String notes() {
                return "notes";
            }

            public String evidenceTitle(String prefix, int index) {
                return "evidence_title";
            }

            public String evidenceReference(String prefix, int index) {
                return "evidence_reference";
            }

            public String evidenceOwner(String prefix, int index) {
                return "evidence_owner";
            }
        };
    }
}

package io.gaplens.assessment.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gaplens.assessment.api.AnswerViews.ImportResult;
import io.gaplens.assessment.api.AnswerViews.ImportedAnswer;
import io.gaplens.assessment.config.AssessmentConfig;
import io.gaplens.assessment.domain.Assessment;
import io.gaplens.assessment.domain.AssessmentRequirement;
import io.gaplens.assessment.domain.Evidence;
import io.gaplens.assessment.domain.ImplementationStatus;
import io.gaplens.assessment.domain.InclusionReason;
import io.gaplens.assessment.domain.Provenance;
import io.gaplens.assessment.service.AnswerService.Recorded;
import io.gaplens.assessment.service.AnswerService.ResolvedAnswer;
import io.gaplens.assessment.service.CatalogClient.CatalogMapping;
import io.gaplens.platform.api.ApiException;
import io.gaplens.platform.api.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Bulk import of answers from JSON or CSV. Every row is parsed, resolved to the assessment's
 * requirements and checked first; only when no row has an error are all answers stored, in one
 * transaction.
 *
 * <p>A reference the pinned version does not have is looked up in the legacy version of the same
 * catalogue (ISO/IEC 27001:2013 by default) and translated through catalog-service's mapping. The
 * answer is carried to every mapped requirement with its provenance; it needs review when it maps to
 * several requirements or when several legacy rows map to the same requirement. Those rows are then
 * merged conservatively: the weakest status, the lowest maturity, and all reasons, notes and evidence.
 */
@ApplicationScoped
public class AnswerImportService {

    @Inject
    AssessmentLookup lookup;

    @Inject
    AnswerService answers;

    @Inject
    CatalogClient catalog;

    @Inject
    AssessmentConfig config;

    @Inject
    ObjectMapper objectMapper;

    public ImportResult importCsv(String tenant, String user, UUID assessmentId, byte[] body) {
        Assessment assessment = checkedAssessment(tenant, assessmentId);
        String text = decode(body);
        return importRows(tenant, user, assessment, CsvAnswerParser.parse(text, config.bulkImport().maxRows()));
    }

    public ImportResult importJson(String tenant, String user, UUID assessmentId, byte[] body) {
        Assessment assessment = checkedAssessment(tenant, assessmentId);
        String text = decode(body);
        return importRows(tenant, user, assessment,
                JsonAnswerParser.parse(objectMapper, text, config.bulkImport().maxRows()));
    }

    private Assessment checkedAssessment(String tenant, UUID assessmentId) {
        Assessment assessment = lookup.assessment(tenant, assessmentId);
        AnswerService.requireAnswerable(assessment);
        return assessment;
    }

    private ImportResult importRows(String tenant, String user, Assessment assessment, List<ImportRow> rows) {
        if (rows.isEmpty()) {
            throw ApiException.invalid("body", "the import has no rows");
        }
        List<FieldError> errors = new ArrayList<>();
        Map<String, Target> targets = new LinkedHashMap<>();
        Map<String, Optional<List<CatalogMapping>>> mappingCache = new HashMap<>();
        for (ImportRow row : rows) {
            if (!row.errors().isEmpty()) {
                errors.addAll(row.errors());
                continue;
            }
            resolve(assessment, row, mappingCache, targets, errors);
        }

        List<ResolvedAnswer> resolved = new ArrayList<>();
        for (Target target : targets.values()) {
            ResolvedAnswer answer = target.merge();
            List<FieldError> ruleErrors = AnswerRules.check(answer.input(), target.requirement,
                    target.rows.get(0).fieldPrefix(), target.rows.get(0).line(), target.rows.get(0).names());
            errors.addAll(ruleErrors);
            resolved.add(answer);
        }
        if (!errors.isEmpty()) {
            List<FieldError> sorted = errors.stream().distinct()
                    .sorted(Comparator.comparing((FieldError error) -> error.line() == null ? 0 : error.line()))
                    .toList();
            throw ApiException.invalid(sorted.size() + " errors in the import; nothing was imported", sorted);
        }

        List<Recorded> recorded = answers.recordAll(tenant, user, assessment.id, resolved);
        List<ImportedAnswer> imported = recorded.stream()
                .map(result -> new ImportedAnswer(result.requirement().ref, result.answer().status.name(),
                        result.changed(), result.answer().reviewRequired, result.answer().provenance))
                .toList();
        int changed = (int) recorded.stream().filter(Recorded::changed).count();
        return new ImportResult(rows.size(), changed, recorded.size() - changed, imported);
    }

    /** Adds the row to the targets it answers, or adds an error when its reference is unknown or repeated. */
    private void resolve(Assessment assessment, ImportRow row, Map<String, Optional<List<CatalogMapping>>> cache,
                         Map<String, Target> targets, List<FieldError> errors) {
        Optional<AssessmentRequirement> direct = lookup.findRequirement(assessment, row.requirement());
        if (direct.isPresent()) {
            AssessmentRequirement requirement = direct.get();
            Target target = targets.computeIfAbsent(requirement.ref, ref -> new Target(requirement));
            Optional<ImportRow> earlier = target.rows.stream().findFirst();
            if (earlier.isPresent()) {
                errors.add(FieldError.atLine(row.line(), row.requirementField(), "requirement " + requirement.ref
                        + " is answered again; line " + earlier.get().line() + " answers it already"));
                return;
            }
            target.add(row, null, false);
            return;
        }

        String legacyVersion = config.bulkImport().legacyVersion();
        if (legacyVersion.equals(assessment.catalogVersion)) {
            errors.add(unknown(assessment, row, null));
            return;
        }
        Optional<List<CatalogMapping>> mappings = cache.computeIfAbsent(row.requirement(),
                ref -> catalog.mappings(assessment.catalogId, legacyVersion, ref));
        List<CatalogMapping> usable = mappings.orElse(List.of()).stream()
                .filter(mapping -> assessment.catalogId.equals(mapping.targetCatalog())
                        && assessment.catalogVersion.equals(mapping.targetVersion()))
                .toList();
        if (usable.isEmpty()) {
            errors.add(unknown(assessment, row, mappings.isPresent() ? legacyVersion : null));
            return;
        }
        boolean several = usable.size() > 1;
        for (CatalogMapping mapping : usable) {
            Optional<AssessmentRequirement> requirement = lookup.findRequirement(assessment, mapping.targetRef());
            if (requirement.isEmpty()) {
                errors.add(FieldError.atLine(row.line(), row.requirementField(), row.requirement() + " ("
                        + assessment.catalogId + " " + legacyVersion + ") maps to " + mapping.targetRef()
                        + ", which this assessment does not assess"));
                continue;
            }
            Target target = targets.computeIfAbsent(requirement.get().ref, ref -> new Target(requirement.get()));
            Optional<ImportRow> directRow = target.directRow();
            if (directRow.isPresent()) {
                errors.add(FieldError.atLine(row.line(), row.requirementField(), row.requirement() + " maps to "
                        + target.requirement.ref + ", which line " + directRow.get().line()
                        + " answers already; answer each requirement once"));
                continue;
            }
            target.add(row, new Provenance(assessment.catalogId, legacyVersion, row.requirement(),
                    mapping.relationship(), row.line()), several);
        }
    }

    private static FieldError unknown(Assessment assessment, ImportRow row, String legacyVersion) {
        String where = assessment.catalogId + " " + assessment.catalogVersion;
        String message = legacyVersion == null
                ? "unknown requirement '" + row.requirement() + "' in " + where
                : "'" + row.requirement() + "' of " + assessment.catalogId + " " + legacyVersion
                        + " has no mapping to " + where;
        return FieldError.atLine(row.line(), row.requirementField(), message);
    }

    private static String decode(byte[] body) {
        if (body == null || body.length == 0) {
            throw ApiException.invalid("body", "missing: send the answers in the request body");
        }
        int offset = 0;
        if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
            offset = 3;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body, offset, body.length - offset))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ApiException.invalid("body", "is not valid UTF-8: save the file as UTF-8 and send it again");
        }
    }

    /** The rows that answer one requirement of the assessment. */
    private static final class Target {
        private final AssessmentRequirement requirement;
        private final List<ImportRow> rows = new ArrayList<>();
        private final List<Provenance> provenance = new ArrayList<>();
        private boolean reviewRequired;

        Target(AssessmentRequirement requirement) {
            this.requirement = requirement;
        }

        void add(ImportRow row, Provenance source, boolean mappedToSeveral) {
            rows.add(row);
            if (source != null) {
                provenance.add(source);
            }
            reviewRequired = reviewRequired || mappedToSeveral || rows.size() > 1;
        }

        Optional<ImportRow> directRow() {
            return provenance.isEmpty() ? rows.stream().findFirst() : Optional.empty();
        }

        ResolvedAnswer merge() {
            if (rows.size() == 1) {
                return new ResolvedAnswer(requirement, rows.get(0).input(), reviewRequired, provenance);
            }
            ImplementationStatus status = null;
            Integer maturity = null;
            LinkedHashSet<InclusionReason> reasons = new LinkedHashSet<>();
            LinkedHashSet<Evidence> evidence = new LinkedHashSet<>();
            List<String> justifications = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            for (ImportRow row : rows) {
                AnswerInput input = row.input();
                status = weaker(status, input.status());
                if (input.maturity() != null) {
                    maturity = maturity == null ? input.maturity() : Math.min(maturity, input.maturity());
                }
                reasons.addAll(input.inclusionReasons());
                evidence.addAll(input.evidence());
                if (input.justification() != null) {
                    justifications.add(row.requirement() + ": " + input.justification());
                }
                if (input.notes() != null) {
                    notes.add(row.requirement() + ": " + input.notes());
                }
            }
            if (status != ImplementationStatus.NOT_APPLICABLE) {
                justifications.clear();
            }
            AnswerInput merged = new AnswerInput(status, maturity,
                    justifications.isEmpty() ? null : String.join("\n", justifications),
                    status == ImplementationStatus.NOT_APPLICABLE ? List.of() : List.copyOf(reasons),
                    notes.isEmpty() ? null : String.join("\n", notes), List.copyOf(evidence), null, null);
            return new ResolvedAnswer(requirement, merged, true, provenance);
        }

        /**
         * Returns the weaker of two statuses: NOT_IMPLEMENTED, then PARTIALLY_IMPLEMENTED, then
         * IMPLEMENTED. NOT_ASSESSED and NOT_APPLICABLE give way to any assessed status.
         */
        private static ImplementationStatus weaker(ImplementationStatus current, ImplementationStatus next) {
            if (current == null) {
                return next;
            }
            return rank(next) < rank(current) ? next : current;
        }

        private static int rank(ImplementationStatus status) {
            return switch (status) {
                case NOT_IMPLEMENTED -> 0;
                case PARTIALLY_IMPLEMENTED -> 1;
                case IMPLEMENTED -> 2;
                case NOT_APPLICABLE -> 3;
                case NOT_ASSESSED -> 4;
            };
        }
    }
}

package io.gaplens.risk.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.gaplens.platform.api.ApiException;
import io.gaplens.platform.api.ETags;
import io.gaplens.platform.api.FieldError;
import io.gaplens.risk.domain.FactorKind;
import io.gaplens.risk.domain.Risk;
import io.gaplens.risk.domain.RiskFactor;
import io.gaplens.risk.domain.RiskStatus;
import io.gaplens.risk.domain.TreatmentOption;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The changes a risk manager makes to one risk: a chosen rating, a treatment decision, links to threats and vulnerabilities. */
@ApplicationScoped
public class RiskDecisions {

    private static final Logger LOG = Logger.getLogger(RiskDecisions.class);
    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_TEXT_LENGTH = 4000;

    @Inject
    RiskMethods methods;

    @Inject
    RiskRating rating;

    /** A treatment decision as a risk manager sends it; {@code residual*} is the expected effect of a mitigation. */
    public record Treatment(TreatmentOption option, String owner, String rationale, LocalDate decidedOn,
                            String approver, LocalDate expiresOn, Integer residualLikelihood, Integer residualImpact) {
    }

    public Risk find(String tenantId, String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Risk", id);
        }
        return Risk.find(tenantId, uuid).orElseThrow(() -> ApiException.notFound("Risk", id));
    }

    /**
     * Sets the likelihood and/or impact by hand. A field that is absent keeps its value, a field set
     * to null returns to the computed value; the rationale is required.
     */
    @Transactional
    public Risk chooseRating(String tenantId, String id, String ifMatch, JsonNode body, String user) {
        Risk risk = find(tenantId, id);
        ETags.requireMatch(ifMatch, risk.rowVersion);
        requireOpen(risk);
        RiskMethod method = methods.methodOf(tenantId);

        List<FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw ApiException.invalid("body", "must be a JSON object with likelihood, impact and rationale");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!Set.of("likelihood", "impact", "rationale").contains(name)) {
                errors.add(new FieldError(name, "unknown field"));
            }
        }
        if (!body.has("likelihood") && !body.has("impact")) {
            errors.add(new FieldError("likelihood", "missing: give likelihood, impact or both (null returns to the computed value)"));
        }
        Integer likelihood = scaleValue(body, "likelihood", method.likelihoodSize(), errors);
        Integer impact = scaleValue(body, "impact", method.impactSize(), errors);
        String rationale = text(body.get("rationale"), "rationale", true, MAX_TEXT_LENGTH, errors);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }

        RiskRating.State before = rating.before(risk);
        if (body.has("likelihood")) {
            risk.chosenLikelihood = likelihood;
        }
        if (body.has("impact")) {
            risk.chosenImpact = impact;
        }
        risk.chosenRationale = rationale;
        risk.chosenBy = user;
        risk.chosenAt = OffsetDateTime.now(ZoneOffset.UTC);
        if (risk.treatment == TreatmentOption.MITIGATE) {
            keepExpectedWithinInherent(risk);
        }
        rating.settle(risk, method, before, user, "RATING_CHOSEN", rationale);
        risk.flush();
        LOG.infof("risk %s: rating chosen by %s, now %s (score %d)", risk.id, user, risk.level, risk.score);
        return risk;
    }

    /** Records a treatment decision and the residual rating that follows from it. */
    @Transactional
    public Risk decideTreatment(String tenantId, String id, String ifMatch, Treatment treatment, String user) {
        Risk risk = find(tenantId, id);
        ETags.requireMatch(ifMatch, risk.rowVersion);
        requireOpen(risk);
        validate(treatment, risk, methods.methodOf(tenantId));

        RiskRating.State before = rating.before(risk);
        risk.treatment = treatment.option();
        risk.treatmentOwner = treatment.owner().trim();
        risk.treatmentRationale = treatment.rationale().trim();
        risk.treatmentDecidedOn = treatment.decidedOn();
        risk.treatmentApprover = treatment.approver() == null || treatment.approver().isBlank() ? null
                : treatment.approver().trim();
        risk.treatmentExpiresOn = treatment.expiresOn();
        risk.expectedLikelihood = treatment.residualLikelihood();
        risk.expectedImpact = treatment.residualImpact();
        rating.settle(risk, methods.methodOf(tenantId), before, user, "TREATMENT_DECIDED", treatment.rationale().trim());
        risk.flush();
        LOG.infof("risk %s: treatment %s decided by %s, residual %s", risk.id, treatment.option(), user,
                risk.residualLevel);
        return risk;
    }

    /** Links a threat or vulnerability to a risk and re-rates the risk. Linking twice changes nothing. */
    @Transactional
    public Risk link(String tenantId, String id, String ifMatch, FactorKind kind, String factorId, String user) {
        Risk risk = find(tenantId, id);
        ETags.requireMatch(ifMatch, risk.rowVersion);
        requireOpen(risk);
        RiskFactor factor = RiskFactors.find(tenantId, kind, factorId);
        if (risk.factors.contains(factor)) {
            return risk;
        }
        RiskRating.State before = rating.before(risk);
        risk.factors.add(factor);
        rating.settle(risk, methods.methodOf(tenantId), before, user, "LINKED",
                kind.name().toLowerCase() + " '" + factor.name + "' linked");
        risk.flush();
        return risk;
    }

    /** Removes a link and re-rates the risk. */
    @Transactional
    public Risk unlink(String tenantId, String id, String ifMatch, FactorKind kind, String factorId, String user) {
        Risk risk = find(tenantId, id);
        ETags.requireMatch(ifMatch, risk.rowVersion);
        requireOpen(risk);
        RiskFactor factor = RiskFactors.find(tenantId, kind, factorId);
        if (!risk.factors.remove(factor)) {
            throw ApiException.notFound(kind == FactorKind.THREAT ? "Link to threat" : "Link to vulnerability", factorId);
        }
        RiskRating.State before = rating.before(risk);
        rating.settle(risk, methods.methodOf(tenantId), before, user, "UNLINKED",
                kind.name().toLowerCase() + " '" + factor.name + "' unlinked");
        risk.flush();
        return risk;
    }

    private static void requireOpen(Risk risk) {
        if (risk.status == RiskStatus.CLOSED) {
            throw ApiException.conflict("Risk " + risk.id + " is closed because its gap was closed; "
                    + "it opens again when the gap is identified again", "status");
        }
    }

    /** A chosen rating may lower the inherent rating below a mitigation's expected effect; the effect follows it down. */
    private static void keepExpectedWithinInherent(Risk risk) {
        int likelihood = risk.chosenLikelihood != null ? risk.chosenLikelihood : risk.computedLikelihood;
        int impact = risk.chosenImpact != null ? risk.chosenImpact : risk.computedImpact;
        risk.expectedLikelihood = Math.min(risk.expectedLikelihood, likelihood);
        risk.expectedImpact = Math.min(risk.expectedImpact, impact);
    }

    private static void validate(Treatment treatment, Risk risk, RiskMethod method) {
        if (treatment == null) {
            throw ApiException.invalid("body", "missing: send the treatment decision as a JSON object");
        }
        List<FieldError> errors = new ArrayList<>();
        if (treatment.option() == null) {
            errors.add(new FieldError("option", "missing, expected one of " + List.of(TreatmentOption.values())));
        }
        text(treatment.owner(), "owner", MAX_NAME_LENGTH, errors);
        text(treatment.rationale(), "rationale", MAX_TEXT_LENGTH, errors);
        if (treatment.decidedOn() == null) {
            errors.add(new FieldError("decidedOn", "missing: the date of the decision (YYYY-MM-DD)"));
        }
        if (treatment.approver() != null && treatment.approver().length() > MAX_NAME_LENGTH) {
            errors.add(new FieldError("approver", "must be at most " + MAX_NAME_LENGTH + " characters"));
        }

        TreatmentOption option = treatment.option();
        if (option == TreatmentOption.ACCEPT) {
            if (treatment.approver() == null || treatment.approver().isBlank()) {
                errors.add(new FieldError("approver", "missing: accepting a risk needs the name of who approved it"));
            }
            if (treatment.expiresOn() == null) {
                errors.add(new FieldError("expiresOn", "missing: an acceptance needs an expiry date (YYYY-MM-DD)"));
            } else if (treatment.decidedOn() != null && !treatment.expiresOn().isAfter(treatment.decidedOn())) {
                errors.add(new FieldError("expiresOn", "must be after decidedOn " + treatment.decidedOn()
                        + ", was " + treatment.expiresOn()));
            }
        } else if (option != null && treatment.expiresOn() != null) {
            errors.add(new FieldError("expiresOn", "only an ACCEPT decision expires; remove it for " + option));
        }

        if (option == TreatmentOption.MITIGATE) {
            expected(treatment.residualLikelihood(), "residualLikelihood", risk.likelihood, method.likelihoodSize(), errors);
            expected(treatment.residualImpact(), "residualImpact", risk.impact, method.impactSize(), errors);
        } else if (option != null) {
            if (treatment.residualLikelihood() != null) {
                errors.add(new FieldError("residualLikelihood", "only MITIGATE sets an expected residual rating; "
                        + option + " keeps the inherent rating"));
            }
            if (treatment.residualImpact() != null) {
                errors.add(new FieldError("residualImpact", "only MITIGATE sets an expected residual rating; "
                        + option + " keeps the inherent rating"));
            }
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
    }

    private static void expected(Integer value, String field, int inherent, int scaleSize, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(field, "missing: a mitigation needs its expected effect (1 to " + inherent + ")"));
        } else if (value < 1 || value > scaleSize) {
            errors.add(new FieldError(field, "must be between 1 and " + scaleSize + " (the scale of the risk method), was " + value));
        } else if (value > inherent) {
            errors.add(new FieldError(field, "must not exceed the inherent value " + inherent
                    + ": a mitigation does not raise the risk, was " + value));
        }
    }

    private static Integer scaleValue(JsonNode body, String field, int scaleSize, List<FieldError> errors) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            errors.add(new FieldError(field, "must be an integer or null"));
            return null;
        }
        int value = node.intValue();
        if (value < 1 || value > scaleSize) {
            errors.add(new FieldError(field, "must be between 1 and " + scaleSize
                    + " (the " + field + " scale of the risk method), was " + value));
            return null;
        }
        return value;
    }

    private static String text(JsonNode node, String field, boolean required, int maxLength, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            if (required) {
                errors.add(new FieldError(field, "missing"));
            }
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        return text(node.asText(), field, maxLength, errors);
    }

    static String text(String value, String field, int maxLength, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, value == null ? "missing" : "must not be blank"));
            return null;
        }
        if (value.length() > maxLength) {
            errors.add(new FieldError(field, "must be at most " + maxLength + " characters"));
            return null;
        }
        return value.trim();
    }

    static ApiException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return ApiException.invalid(detail, errors);
    }
}

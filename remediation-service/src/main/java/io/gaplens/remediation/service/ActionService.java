package io.gaplens.remediation.service;

import io.gaplens.platform.api.ApiException;
import io.gaplens.platform.api.ETags;
import io.gaplens.platform.api.FieldError;
import io.gaplens.remediation.api.ActionRequests.CreateActionRequest;
import io.gaplens.remediation.api.ActionRequests.LinkRequirementsRequest;
import io.gaplens.remediation.api.ActionRequests.SplitPart;
import io.gaplens.remediation.api.ActionRequests.SplitRequest;
import io.gaplens.remediation.api.ActionRequests.StatusChangeRequest;
import io.gaplens.remediation.api.ActionRequests.UpdateActionRequest;
import io.gaplens.remediation.domain.ActionOrigin;
import io.gaplens.remediation.domain.ActionStatus;
import io.gaplens.remediation.domain.RemediationAction;
import io.gaplens.remediation.domain.RiskLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Changes that users make to remediation actions. Every change is audited and sends RemediationPlanned. */
@ApplicationScoped
public class ActionService {

    private static final Logger LOG = Logger.getLogger(ActionService.class);

    static final int MAX_REF_LENGTH = 100;
    /** The characters of a catalogue requirement reference, as the catalogue service accepts them. */
    static final Pattern REF_FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/()-]*");

    @Inject
    SettingsService settings;

    @Inject
    Replanner replanner;

    @Inject
    ActionJournal journal;

    @Inject
    Clock clock;

    public RemediationAction find(String tenantId, UUID id) {
        return RemediationAction.findInTenant(tenantId, id)
                .orElseThrow(() -> ApiException.notFound("Remediation action", id));
    }

    @Transactional
    public RemediationAction create(String tenantId, String user, CreateActionRequest request) {
        PlanningRules rules = settings.rulesFor(tenantId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        RemediationAction action = new RemediationAction();
        action.id = UUID.randomUUID();
        action.tenantId = tenantId;
        action.assessmentId = request.assessmentId();
        action.title = requireText("title", request.title());
        action.description = blankToNull(request.description());
        action.origin = ActionOrigin.USER;
        action.requirementRefs = normalizeRefs("requirementRefs", request.requirementRefs());
        action.riskLevel = request.riskLevel();
        action.riskLevel = replanner.levelOf(action);
        if (action.riskLevel == null) {
            throw ApiException.invalid("riskLevel",
                    "is required because no open rated gap covers the requirements " + action.sortedRequirementRefs());
        }
        action.owner = blankToNull(request.owner());
        action.plannedOn = LocalDate.now(clock.withZone(rules.timeZone()));
        action.dueDateManual = request.dueDate() != null;
        action.dueDate = request.dueDate();
        action.priorityManual = request.priority() != null;
        action.priority = request.priority() == null ? 0 : request.priority();
        action.status = ActionStatus.PLANNED;
        action.createdAt = now;
        action.createdBy = user;
        action.updatedAt = now;
        replanner.planNew(action, rules);
        action.persistAndFlush();

        journal.change(action, "status", null, action.status, "added by a user", user, now);
        journal.planned(action, now);
        LOG.infof("assessment %s: action %s added by %s", action.assessmentId, action.id, user);
        return action;
    }

    @Transactional
    public RemediationAction update(String tenantId, String user, UUID id, String ifMatch, UpdateActionRequest request) {
        RemediationAction action = find(tenantId, id);
        ETags.requireMatch(ifMatch, action.rowVersion);
        requireUnfinished(action, "changed");
        if (request.dueDate() != null && !request.dueDate().equals(action.dueDate)
                && (request.dueDateReason() == null || request.dueDateReason().isBlank())) {
            throw ApiException.invalid("dueDateReason", "is required when the due date changes");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);

        boolean changed = false;
        if (request.title() != null) {
            String title = requireText("title", request.title());
            changed |= journal.change(action, "title", action.title, title, null, user, now);
            action.title = title;
        }
        if (request.description() != null) {
            String description = blankToNull(request.description());
            changed |= journal.change(action, "description", action.description, description, null, user, now);
            action.description = description;
        }
        if (request.owner() != null) {
            String owner = blankToNull(request.owner());
            changed |= journal.change(action, "owner", action.owner, owner, null, user, now);
            action.owner = owner;
        }
        if (request.priority() != null) {
            changed |= journal.change(action, "priority", action.priority, request.priority(), null, user, now);
            action.priority = request.priority();
            action.priorityManual = true;
        }
        if (request.dueDate() != null && !request.dueDate().equals(action.dueDate)) {
            changed |= journal.change(action, "dueDate", action.dueDate, request.dueDate(),
                    request.dueDateReason().trim(), user, now);
            action.dueDate = request.dueDate();
            action.dueDateManual = true;
        }
        return finish(action, changed, now);
    }

    @Transactional
    public RemediationAction changeStatus(String tenantId, String user, UUID id, String ifMatch,
                                          StatusChangeRequest request) {
        RemediationAction action = find(tenantId, id);
        ETags.requireMatch(ifMatch, action.rowVersion);
        ActionStatus from = action.status;
        ActionStatus to = request.status();
        if (!from.canBecome(to)) {
            throw ApiException.conflict("Action " + id + " cannot go from " + from + " to " + to
                    + "; allowed next statuses: " + (from.next().isEmpty() ? "none, " + from + " is final" : from.next()),
                    "status");
        }
        String reason = blankToNull(request.reason());
        boolean reasonRequired = to == ActionStatus.BLOCKED || to == ActionStatus.CANCELLED
                || from == ActionStatus.DONE && to == ActionStatus.IN_PROGRESS;
        if (reasonRequired && reason == null) {
            throw ApiException.invalid("reason", "is required when the status becomes " + to
                    + (from == ActionStatus.DONE ? " from DONE" : ""));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime at = request.at() == null ? now : request.at();
        if (at.isAfter(now)) {
            throw ApiException.invalid("at", "must not be in the future, was " + request.at());
        }

        journal.change(action, "status", from, to, reason, user, now);
        action.status = to;
        action.blockedReason = to == ActionStatus.BLOCKED ? reason : null;
        switch (to) {
            case DONE -> {
                action.completedAt = at;
                action.completedBy = user;
            }
            case VERIFIED -> {
                action.verifiedAt = at;
                action.verifiedBy = user;
            }
            case IN_PROGRESS -> {
                action.completedAt = null;
                action.completedBy = null;
            }
            default -> { }
        }
        finish(action, true, now);
        if (to == ActionStatus.DONE) {
            journal.completed(action);
        }
        LOG.infof("action %s: %s -> %s by %s", id, from, to, user);
        return action;
    }

    /**
     * Splits an action into parts. The first part keeps the action's id and history, the others
     * become new actions that copy its assessment, dependencies and planning date. Together the
     * parts must cover every requirement of the split action.
     */
    @Transactional
    public List<RemediationAction> split(String tenantId, String user, UUID id, String ifMatch, SplitRequest request) {
        RemediationAction original = find(tenantId, id);
        ETags.requireMatch(ifMatch, original.rowVersion);
        requireUnfinished(original, "split");
        List<Set<String>> partRefs = validateParts(original, request.parts());
        PlanningRules rules = settings.rulesFor(tenantId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        String reason = "split into " + request.parts().size() + " actions";

        List<RemediationAction> parts = new ArrayList<>();
        for (int i = 0; i < request.parts().size(); i++) {
            SplitPart part = request.parts().get(i);
            RemediationAction action = i == 0 ? reshapeFirstPart(original, part, partRefs.get(0), reason, user, now)
                    : newPart(original, part, partRefs.get(i), user, now);
            replanner.replan(action, rules, reason, user, now);
            parts.add(finish(action, true, now));
        }
        LOG.infof("action %s split into %d actions by %s", id, parts.size(), user);
        return parts;
    }

    @Transactional
    public RemediationAction linkRequirements(String tenantId, String user, UUID id, String ifMatch,
                                              LinkRequirementsRequest request) {
        RemediationAction action = find(tenantId, id);
        ETags.requireMatch(ifMatch, action.rowVersion);
        requireUnfinished(action, "changed");
        Set<String> added = normalizeRefs("requirementRefs", request.requirementRefs());
        if (action.requirementRefs.size() + added.size() > 1000) {
            throw ApiException.invalid("requirementRefs", "an action covers at most 1000 requirements");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);

        List<String> before = action.sortedRequirementRefs();
        action.requirementRefs.addAll(added);
        boolean changed = journal.change(action, "requirementRefs", before, action.sortedRequirementRefs(),
                "gaps linked", user, now);
        changed |= replanner.replan(action, settings.rulesFor(tenantId), "gaps linked", user, now);
        return finish(action, changed, now);
    }

    @Transactional
    public RemediationAction addDependency(String tenantId, String user, UUID id, String ifMatch, UUID dependsOnId) {
        RemediationAction action = find(tenantId, id);
        ETags.requireMatch(ifMatch, action.rowVersion);
        RemediationAction prerequisite = RemediationAction.findInTenant(tenantId, dependsOnId)
                .orElseThrow(() -> ApiException.notFound("Remediation action", dependsOnId));
        if (!prerequisite.assessmentId.equals(action.assessmentId)) {
            throw ApiException.invalid("dependsOn", "action " + dependsOnId + " belongs to assessment "
                    + prerequisite.assessmentId + ", not to " + action.assessmentId);
        }
        if (action.dependsOn.contains(dependsOnId)) {
            return action;
        }
        DependencyGraph.of(tenantId, action.assessmentId).requireNoCycle(id, dependsOnId);
        OffsetDateTime now = OffsetDateTime.now(clock);

        List<UUID> before = sorted(action.dependsOn);
        action.dependsOn.add(dependsOnId);
        journal.change(action, "dependsOn", before, sorted(action.dependsOn), null, user, now);
        return finish(action, true, now);
    }

    @Transactional
    public RemediationAction removeDependency(String tenantId, String user, UUID id, String ifMatch, UUID dependsOnId) {
        RemediationAction action = find(tenantId, id);
        ETags.requireMatch(ifMatch, action.rowVersion);
        if (!action.dependsOn.contains(dependsOnId)) {
            throw ApiException.notFound("Dependency of action " + id + " on action", dependsOnId);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);

        List<UUID> before = sorted(action.dependsOn);
        action.dependsOn.remove(dependsOnId);
        journal.change(action, "dependsOn", before, sorted(action.dependsOn), null, user, now);
        return finish(action, true, now);
    }

    private RemediationAction finish(RemediationAction action, boolean changed, OffsetDateTime now) {
        if (changed) {
            action.updatedAt = now;
            action.persistAndFlush();
            journal.planned(action, now);
        }
        return action;
    }

    private RemediationAction reshapeFirstPart(RemediationAction action, SplitPart part, Set<String> refs,
                                               String reason, String user, OffsetDateTime now) {
        journal.change(action, "title", action.title, part.title().trim(), reason, user, now);
        action.title = part.title().trim();
        List<String> before = action.sortedRequirementRefs();
        action.requirementRefs = new HashSet<>(refs);
        journal.change(action, "requirementRefs", before, action.sortedRequirementRefs(), reason, user, now);
        if (part.description() != null) {
            action.description = blankToNull(part.description());
        }
        if (part.owner() != null) {
            journal.change(action, "owner", action.owner, blankToNull(part.owner()), reason, user, now);
            action.owner = blankToNull(part.owner());
        }
        if (part.dueDate() != null) {
            journal.change(action, "dueDate", action.dueDate, part.dueDate(), reason, user, now);
            action.dueDate = part.dueDate();
            action.dueDateManual = true;
        }
        return action;
    }

    private RemediationAction newPart(RemediationAction original, SplitPart part, Set<String> refs, String user,
                                      OffsetDateTime now) {
        RemediationAction action = new RemediationAction();
        action.id = UUID.randomUUID();
        action.tenantId = original.tenantId;
        action.assessmentId = original.assessmentId;
        action.title = part.title().trim();
        action.description = part.description() == null ? original.description : blankToNull(part.description());
        action.origin = ActionOrigin.SPLIT;
        action.splitFromId = original.id;
        action.requirementRefs = new HashSet<>(refs);
        action.riskLevel = original.riskLevel;
        action.phase = original.phase;
        action.priority = original.priority;
        action.priorityManual = original.priorityManual;
        action.owner = part.owner() == null ? original.owner : blankToNull(part.owner());
        action.plannedOn = original.plannedOn;
        action.dueDate = part.dueDate() == null ? original.dueDate : part.dueDate();
        action.dueDateManual = part.dueDate() != null || original.dueDateManual;
        action.status = ActionStatus.PLANNED;
        action.dependsOn = new HashSet<>(original.dependsOn);
        action.createdAt = now;
        action.createdBy = user;
        action.updatedAt = now;
        action.persist();
        journal.change(action, "status", null, action.status, "split from action " + original.id, user, now);
        return action;
    }

    private static List<Set<String>> validateParts(RemediationAction original, List<SplitPart> parts) {
        List<FieldError> errors = new ArrayList<>();
        List<Set<String>> partRefs = new ArrayList<>();
        Set<String> covered = new HashSet<>();
        for (int i = 0; i < parts.size(); i++) {
            SplitPart part = parts.get(i);
            String prefix = "parts[" + i + "].";
            if (part == null) {
                errors.add(new FieldError("parts[" + i + "]", "must not be null"));
                partRefs.add(Set.of());
                continue;
            }
            if (part.title() == null || part.title().isBlank() || part.title().length() > 500) {
                errors.add(new FieldError(prefix + "title", "must not be blank and at most 500 characters"));
            }
            if (part.description() != null && part.description().length() > 10_000) {
                errors.add(new FieldError(prefix + "description", "must be at most 10000 characters"));
            }
            if (part.owner() != null && part.owner().length() > 200) {
                errors.add(new FieldError(prefix + "owner", "must be at most 200 characters"));
            }
            Set<String> refs = new LinkedHashSet<>();
            if (part.requirementRefs() == null) {
                refs.addAll(original.requirementRefs);
            }
            List<String> listedRefs = part.requirementRefs() == null ? List.of() : part.requirementRefs();
            for (int j = 0; j < listedRefs.size(); j++) {
                if (listedRefs.get(j) == null || listedRefs.get(j).isBlank()) {
                    errors.add(new FieldError(prefix + "requirementRefs[" + j + "]", "must not be blank"));
                } else {
                    refs.add(listedRefs.get(j).trim());
                }
            }
            if (refs.isEmpty()) {
                errors.add(new FieldError(prefix + "requirementRefs", "must not be empty"));
            }
            for (String ref : refs) {
                if (!original.requirementRefs.contains(ref)) {
                    errors.add(new FieldError(prefix + "requirementRefs",
                            ref + " is not covered by the split action, which covers " + original.sortedRequirementRefs()));
                }
            }
            covered.addAll(refs);
            partRefs.add(refs);
        }
        for (String ref : original.sortedRequirementRefs()) {
            if (!covered.contains(ref)) {
                errors.add(new FieldError("parts", "requirement " + ref + " is covered by no part"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                    : errors.size() + " fields are invalid", errors);
        }
        return partRefs;
    }

    private static void requireUnfinished(RemediationAction action, String verb) {
        if (!action.status.isUnfinished()) {
            throw ApiException.conflict("Action " + action.id + " is " + action.status + " and cannot be " + verb
                    + "; only PLANNED, IN_PROGRESS and BLOCKED actions can", "status");
        }
    }

    static Set<String> normalizeRefs(String field, List<String> refs) {
        Set<String> normalized = new LinkedHashSet<>();
        for (int i = 0; i < refs.size(); i++) {
            String ref = refs.get(i) == null ? "" : refs.get(i).trim();
            if (ref.isEmpty()) {
                throw ApiException.invalid(field + "[" + i + "]", "must not be blank");
            }
            if (ref.length() > MAX_REF_LENGTH) {
                throw ApiException.invalid(field + "[" + i + "]", "must be at most " + MAX_REF_LENGTH + " characters");
            }
            // Rejecting quotes, spaces and a leading = + - @ keeps formulas out of the CSV and XLSX reports.
            if (!REF_FORMAT.matcher(ref).matches()) {
                throw ApiException.invalid(field + "[" + i + "]", "must be a requirement reference such as A.5.7 or"
                        + " 9.2.1 (letters, digits and . _ : / ( ) -, starting with a letter or digit), was '" + ref + "'");
            }
            normalized.add(ref);
        }
        return new HashSet<>(normalized);
    }

    private static String requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid(field, "must not be blank");
        }
        return value.trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static List<UUID> sorted(Set<UUID> ids) {
        return ids.stream().sorted().toList();
    }
}

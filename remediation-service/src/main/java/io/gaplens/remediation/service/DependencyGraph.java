package io.gaplens.remediation.service;

import io.gaplens.platform.api.ApiException;
import io.gaplens.platform.api.FieldError;
import io.gaplens.platform.api.ProblemType;
import io.gaplens.remediation.domain.RemediationAction;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The dependencies between the actions of one assessment, as a directed graph from an action to its prerequisites. */
final class DependencyGraph {

    private final Map<UUID, Set<UUID>> prerequisites;

    private DependencyGraph(Map<UUID, Set<UUID>> prerequisites) {
        this.prerequisites = prerequisites;
    }

    static DependencyGraph of(String tenantId, UUID assessmentId) {
        Map<UUID, Set<UUID>> edges = new HashMap<>();
        List<RemediationAction> actions = RemediationAction.list("tenantId = ?1 and assessmentId = ?2", tenantId,
                assessmentId);
        for (RemediationAction action : actions) {
            edges.put(action.id, action.dependsOn);
        }
        return new DependencyGraph(edges);
    }

    /**
     * Fails with 409 problem details when making {@code actionId} depend on {@code dependsOnId}
     * would close a cycle, naming the actions on it.
     */
    void requireNoCycle(UUID actionId, UUID dependsOnId) {
        List<UUID> path = pathBetween(dependsOnId, actionId);
        if (path.isEmpty()) {
            return;
        }
        List<String> cycle = new ArrayList<>();
        cycle.add(actionId.toString());
        path.forEach(id -> cycle.add(id.toString()));
        String detail = "Action " + actionId + " cannot depend on action " + dependsOnId
                + " because that would create the dependency cycle " + String.join(" -> ", cycle);
        throw new ApiException(ProblemType.CONFLICT, detail, List.of(new FieldError("dependsOn", detail)));
    }

    /**
     * Returns the prerequisite path from {@code from} to {@code to}, both included, or an empty
     * list when {@code to} is not reachable. Visits each action once, so the search ends on any graph.
     */
    private List<UUID> pathBetween(UUID from, UUID to) {
        Map<UUID, UUID> reachedFrom = new HashMap<>();
        Deque<UUID> queue = new ArrayDeque<>();
        queue.add(from);
        reachedFrom.put(from, from);
        while (!queue.isEmpty()) {
            UUID current = queue.poll();
            if (current.equals(to)) {
                List<UUID> path = new ArrayList<>();
                for (UUID step = to; !step.equals(from); step = reachedFrom.get(step)) {
                    path.add(step);
                }
                path.add(from);
                Collections.reverse(path);
                return path;
            }
            for (UUID next : prerequisites.getOrDefault(current, Set.of())) {
                if (!reachedFrom.containsKey(next)) {
                    reachedFrom.put(next, current);
                    queue.add(next);
                }
            }
        }
        return List.of();
    }
}

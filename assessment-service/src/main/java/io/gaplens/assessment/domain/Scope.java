package io.gaplens.assessment.domain;

import java.util.Comparator;
import java.util.List;

/**
 * What an assessment covers: business units, processes, locations and assets, and the parts of the
 * organisation left out, each with a justification. Stored as JSON in {@code assessment.scope}.
 */
public record Scope(List<String> businessUnits, List<String> processes, List<String> locations, List<Asset> assets,
                    List<Exclusion> exclusions) {

    public Scope {
        businessUnits = businessUnits == null ? List.of() : List.copyOf(businessUnits);
        processes = processes == null ? List.of() : List.copyOf(processes);
        locations = locations == null ? List.of() : List.copyOf(locations);
        assets = assets == null ? List.of() : List.copyOf(assets);
        exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
    }

    public static Scope empty() {
        return new Scope(null, null, null, null, null);
    }

    /** Returns the highest criticality of the assets in scope, or MEDIUM when the scope names no asset. */
    public Criticality highestCriticality() {
        return assets.stream()
                .map(Asset::criticality)
                .max(Comparator.naturalOrder())
                .orElse(Criticality.MEDIUM);
    }

    /** An information asset in scope with its criticality. */
    public record Asset(String name, Criticality criticality) {
    }

    /** A part of the organisation left out of scope, with the reason. */
    public record Exclusion(String item, String justification) {
    }
}

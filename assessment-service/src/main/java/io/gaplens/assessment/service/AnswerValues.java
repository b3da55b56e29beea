package io.gaplens.assessment.service;

import io.gaplens.assessment.domain.ImplementationStatus;
import io.gaplens.assessment.domain.InclusionReason;

import java.util.Locale;
import java.util.Optional;

/** Parses the enumerated values of an answer leniently: case-insensitive, with spaces or hyphens for underscores. */
final class AnswerValues {

    private AnswerValues() {
    }

    static Optional<ImplementationStatus> status(String text) {
        String name = constantName(text);
        if (name.equals("N/A") || name.equals("NA")) {
            return Optional.of(ImplementationStatus.NOT_APPLICABLE);
        }
        for (ImplementationStatus status : ImplementationStatus.values()) {
            if (status.name().equals(name)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    static Optional<InclusionReason> inclusionReason(String text) {
        String name = constantName(text);
        for (InclusionReason reason : InclusionReason.values()) {
            if (reason.name().equals(name)) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }

    private static String constantName(String text) {
        return text.strip().replaceAll("[\\s-]+", "_").toUpperCase(Locale.ROOT);
    }
}

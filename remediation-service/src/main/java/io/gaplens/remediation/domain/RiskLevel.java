package io.gaplens.remediation.domain;

import java.util.Locale;
import java.util.Optional;

/** Risk levels from lowest to highest; the default priority of an action is its level's rank. */
public enum RiskLevel {
    LOW(4), MEDIUM(3), HIGH(2), CRITICAL(1);

    private final int defaultPriority;

    RiskLevel(int defaultPriority) {
        this.defaultPriority = defaultPriority;
    }

    public int defaultPriority() {
        return defaultPriority;
    }

    /** Parses a level case-insensitively; empty when {@code text} names no level. */
    public static Optional<RiskLevel> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static RiskLevel highest(RiskLevel a, RiskLevel b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.compareTo(b) >= 0 ? a : b;
    }
}

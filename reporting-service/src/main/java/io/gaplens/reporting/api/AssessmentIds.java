package io.gaplens.reporting.api;

import io.gaplens.platform.api.ApiException;

import java.util.UUID;

/** Parses assessment ids from paths, so that a malformed one gets a 400 response naming the parameter. */
final class AssessmentIds {

    private AssessmentIds() {
    }

    static UUID parse(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("assessmentId", "must be a UUID, was '" + value + "'");
        }
    }
}

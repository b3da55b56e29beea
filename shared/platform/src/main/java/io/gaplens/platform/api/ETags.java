package io.gaplens.platform.api;

import jakarta.ws.rs.core.EntityTag;

/**
 * Optimistic concurrency for shared records: the {@code ETag} is the row's version, and an update
 * must send it back in {@code If-Match}. A missing header is answered 428, a stale one 412.
 */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** Returns the version that {@code ifMatch} names, or fails with 428 or 412 problem details. */
    public static long requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException(ProblemType.PRECONDITION_REQUIRED,
                    "If-Match is required: send the ETag from your last read of this resource",
                    java.util.List.of(new FieldError("If-Match", "missing")));
        }
        String tag = ifMatch.trim();
        if (tag.equals("*")) {
            return currentVersion;
        }
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        if (!tag.equals(Long.toString(currentVersion))) {
            throw new ApiException(ProblemType.PRECONDITION_FAILED,
                    "The resource changed since it was read (If-Match " + ifMatch.trim()
                            + ", current ETag \"" + currentVersion + "\"): read it again and retry",
                    java.util.List.of(new FieldError("If-Match", "stale")));
        }
        return currentVersion;
    }
}

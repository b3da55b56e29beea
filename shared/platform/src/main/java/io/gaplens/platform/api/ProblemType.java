package io.gaplens.platform.api;

/** The stable kinds of problem a GapLens API returns, each with its status and title. */
public enum ProblemType {
    VALIDATION("validation", 400, "Invalid request"),
    MALFORMED_BODY("malformed-body", 400, "Malformed request body"),
    UNAUTHORIZED("unauthorized", 401, "Authentication required"),
    FORBIDDEN("forbidden", 403, "Not allowed"),
    NOT_FOUND("not-found", 404, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable"),
    CONFLICT("conflict", 409, "Conflict"),
    PRECONDITION_FAILED("precondition-failed", 412, "Precondition failed"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    PRECONDITION_REQUIRED("precondition-required", 428, "Precondition required"),
    INTERNAL("internal", 500, "Internal server error"),
    UNAVAILABLE("unavailable", 503, "Service unavailable");

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String uri() {
        return Problem.TYPE_PREFIX + slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** Returns the type that matches an HTTP status, or {@link #INTERNAL} for unknown 5xx statuses. */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status && type != MALFORMED_BODY) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : VALIDATION;
    }
}

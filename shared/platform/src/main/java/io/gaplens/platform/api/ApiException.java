package io.gaplens.platform.api;

import java.util.List;

/**
 * A failure that the client caused or can act on, answered as problem details with its status.
 * Services throw it; {@link ProblemMapper} turns it into the response.
 */
public class ApiException extends RuntimeException {

    private final ProblemType type;
    private final List<FieldError> errors;

    public ApiException(ProblemType type, String detail, List<FieldError> errors) {
        super(detail);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public ApiException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(ProblemType.VALIDATION, field + ": " + message, List.of(new FieldError(field, message)));
    }

    public static ApiException invalid(String detail, List<FieldError> errors) {
        return new ApiException(ProblemType.VALIDATION, detail, errors);
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(ProblemType.NOT_FOUND, what + " " + id + " was not found");
    }

    public static ApiException conflict(String detail) {
        return new ApiException(ProblemType.CONFLICT, detail);
    }

    public static ApiException conflict(String detail, String field) {
        return new ApiException(ProblemType.CONFLICT, detail, List.of(new FieldError(field, detail)));
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }
}

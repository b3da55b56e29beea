package io.gaplens.platform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Maps every exception that leaves a resource to RFC 9457 problem details. Client errors are
 * logged at DEBUG; only unexpected failures are logged at ERROR, and their details never reach
 * the client.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response mapApiException(ApiException e, UriInfo uri) {
        LOG.debugf("%s %s: %s", e.type().status(), uri.getPath(), e.getMessage());
        return response(e.type(), e.getMessage(), e.errors(), uri);
    }

    @ServerExceptionMapper
    public Response mapConstraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new FieldError(fieldName(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field));
        LOG.debugf("400 %s: %d invalid fields", uri.getPath(), errors.size());
        return response(ProblemType.VALIDATION, describe(errors), errors, uri);
    }

    @ServerExceptionMapper
    public Response mapJsonProcessing(JsonProcessingException e, UriInfo uri) {
        LOG.debugf("400 %s: unreadable body: %s", uri.getPath(), e.getOriginalMessage());
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping);
            String message = mappingMessage(mapping);
            return response(ProblemType.VALIDATION, field + ": " + message, List.of(new FieldError(field, message)), uri);
        }
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return response(ProblemType.MALFORMED_BODY, "The request body is not valid JSON" + where, List.of(), uri);
    }

    /**
     * Maps unreadable JSON values (an unknown enum constant, an unknown field, a malformed date).
     * quarkus-rest-jackson has its own mapper for this exception, which is more specific than
     * {@link JsonProcessingException} and would answer without naming the field.
     */
    @ServerExceptionMapper
    public Response mapMismatchedInput(MismatchedInputException e, UriInfo uri) {
        return mapJsonProcessing(e, uri);
    }

    /** Answers 412 when another request changed the same row between this request's If-Match check and its commit. */
    @ServerExceptionMapper
    public Response mapOptimisticLock(OptimisticLockException e, UriInfo uri) {
        LOG.debugf("412 %s: concurrent update", uri.getPath());
        return response(ProblemType.PRECONDITION_FAILED,
                "The resource was changed by another request at the same time: read it again and retry",
                List.of(new FieldError("If-Match", "stale")), uri);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response mapUnauthorized(RuntimeException e, UriInfo uri) {
        LOG.debugf("401 %s", uri.getPath());
        return Response.fromResponse(response(ProblemType.UNAUTHORIZED,
                        "A valid bearer token is required", List.of(), uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response mapForbidden(ForbiddenException e, UriInfo uri) {
        LOG.debugf("403 %s", uri.getPath());
        return response(ProblemType.FORBIDDEN, "The token's roles do not allow this operation", List.of(), uri);
    }

    @ServerExceptionMapper
    public Response mapWebApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException unreadable) {
            return mapJsonProcessing(unreadable, uri);
        }
        ProblemType type = ProblemType.forStatus(status);
        if (status >= 500) {
            LOG.errorf(e, "%d %s", status, uri.getPath());
            return response(type, type.title(), List.of(), uri);
        }
        LOG.debugf("%d %s: %s", status, uri.getPath(), e.getMessage());
        String detail = switch (type) {
            case NOT_FOUND -> "No resource at " + uri.getPath();
            case METHOD_NOT_ALLOWED -> "This method is not allowed on " + uri.getPath();
            case UNSUPPORTED_MEDIA_TYPE -> "This content type is not accepted here";
            case NOT_ACCEPTABLE -> "None of the accepted media types can be produced";
            default -> e.getMessage();
        };
        return response(type, detail, List.of(), uri);
    }

    @ServerExceptionMapper
    public Response mapUnexpected(Exception e, UriInfo uri) {
        LOG.errorf(e, "Unexpected failure on %s", uri.getPath());
        return response(ProblemType.INTERNAL, "The request failed unexpectedly; the server log has the details",
                List.of(), uri);
    }

    static Response response(ProblemType type, String detail, List<FieldError> errors, UriInfo uri) {
        Problem body = new Problem(type.uri(), type.title(), type.status(), detail,
                uri == null ? null : uri.getPath(), errors);
        return Response.status(type.status()).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    private static String describe(List<FieldError> errors) {
        if (errors.size() == 1) {
            return errors.get(0).field() + ": " + errors.get(0).message();
        }
        return errors.size() + " fields are invalid";
    }

    /**
     * Turns a Bean Validation path into the request field: {@code create.request.scope.assets[2].name}
     * becomes {@code scope.assets[2].name}. A node inside a list carries the index of its element.
     */
    private static String fieldName(Path path) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER, PARAMETER -> names.clear();
                default -> {
                    if (node.isInIterable() && !names.isEmpty()) {
                        String index = node.getIndex() != null ? "[" + node.getIndex() + "]"
                                : node.getKey() != null ? "[" + node.getKey() + "]" : "";
                        names.set(names.size() - 1, names.get(names.size() - 1) + index);
                    }
                    String name = node.getName();
                    if (name != null && !name.isEmpty() && !name.startsWith("<")) {
                        names.add(name);
                    }
                }
            }
        }
        return names.isEmpty() ? "body" : String.join(".", names);
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String mappingMessage(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field";
        }
        if (e instanceof InvalidFormatException invalid) {
            String expected = expectedType(invalid.getTargetType());
            return "invalid value '" + invalid.getValue() + "', expected " + expected;
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "expected " + expectedType(mismatched.getTargetType());
        }
        return "invalid value";
    }

    private static String expectedType(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object constant : type.getEnumConstants()) {
                names.add(constant.toString());
            }
            return "one of " + names;
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 " + (type == java.time.LocalDate.class ? "date (YYYY-MM-DD)" : "timestamp with offset");
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == java.util.UUID.class) {
            return "a UUID";
        }
        return "an object";
    }
}

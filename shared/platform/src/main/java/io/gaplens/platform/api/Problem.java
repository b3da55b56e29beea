package io.gaplens.platform.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem details body, sent as {@code application/problem+json}.
 *
 * <p>{@code type} is a stable URI per kind of problem that clients may branch on; {@code errors}
 * lists every invalid field, so that a form or an import can show all of them at once.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "https://gaplens.io/problems/";
}

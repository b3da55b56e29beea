package io.gaplens.platform.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One invalid input value in a problem details response: the field (a JSON path such as
 * {@code scope.assets[2].criticality}, a query parameter or a header), what is wrong with it, and
 * for file imports the line number.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String field, String message, Integer line) {

    public FieldError(String field, String message) {
        this(field, message, null);
    }

    public static FieldError atLine(int line, String field, String message) {
        return new FieldError(field, message, line);
    }
}

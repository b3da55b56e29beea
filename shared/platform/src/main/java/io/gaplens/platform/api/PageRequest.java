package io.gaplens.platform.api;

/**
 * A validated {@code page}/{@code size} pair. Pages count from 0; {@code size} is at most
 * {@link #MAX_SIZE}. Values arrive as strings so that a malformed one is answered with a 400
 * naming the parameter, where JAX-RS would answer 404.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public static PageRequest parse(String page, String size) {
        int pageNumber = parseInt("page", page, 0, 0, 1_000_000);
        int pageSize = parseInt("size", size, DEFAULT_SIZE, 1, MAX_SIZE);
        return new PageRequest(pageNumber, pageSize);
    }

    public int offset() {
        return page * size;
    }

    private static int parseInt(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name, "must be an integer, was '" + value + "'");
        }
        if (parsed < min || parsed > max) {
            throw ApiException.invalid(name, "must be between " + min + " and " + max + ", was " + parsed);
        }
        return parsed;
    }
}

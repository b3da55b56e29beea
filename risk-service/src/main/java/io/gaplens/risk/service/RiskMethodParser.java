package io.gaplens.risk.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.gaplens.platform.api.ApiException;
import io.gaplens.platform.api.FieldError;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a risk method from the JSON of a PUT request and lists every invalid field. It reads the
 * JSON tree itself, so that a value of the wrong JSON type (a string where a number belongs) is
 * rejected instead of converted.
 */
public final class RiskMethodParser {

    public static final int MIN_ENTRIES = 2;
    public static final int MAX_ENTRIES = 10;
    public static final int MAX_LABEL_LENGTH = 100;

    private static final Set<String> FIELDS = Set.of("likelihoodScale", "impactScale", "levels", "thresholds", "matrix");
    /** Fields that GET returns and PUT ignores, so that a client can send back what it read. */
    private static final Set<String> READ_ONLY_FIELDS = Set.of("source", "levelMatrix", "updatedAt", "updatedBy");

    private final List<FieldError> errors = new ArrayList<>();

    private RiskMethodParser() {
    }

    /** Returns the method in {@code body}, or throws a 400 {@link ApiException} listing every invalid field. */
    public static RiskMethod parse(JsonNode body) {
        return new RiskMethodParser().read(body);
    }

    private RiskMethod read(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw ApiException.invalid("body", "missing: send the risk method as a JSON object");
        }
        if (!body.isObject()) {
            throw ApiException.invalid("body", "must be a JSON object, was " + describe(body));
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name) && !READ_ONLY_FIELDS.contains(name)) {
                errors.add(new FieldError(name, "unknown field"));
            }
        }

        List<String> likelihoodScale = labels(body, "likelihoodScale");
        List<String> impactScale = labels(body, "impactScale");
        List<String> levels = labels(body, "levels");

        JsonNode thresholdsNode = present(body.get("thresholds"));
        JsonNode matrixNode = present(body.get("matrix"));
        List<RiskMethod.Threshold> thresholds = null;
        List<List<String>> matrix = null;
        if (thresholdsNode != null && matrixNode != null) {
            errors.add(new FieldError("matrix", "give either thresholds or a matrix, not both"));
        } else if (thresholdsNode == null && matrixNode == null) {
            errors.add(new FieldError("thresholds", "missing: give thresholds or a matrix"));
        } else if (levels != null && likelihoodScale != null && impactScale != null) {
            if (thresholdsNode != null) {
                thresholds = thresholds(thresholdsNode, levels, likelihoodScale.size() * impactScale.size());
            } else {
                matrix = matrix(matrixNode, levels, likelihoodScale.size(), impactScale.size());
            }
        }

        if (!errors.isEmpty()) {
            String detail = errors.size() == 1
                    ? "Invalid risk method: " + errors.get(0).field() + ": " + errors.get(0).message()
                    : "Invalid risk method: " + errors.size() + " fields are invalid";
            throw ApiException.invalid(detail, errors);
        }
        return new RiskMethod(likelihoodScale, impactScale, levels, thresholds, matrix);
    }

    /** Reads a list of 2 to 10 distinct, non-blank labels, or records why it cannot and returns null. */
    private List<String> labels(JsonNode body, String field) {
        JsonNode node = present(body.get(field));
        if (node == null) {
            errors.add(new FieldError(field, "missing"));
            return null;
        }
        if (!node.isArray()) {
            errors.add(new FieldError(field, "must be an array of strings, was " + describe(node)));
            return null;
        }
        if (node.size() < MIN_ENTRIES || node.size() > MAX_ENTRIES) {
            errors.add(new FieldError(field, "must have " + MIN_ENTRIES + " to " + MAX_ENTRIES
                    + " entries, had " + node.size()));
            return null;
        }
        List<String> labels = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean valid = true;
        for (int i = 0; i < node.size(); i++) {
            String path = field + "[" + i + "]";
            JsonNode entry = node.get(i);
            if (!entry.isTextual()) {
                errors.add(new FieldError(path, "must be a string, was " + describe(entry)));
                valid = false;
                continue;
            }
            String label = entry.asText().trim();
            if (label.isEmpty()) {
                errors.add(new FieldError(path, "must not be blank"));
                valid = false;
            } else if (label.length() > MAX_LABEL_LENGTH) {
                errors.add(new FieldError(path, "must be at most " + MAX_LABEL_LENGTH + " characters"));
                valid = false;
            } else if (label.chars().anyMatch(Character::isISOControl)) {
                errors.add(new FieldError(path, "must not contain line breaks or other control characters"));
                valid = false;
            } else if (!seen.add(label.toLowerCase(Locale.ROOT))) {
                errors.add(new FieldError(path, "duplicate label '" + label + "'"));
                valid = false;
            }
            labels.add(label);
        }
        return valid ? List.copyOf(labels) : null;
    }

    private List<RiskMethod.Threshold> thresholds(JsonNode node, List<String> levels, int maxScore) {
        if (!node.isArray()) {
            errors.add(new FieldError("thresholds", "must be an array of {level, minScore} objects, was " + describe(node)));
            return null;
        }
        if (node.size() != levels.size() - 1) {
            errors.add(new FieldError("thresholds", "must have one entry for each level after the first ("
                    + (levels.size() - 1) + " for levels " + levels + "), had " + node.size()));
            return null;
        }
        List<RiskMethod.Threshold> thresholds = new ArrayList<>();
        int previous = 1;
        String previousPath = null;
        for (int i = 0; i < node.size(); i++) {
            String path = "thresholds[" + i + "]";
            JsonNode entry = node.get(i);
            if (!entry.isObject()) {
                errors.add(new FieldError(path, "must be an object with level and minScore, was " + describe(entry)));
                return null;
            }
            for (Iterator<String> names = entry.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!name.equals("level") && !name.equals("minScore")) {
                    errors.add(new FieldError(path + "." + name, "unknown field"));
                }
            }
            String expectedLevel = levels.get(i + 1);
            JsonNode level = present(entry.get("level"));
            if (level == null) {
                errors.add(new FieldError(path + ".level", "missing, expected '" + expectedLevel + "'"));
            } else if (!level.isTextual()) {
                errors.add(new FieldError(path + ".level", "must be a string, was " + describe(level)));
            } else if (!levels.contains(level.asText().trim())) {
                errors.add(new FieldError(path + ".level", "unknown level '" + level.asText() + "', expected one of " + levels));
            } else if (!level.asText().trim().equals(expectedLevel)) {
                errors.add(new FieldError(path + ".level", "expected '" + expectedLevel
                        + "': thresholds follow the order of levels, from the second lowest to the highest"));
            }

            JsonNode minScore = present(entry.get("minScore"));
            if (minScore == null) {
                errors.add(new FieldError(path + ".minScore", "missing"));
                return null;
            }
            if (!minScore.isIntegralNumber() || !minScore.canConvertToInt()) {
                errors.add(new FieldError(path + ".minScore", "must be an integer, was " + describe(minScore)));
                return null;
            }
            int score = minScore.intValue();
            if (score < 2 || score > maxScore) {
                errors.add(new FieldError(path + ".minScore", "must be between 2 and " + maxScore
                        + " (the highest score of the scales), was " + score));
                return null;
            }
            if (previousPath != null && score <= previous) {
                errors.add(new FieldError(path + ".minScore", "must be greater than " + previous + " ("
                        + previousPath + ".minScore): thresholds increase with the level"));
                return null;
            }
            previous = score;
            previousPath = path;
            thresholds.add(new RiskMethod.Threshold(expectedLevel, score));
        }
        return List.copyOf(thresholds);
    }

    private List<List<String>> matrix(JsonNode node, List<String> levels, int likelihoodSize, int impactSize) {
        if (!node.isArray()) {
            errors.add(new FieldError("matrix", "must be an array of rows, was " + describe(node)));
            return null;
        }
        if (node.size() != likelihoodSize) {
            errors.add(new FieldError("matrix", "must have " + likelihoodSize
                    + " rows, one per likelihood value, had " + node.size()));
            return null;
        }
        List<List<String>> rows = new ArrayList<>();
        for (int l = 0; l < likelihoodSize; l++) {
            String rowPath = "matrix[" + l + "]";
            JsonNode row = node.get(l);
            if (!row.isArray()) {
                errors.add(new FieldError(rowPath, "must be an array of level names, was " + describe(row)));
                return null;
            }
            if (row.size() != impactSize) {
                errors.add(new FieldError(rowPath, "must have " + impactSize
                        + " cells, one per impact value, had " + row.size()));
                return null;
            }
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < impactSize; i++) {
                String path = rowPath + "[" + i + "]";
                JsonNode cell = row.get(i);
                if (!cell.isTextual()) {
                    errors.add(new FieldError(path, "must be a level name, was " + describe(cell)));
                    return null;
                }
                String level = cell.asText().trim();
                if (!levels.contains(level)) {
                    errors.add(new FieldError(path, "unknown level '" + level + "', expected one of " + levels));
                    return null;
                }
                cells.add(level);
            }
            rows.add(List.copyOf(cells));
        }
        checkOrder(rows, levels);
        return errors.isEmpty() ? List.copyOf(rows) : null;
    }

    /** Requires that no cell has a lower level than the cell before it in likelihood or in impact. */
    private void checkOrder(List<List<String>> rows, List<String> levels) {
        for (int l = 0; l < rows.size(); l++) {
            for (int i = 0; i < rows.get(l).size(); i++) {
                int rank = levels.indexOf(rows.get(l).get(i));
                String path = "matrix[" + l + "][" + i + "]";
                if (i > 0 && rank < levels.indexOf(rows.get(l).get(i - 1))) {
                    errors.add(new FieldError(path, "level '" + rows.get(l).get(i) + "' is lower than '"
                            + rows.get(l).get(i - 1) + "' at matrix[" + l + "][" + (i - 1)
                            + "]: levels must not fall as impact rises"));
                    return;
                }
                if (l > 0 && rank < levels.indexOf(rows.get(l - 1).get(i))) {
                    errors.add(new FieldError(path, "level '" + rows.get(l).get(i) + "' is lower than '"
                            + rows.get(l - 1).get(i) + "' at matrix[" + (l - 1) + "][" + i
                            + "]: levels must not fall as likelihood rises"));
                    return;
                }
            }
        }
    }

    private static JsonNode present(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> !node.isIntegralNumber() ? "a decimal number"
                    : node.canConvertToInt() ? "an integer" : "an integer outside the int range";
            case BOOLEAN -> "a boolean";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}

package io.gaplens.assessment.service;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gaplens.assessment.domain.Evidence;
import io.gaplens.assessment.domain.ImplementationStatus;
import io.gaplens.assessment.domain.InclusionReason;
import io.gaplens.platform.api.ApiException;
import io.gaplens.platform.api.FieldError;
import io.gaplens.platform.api.ProblemType;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads answers from a JSON array of objects with the fields of a single answer and a
 * {@code requirement}. Each row keeps the line where its object starts, so that errors point into
 * the file, and fields are named {@code [index].field}.
 */
final class JsonAnswerParser {

    private static final Set<String> FIELDS = Set.of("requirement", "status", "maturity", "justification",
            "inclusionReasons", "notes", "evidence", "assessor", "answeredAt");
    private static final Set<String> EVIDENCE_FIELDS = Set.of("title", "reference", "owner", "collectedOn");

    private JsonAnswerParser() {
    }

    static List<ImportRow> parse(ObjectMapper mapper, String text, int maxRows) {
        List<ImportRow> rows = new ArrayList<>();
        try (JsonParser parser = mapper.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw ApiException.invalid("body", "expected a JSON array of answers");
            }
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (parser.currentToken() == null) {
                    throw new ApiException(ProblemType.MALFORMED_BODY, "The JSON array is not closed");
                }
                if (index == maxRows) {
                    throw ApiException.invalid("body", "the import has more than " + maxRows
                            + " rows; split it into several imports");
                }
                int line = parser.currentTokenLocation().getLineNr();
                JsonNode item = mapper.readTree(parser);
                rows.add(row(index, line, item));
                index++;
            }
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new ApiException(ProblemType.MALFORMED_BODY, "The request body is not valid JSON" + where);
        } catch (IOException e) {
            throw new IllegalStateException("Reading an in-memory JSON document failed", e);
        }
        return rows;
    }

    private static ImportRow row(int index, int line, JsonNode item) {
        String prefix = "[" + index + "].";
        List<FieldError> errors = new ArrayList<>();
        if (!item.isObject()) {
            errors.add(FieldError.atLine(line, "[" + index + "]", "expected an object"));
            return new ImportRow(line, prefix, AnswerRules.FieldNames.JSON, null, prefix + "requirement", null, errors);
        }
        Iterator<String> names = item.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(FieldError.atLine(line, prefix + name, "unknown field"));
            }
        }

        String requirement = text(item, "requirement", prefix, line, errors);
        if (requirement == null) {
            errors.add(FieldError.atLine(line, prefix + "requirement", "missing"));
        }
        ImplementationStatus status = null;
        String statusText = text(item, "status", prefix, line, errors);
        if (statusText != null) {
            status = AnswerValues.status(statusText).orElse(null);
            if (status == null) {
                errors.add(FieldError.atLine(line, prefix + "status", "invalid value '" + statusText
                        + "', expected one of " + List.of(ImplementationStatus.values())));
            }
        }
        Integer maturity = null;
        JsonNode maturityNode = item.get("maturity");
        if (maturityNode != null && !maturityNode.isNull()) {
            if (maturityNode.canConvertToExactIntegral() && maturityNode.canConvertToInt()) {
                maturity = maturityNode.asInt();
            } else {
                errors.add(FieldError.atLine(line, prefix + "maturity", "invalid value '" + maturityNode.asText()
                        + "', expected an integer from 0 to 5"));
            }
        }

        List<InclusionReason> reasons = new ArrayList<>();
        for (String reasonText : textArray(item, "inclusionReasons", prefix, line, errors)) {
            Optional<InclusionReason> reason = AnswerValues.inclusionReason(reasonText);
            if (reason.isPresent()) {
                reasons.add(reason.get());
            } else {
                errors.add(FieldError.atLine(line, prefix + "inclusionReasons", "invalid value '" + reasonText
                        + "', expected one of " + List.of(InclusionReason.values())));
            }
        }

        OffsetDateTime answeredAt = null;
        String answeredAtText = text(item, "answeredAt", prefix, line, errors);
        if (answeredAtText != null) {
            try {
                answeredAt = OffsetDateTime.parse(answeredAtText);
            } catch (DateTimeParseException e) {
                errors.add(FieldError.atLine(line, prefix + "answeredAt", "invalid value '" + answeredAtText
                        + "', expected an ISO-8601 timestamp with offset"));
            }
        }

        AnswerInput input = new AnswerInput(status, maturity, text(item, "justification", prefix, line, errors),
                reasons, text(item, "notes", prefix, line, errors), evidence(item, prefix, line, errors),
                text(item, "assessor", prefix, line, errors), answeredAt);
        return new ImportRow(line, prefix, AnswerRules.FieldNames.JSON, requirement, prefix + "requirement", input,
                errors);
    }

    private static List<Evidence> evidence(JsonNode item, String prefix, int line, List<FieldError> errors) {
        JsonNode array = item.get("evidence");
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            errors.add(FieldError.atLine(line, prefix + "evidence", "expected an array"));
            return List.of();
        }
        List<Evidence> evidence = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode node = array.get(i);
            String itemPrefix = prefix + "evidence[" + i + "].";
            if (!node.isObject()) {
                errors.add(FieldError.atLine(line, prefix + "evidence[" + i + "]", "expected an object"));
                continue;
            }
            node.fieldNames().forEachRemaining(name -> {
                if (!EVIDENCE_FIELDS.contains(name)) {
                    errors.add(FieldError.atLine(line, itemPrefix + name, "unknown field"));
                }
            });
            LocalDate collectedOn = null;
            String date = text(node, "collectedOn", itemPrefix, line, errors);
            if (date != null) {
                try {
                    collectedOn = LocalDate.parse(date);
                } catch (DateTimeParseException e) {
                    errors.add(FieldError.atLine(line, itemPrefix + "collectedOn", "invalid date '" + date
                            + "', expected YYYY-MM-DD"));
                }
            }
            evidence.add(new Evidence(text(node, "title", itemPrefix, line, errors),
                    text(node, "reference", itemPrefix, line, errors), text(node, "owner", itemPrefix, line, errors),
                    collectedOn));
        }
        return evidence;
    }

    private static String text(JsonNode node, String field, String prefix, int line, List<FieldError> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(FieldError.atLine(line, prefix + field, "expected a string"));
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    private static List<String> textArray(JsonNode node, String field, String prefix, int line,
                                          List<FieldError> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            errors.add(FieldError.atLine(line, prefix + field, "expected an array of strings"));
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode element : value) {
            if (element.isTextual()) {
                texts.add(element.asText());
            } else {
                errors.add(FieldError.atLine(line, prefix + field, "expected an array of strings"));
            }
        }
        return texts;
    }
}

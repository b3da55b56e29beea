package io.gaplens.assessment.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.List;

/**
 * JPA converters for the columns that hold a JSON document as text. The documents are small
 * value lists of one row, never queried by their content.
 */
public final class JsonColumns {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private JsonColumns() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Writing a JSON column failed", e);
        }
    }

    static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON column holds invalid JSON", e);
        }
    }

    @Converter
    public static class StringList implements AttributeConverter<List<String>, String> {
        @Override
        public String convertToDatabaseColumn(List<String> value) {
            return write(value == null ? List.of() : value);
        }

        @Override
        public List<String> convertToEntityAttribute(String json) {
            return json == null ? List.of() : List.copyOf(read(json, new TypeReference<List<String>>() { }));
        }
    }

    @Converter
    public static class InclusionReasons implements AttributeConverter<List<InclusionReason>, String> {
        @Override
        public String convertToDatabaseColumn(List<InclusionReason> value) {
            return write(value == null ? List.of() : value);
        }

        @Override
        public List<InclusionReason> convertToEntityAttribute(String json) {
            return json == null ? List.of() : List.copyOf(read(json, new TypeReference<List<InclusionReason>>() { }));
        }
    }

    @Converter
    public static class EvidenceList implements AttributeConverter<List<Evidence>, String> {
        @Override
        public String convertToDatabaseColumn(List<Evidence> value) {
            return write(value == null ? List.of() : value);
        }

        @Override
        public List<Evidence> convertToEntityAttribute(String json) {
            return json == null ? List.of() : List.copyOf(read(json, new TypeReference<List<Evidence>>() { }));
        }
    }

    @Converter
    public static class ProvenanceList implements AttributeConverter<List<Provenance>, String> {
        @Override
        public String convertToDatabaseColumn(List<Provenance> value) {
            return write(value == null ? List.of() : value);
        }

        @Override
        public List<Provenance> convertToEntityAttribute(String json) {
            return json == null ? List.of() : List.copyOf(read(json, new TypeReference<List<Provenance>>() { }));
        }
    }

    @Converter
    public static class ScopeDocument implements AttributeConverter<Scope, String> {
        @Override
        public String convertToDatabaseColumn(Scope value) {
            return write(value == null ? Scope.empty() : value);
        }

        @Override
        public Scope convertToEntityAttribute(String json) {
            return json == null ? Scope.empty() : read(json, new TypeReference<Scope>() { });
        }
    }
}

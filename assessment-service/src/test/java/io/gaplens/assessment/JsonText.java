package io.gaplens.assessment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/** A small JSON object builder for request bodies; null values are left out. */
public final class JsonText {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, Object> fields = new LinkedHashMap<>();

    public JsonText(Map<String, Object> initial) {
        fields.putAll(initial);
    }

    public JsonText with(String name, Object value) {
        if (value != null) {
            fields.put(name, value);
        }
        return this;
    }

    @Override
    public String toString() {
        try {
            return MAPPER.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

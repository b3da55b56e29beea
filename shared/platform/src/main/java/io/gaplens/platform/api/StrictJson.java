package io.gaplens.platform.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.time.LocalDate;

/**
 * Makes request bodies reject numbers that Jackson would otherwise turn into other values
 * without a trace: {@code 1.5} for an integer (Jackson truncates it to 1), {@code 1} for an enum
 * (Jackson takes it as the constant's index) and {@code 20260101} for a date (Jackson takes it
 * as a count of days since 1970 and yields the year 57440). Each of them now gets a 400 that
 * names the field.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.configOverride(LocalDate.class).setFormat(JsonFormat.Value.forLeniency(false));
    }
}

package io.gaplens.risk.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gaplens.platform.api.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Level boundaries of threshold methods and the mapping of rule points onto scales of other sizes. */
class RiskMethodLevelsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Default thresholds on 10 x 10 scales, so that every score from 1 to 25 has a cell (score, 1) or (x, y). */
    private static RiskMethod defaultThresholdsOnTenByTen() throws Exception {
        return RiskMethodParser.parse(JSON.readTree("""
                {"likelihoodScale": ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"],
                 "impactScale": ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"],
                 "levels": ["low", "medium", "high", "critical"],
                 "thresholds": [{"level": "medium", "minScore": 5}, {"level": "high", "minScore": 10},
                                {"level": "critical", "minScore": 15}]}
                """));
    }

    @ParameterizedTest(name = "score {0} x {1} is {2}")
    @CsvSource({
            "1, 1, low",
            "1, 4, low",
            "1, 5, medium",
            "1, 9, medium",
            "1, 10, high",
            "2, 7, high",
            "3, 5, critical",
            "5, 5, critical",
            "10, 10, critical"})
    void defaultThresholdBoundaries(int likelihood, int impact, String level) throws Exception {
        assertEquals(level, defaultThresholdsOnTenByTen().levelOf(likelihood, impact));
    }

    @ParameterizedTest(name = "default cell ({0}, {1}) is {2}")
    @CsvSource({
            "1, 1, low", "1, 4, low", "2, 2, low", "4, 1, low",
            "1, 5, medium", "5, 1, medium", "2, 3, medium", "3, 3, medium",
            "2, 5, high", "5, 2, high", "3, 4, high", "4, 3, high",
            "3, 5, critical", "5, 3, critical", "4, 4, critical", "5, 5, critical"})
    void defaultMethodLevels(int likelihood, int impact, String level) {
        assertEquals(level, RiskMethod.DEFAULT.levelOf(likelihood, impact));
    }

    @Test
    void defaultMethodMatchesItsParsedDefinition() throws Exception {
        RiskMethod parsed = RiskMethodParser.parse(JSON.valueToTree(RiskMethod.DEFAULT));
        assertEquals(RiskMethod.DEFAULT, parsed);
    }

    @Test
    void matrixMethodUsesItsCells() throws Exception {
        RiskMethod method = RiskMethodParser.parse(JSON.readTree("""
                {"likelihoodScale": ["low", "medium", "high"],
                 "impactScale": ["a", "b", "c", "d", "e"],
                 "levels": ["green", "amber", "red"],
                 "matrix": [["green", "green", "green", "amber", "amber"],
                            ["green", "amber", "amber", "red", "red"],
                            ["amber", "amber", "red", "red", "red"]]}
                """));
        assertEquals("green", method.levelOf(1, 3));
        assertEquals("amber", method.levelOf(1, 4));
        assertEquals("amber", method.levelOf(2, 2));
        assertEquals("red", method.levelOf(2, 4));
        assertEquals("amber", method.levelOf(3, 1));
        assertEquals(List.of("amber", "amber", "red", "red", "red"), method.levelMatrix().get(2));
    }

    @Test
    void cellOutsideScalesIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> RiskMethod.DEFAULT.levelOf(6, 1));
        assertThrows(IllegalArgumentException.class, () -> RiskMethod.DEFAULT.levelOf(1, 0));
    }

    @ParameterizedTest(name = "{0} points on a {1}-point scale give {2}")
    @CsvSource({
            "1, 5, 1", "3, 5, 3", "5, 5, 5",
            "1, 3, 1", "2, 3, 2", "3, 3, 2", "4, 3, 3", "5, 3, 3",
            "1, 4, 1", "2, 4, 2", "3, 4, 3", "4, 4, 4", "5, 4, 4",
            "1, 10, 2", "5, 10, 10"})
    void pointsMapOntoScale(int points, int size, int expected) {
        assertEquals(expected, RatingRules.toScale(points, size));
    }

    @Test
    void parserListsEveryInvalidField() throws Exception {
        ApiException e = assertThrows(ApiException.class, () -> RiskMethodParser.parse(JSON.readTree("""
                {"likelihoodScale": ["a"], "impactScale": "b", "levels": ["x", "x"], "thresholds": [], "colour": 1}
                """)));
        List<String> fields = e.errors().stream().map(error -> error.field()).sorted().toList();
        assertEquals(List.of("colour", "impactScale", "levels[1]", "likelihoodScale"), fields);
    }
}

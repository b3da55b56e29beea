package io.gaplens.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample organisation in {@code deploy/sample}: its profile and scope, fieldwork records,
 * answers in the bulk CSV layout, and the improved answers of its re-assessment.
 */
public record Sample(Path directory, JsonNode organisation) {

    public static Sample load(Path directory) throws IOException {
        Path profile = directory.resolve("organisation.json");
        if (!Files.exists(profile)) {
            throw new IllegalArgumentException("No sample organisation at " + profile);
        }
        return new Sample(directory, new ObjectMapper().readTree(profile.toFile()));
    }

    public String tenant() {
        return organisation.path("tenant").asText();
    }

    public String name() {
        return organisation.path("organisation").asText();
    }

    public JsonNode assessment() {
        return organisation.path("assessment");
    }

    public JsonNode interviews() {
        return organisation.path("interviews");
    }

    public JsonNode documentReviews() {
        return organisation.path("documentReviews");
    }

    public JsonNode reassessment() {
        return organisation.path("reassessment");
    }

    /** Returns the requirements whose remediation actions the organisation completes before its re-assessment. */
    public List<String> completedBeforeReassessment() {
        List<String> refs = new ArrayList<>();
        reassessment().path("completedActions").forEach(ref -> refs.add(ref.asText()));
        return refs;
    }

    public byte[] answersCsv() throws IOException {
        return Files.readAllBytes(directory.resolve("answers.csv"));
    }

    public byte[] reassessmentAnswersCsv() throws IOException {
        return Files.readAllBytes(directory.resolve("reassessment-answers.csv"));
    }
}

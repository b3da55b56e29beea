package io.gaplens.risk.service;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.List;

/**
 * A validated risk method: likelihood and impact scales (value n is the n-th label), risk levels
 * from lowest to highest, and the level of each cell, given either by score thresholds or by a
 * full matrix. Instances come from {@link RiskMethodParser} or {@link #DEFAULT}.
 *
 * @param thresholds the minimum score of each level after the first, in the order of {@code levels}; a score
 *                   equal to a threshold gets that (higher) level. Null when {@code matrix} is given.
 * @param matrix     {@code matrix[likelihood - 1][impact - 1]} is the cell's level. Null when thresholds are given.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RiskMethod(List<String> likelihoodScale, List<String> impactScale, List<String> levels,
                         List<Threshold> thresholds, List<List<String>> matrix) {

    /** The lowest score of a level; scores from here up to the next threshold minus one get this level. */
    public record Threshold(String level, int minScore) {
    }

    /** 5 x 5 scales; low 1-4, medium 5-9, high 10-14, critical 15-25. */
    public static final RiskMethod DEFAULT = new RiskMethod(
            List.of("rare", "unlikely", "possible", "likely", "almost certain"),
            List.of("negligible", "minor", "moderate", "major", "severe"),
            List.of("low", "medium", "high", "critical"),
            List.of(new Threshold("medium", 5), new Threshold("high", 10), new Threshold("critical", 15)),
            null);

    public int likelihoodSize() {
        return likelihoodScale.size();
    }

    public int impactSize() {
        return impactScale.size();
    }

    /** Returns the risk level of the cell (likelihood, impact), both counted from 1. */
    public String levelOf(int likelihood, int impact) {
        if (likelihood < 1 || likelihood > likelihoodSize() || impact < 1 || impact > impactSize()) {
            throw new IllegalArgumentException("Cell (" + likelihood + ", " + impact + ") is outside the "
                    + likelihoodSize() + " x " + impactSize() + " matrix");
        }
        if (matrix != null) {
            return matrix.get(likelihood - 1).get(impact - 1);
        }
        int score = likelihood * impact;
        String level = levels.get(0);
        for (Threshold threshold : thresholds) {
            if (score >= threshold.minScore()) {
                level = threshold.level();
            }
        }
        return level;
    }

    /** Returns the level of every cell, rows by likelihood and columns by impact, both from 1. */
    public List<List<String>> levelMatrix() {
        List<List<String>> rows = new ArrayList<>();
        for (int likelihood = 1; likelihood <= likelihoodSize(); likelihood++) {
            List<String> row = new ArrayList<>();
            for (int impact = 1; impact <= impactSize(); impact++) {
                row.add(levelOf(likelihood, impact));
            }
            rows.add(row);
        }
        return rows;
    }

    public String likelihoodLabel(int value) {
        return likelihoodScale.get(value - 1);
    }

    public String impactLabel(int value) {
        return impactScale.get(value - 1);
    }
}

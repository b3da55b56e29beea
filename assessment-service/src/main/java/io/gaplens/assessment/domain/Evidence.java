package io.gaplens.assessment.domain;

import java.time.LocalDate;

/** A reference to evidence for an answer: a title, a link or document reference, its owner and when it was collected. */
public record Evidence(String title, String reference, String owner, LocalDate collectedOn) {
}

package io.gaplens.scenario;

/** A step of the gap analysis scenario failed; the message says which and why. */
public class ScenarioException extends RuntimeException {

    public ScenarioException(String message) {
        super(message);
    }

    public ScenarioException(String message, Throwable cause) {
        super(message, cause);
    }
}

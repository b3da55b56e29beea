package io.gaplens.platform.inbox;

/**
 * A record that no retry can process: not a CloudEvent, of an unknown type, or with a payload that
 * violates its schema. Throwing it nacks the record, which sends it to the dead-letter topic with
 * this message as the reason.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}

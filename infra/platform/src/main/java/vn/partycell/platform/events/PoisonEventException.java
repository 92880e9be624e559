package vn.partycell.platform.events;

/**
 * An event that can never be applied (no envelope, unreadable JSON, breaks its contract, invalid
 * data). Retrying will not help, so {@link InboundFailureHandling} sends it straight to the
 * dead-letter topic; every failure that is not poison is retried until it heals.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }

    public PoisonEventException(String message) {
        super(message);
    }
}

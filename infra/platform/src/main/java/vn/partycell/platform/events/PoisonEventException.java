package vn.partycell.platform.events;

/**
 * An event that can never be applied (no envelope, unreadable JSON, invalid data). Retrying will
 * not help, so bindings list it as not retryable and it goes straight to the dead-letter topic.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }

    public PoisonEventException(String message) {
        super(message);
    }
}

package vn.partycell.localstack;

/** A failure the launcher explains to the person running it; the message is printed as is. */
public class LaunchException extends RuntimeException {

    public LaunchException(String message) {
        super(message);
    }

    public LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}

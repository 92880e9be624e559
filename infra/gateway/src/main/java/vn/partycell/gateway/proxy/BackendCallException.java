package vn.partycell.gateway.proxy;

/** A call to a backend that failed below HTTP (refused, timed out, dropped, not HTTP); the gateway answers 5xx. */
public class BackendCallException extends RuntimeException {

    private final String service;

    BackendCallException(String service, Throwable cause) {
        super("call to " + service + " failed: " + cause, cause);
        this.service = service;
    }

    public String service() {
        return service;
    }
}

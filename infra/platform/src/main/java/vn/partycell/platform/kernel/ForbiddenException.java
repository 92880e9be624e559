package vn.partycell.platform.kernel;

/** The caller may see the record but not change it, or may not act outside their scope (403). */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}

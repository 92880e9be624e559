package vn.partycell.platform.web;

/**
 * One invalid field in a problem's {@code errors} list. The rejected value is echoed only as a short
 * scalar: a problem must not mirror a 20 KB string or a thousand list entries back to the caller
 * (a large reply, and the caller's own input reflected), so text is cut and structures are left out.
 */
public record FieldError(String field, String message, Object rejectedValue) {

    /** How much of a rejected text is echoed. */
    static final int ECHOED_CHARACTERS = 100;

    public FieldError {
        rejectedValue = echoable(rejectedValue);
    }

    private static Object echoable(Object value) {
        if (value == null || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number number) {
            return number.toString().length() <= ECHOED_CHARACTERS ? number : cut(number.toString());
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof CharSequence
                || value instanceof java.time.temporal.TemporalAccessor
                || value instanceof java.util.UUID) {
            return cut(value.toString());
        }
        return null;
    }

    private static String cut(String text) {
        return text.length() <= ECHOED_CHARACTERS ? text : text.substring(0, ECHOED_CHARACTERS) + "…";
    }
}

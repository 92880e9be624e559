package vn.partycell.platform.kernel;

/**
 * One input field is out of its domain (a date too far ahead, a page past the end of any list, a
 * sort field a list does not offer): a 400 problem naming the field, not a rule of the business.
 */
public class InvalidInputException extends RuntimeException {

    private final String field;
    private final transient Object value;

    public InvalidInputException(String field, String message, Object value) {
        super(message);
        this.field = field;
        this.value = value;
    }

    public String field() {
        return field;
    }

    public Object value() {
        return value;
    }
}

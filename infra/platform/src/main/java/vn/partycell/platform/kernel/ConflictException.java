package vn.partycell.platform.kernel;

import java.util.Map;

/** The request clashes with the current state: a duplicate key, or a stale version (409). */
public class ConflictException extends RuntimeException {

    private final String code;
    private final Map<String, Object> facts;

    public ConflictException(String code, String message) {
        this(code, message, Map.of());
    }

    /** With the facts behind the refusal (for example the field and the state it is in). */
    public ConflictException(String code, String message, Map<String, Object> facts) {
        super(message);
        this.code = code;
        this.facts = Map.copyOf(facts);
    }

    public Map<String, Object> facts() {
        return facts;
    }

    public String code() {
        return code;
    }
}

package vn.partycell.platform.kernel;

import java.util.Map;

/**
 * A business rule refuses the request (422). {@code code} is stable for clients; the message is
 * the Vietnamese text a person reads; {@code facts} are the numbers behind the refusal.
 */
public class RuleViolationException extends RuntimeException {

    private final String code;
    private final Map<String, Object> facts;

    public RuleViolationException(String code, String message, Map<String, Object> facts) {
        super(message);
        this.code = code;
        this.facts = Map.copyOf(facts);
    }

    public RuleViolationException(String code, String message) {
        this(code, message, Map.of());
    }

    public String code() {
        return code;
    }

    public Map<String, Object> facts() {
        return facts;
    }
}

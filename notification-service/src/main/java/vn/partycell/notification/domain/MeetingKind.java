package vn.partycell.notification.domain;

/** Kinds of cell meeting, with the words a notice uses for each. */
public enum MeetingKind {
    REGULAR("sinh hoạt thường kỳ"),
    THEMATIC("sinh hoạt chuyên đề"),
    CONGRESS("đại hội"),
    EXTRAORDINARY("sinh hoạt bất thường");

    private final String label;

    MeetingKind(String label) {
        this.label = label;
    }

    /** Lower-case Vietnamese phrase, for the middle of a sentence: "sinh hoạt thường kỳ". */
    public String label() {
        return label;
    }

    /** The contract's name of the kind; anything else is not a kind of major version 1. */
    public static MeetingKind parse(String value) {
        for (MeetingKind kind : values()) {
            if (kind.name().equals(value)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Loại buổi sinh hoạt không hợp lệ: " + value);
    }
}

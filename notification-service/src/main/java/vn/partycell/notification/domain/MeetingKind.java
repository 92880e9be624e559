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
}

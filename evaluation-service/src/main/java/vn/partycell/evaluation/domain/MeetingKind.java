package vn.partycell.evaluation.domain;

/** Kinds of cell meeting, as meeting-service's contract (major version 1) names them. */
public enum MeetingKind {
    /** Sinh hoạt thường kỳ. */
    REGULAR,
    /** Sinh hoạt chuyên đề. */
    THEMATIC,
    /** Đại hội chi bộ. */
    CONGRESS,
    /** Sinh hoạt bất thường. */
    EXTRAORDINARY
}

package vn.partycell.meeting.domain;

/**
 * Regular (sinh hoạt thường kỳ, monthly), thematic (chuyên đề, at least quarterly), congress (đại
 * hội, once a term) and extraordinary (bất thường) meetings.
 */
public enum MeetingKind {
    REGULAR,
    THEMATIC,
    CONGRESS,
    EXTRAORDINARY
}

package vn.partycell.meeting.domain;

/** A commendation (biểu dương) or a criticism (phê bình) of a named member at a meeting. */
public enum RemarkKind {
    COMMENDATION,
    CRITICISM
}

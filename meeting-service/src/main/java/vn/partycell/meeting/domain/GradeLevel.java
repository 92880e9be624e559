package vn.partycell.meeting.domain;

import java.util.Objects;

/** One level of the scale a superior grades a meeting's quality on: a stable code and its Vietnamese label. */
public record GradeLevel(String code, String label) {

    public GradeLevel {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(label, "label");
    }
}

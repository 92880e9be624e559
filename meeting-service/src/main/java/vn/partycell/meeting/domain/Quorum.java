package vn.partycell.meeting.domain;

/** The quorum count at closing: eligible members, how many attended, how many were required. */
public record Quorum(int eligible, int present, int required) {

    public boolean met() {
        return eligible > 0 && present >= required;
    }
}

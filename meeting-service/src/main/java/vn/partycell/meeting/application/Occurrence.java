package vn.partycell.meeting.application;

import java.util.Objects;

/** Which event brought a fact: its id is kept with the state it produced (replays, audits). */
public record Occurrence(String eventId) {

    public Occurrence {
        Objects.requireNonNull(eventId);
    }
}

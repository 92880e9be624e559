package vn.partycell.meeting.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A committee term of a cell (nhiệm kỳ), as member-service recorded it (members.org-unit.term-opened):
 * the cell's congress is held once in it. Both days belong to the term.
 */
public record CommitteeTerm(UUID id, String name, LocalDate start, LocalDate end) {

    public CommitteeTerm {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("a term ends on or after its start: " + start + " – " + end);
        }
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }
}

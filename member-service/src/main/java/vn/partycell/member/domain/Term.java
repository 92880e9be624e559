package vn.partycell.member.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** A committee term (nhiệm kỳ), e.g. "2020–2025": from {@code start} to {@code end}, both inclusive. */
public record Term(UUID id, String name, LocalDate start, LocalDate end) {

    public Term {
        Objects.requireNonNull(id);
        Objects.requireNonNull(name);
        Objects.requireNonNull(start);
        Objects.requireNonNull(end);
    }

    public boolean overlaps(Term other) {
        return !start.isAfter(other.end) && !other.start.isAfter(end);
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }
}

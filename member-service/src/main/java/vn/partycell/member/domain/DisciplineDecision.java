package vn.partycell.member.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A discipline decision (quyết định kỷ luật) against a member: what, when, by which body, why, and
 * the year whose rating it caps. Kept forever; a wrong one is voided by a CORRECTION line.
 */
public record DisciplineDecision(
        UUID decisionId,
        DisciplineKind kind,
        LocalDate decidedOn,
        String issuingBody,
        String reason,
        int countsForYear,
        String recordedBy,
        Instant recordedAt) {

    public DisciplineDecision {
        Objects.requireNonNull(decisionId);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(decidedOn);
    }
}

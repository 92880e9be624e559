package vn.partycell.meeting.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One party group's nominee for the month's self-criticism (đề cử tự phê bình). {@code groupId} is
 * the party group (tổ đảng), or the cell itself for the members in no party group of the cell.
 */
public record Nomination(OrgUnitId groupId, MemberId memberId, String note, String nominatedBy, Instant nominatedAt) {

    public Nomination {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(nominatedBy, "nominatedBy");
        Objects.requireNonNull(nominatedAt, "nominatedAt");
    }
}

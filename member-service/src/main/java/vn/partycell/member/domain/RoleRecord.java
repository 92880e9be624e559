package vn.partycell.member.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * One dated entry in a node's record of elected roles. Ending a role appends an {@link Ended}
 * naming the assignment; nothing is edited, so the history of who held what stays readable.
 */
public sealed interface RoleRecord {

    UUID assignmentId();

    /** Giao chức danh: from {@code from} the member holds the role on the node. */
    record Assigned(
            UUID assignmentId,
            MemberId memberId,
            ElectedRole role,
            LocalDate from,
            UUID termId,
            String recordedBy,
            Instant recordedAt)
            implements RoleRecord {

        public Assigned {
            Objects.requireNonNull(assignmentId);
            Objects.requireNonNull(memberId);
            Objects.requireNonNull(role);
            Objects.requireNonNull(from);
        }
    }

    /** Thôi giữ chức danh: the assignment ends on {@code on} (the last day is the day before). */
    record Ended(UUID assignmentId, LocalDate on, String reason, String recordedBy, Instant recordedAt)
            implements RoleRecord {

        public Ended {
            Objects.requireNonNull(assignmentId);
            Objects.requireNonNull(on);
        }
    }
}

package vn.partycell.meeting.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import vn.partycell.platform.kernel.OrgPath;

/**
 * A closed meeting: the minutes are final, with the quorum counted at closing, when and by whom.
 * It offers no change; corrections are amendment records (amendments) beside it.
 */
public record ClosedMeeting(
        MeetingId id,
        CellId cellId,
        OrgPath orgPath,
        MeetingPlan plan,
        Map<MemberId, Attendance> attendance,
        Quorum quorum,
        Instant closedAt,
        String closedBy,
        long version)
        implements Meeting {

    public ClosedMeeting {
        Objects.requireNonNull(id);
        Objects.requireNonNull(cellId);
        Objects.requireNonNull(orgPath);
        Objects.requireNonNull(plan);
        Objects.requireNonNull(quorum, "a closed meeting has its quorum");
        Objects.requireNonNull(closedAt, "a closed meeting has its close time");
        Objects.requireNonNull(closedBy, "a closed meeting has its closer");
        attendance = Collections.unmodifiableMap(new LinkedHashMap<>(attendance));
    }

    @Override
    public MeetingStatus status() {
        return MeetingStatus.CLOSED;
    }
}

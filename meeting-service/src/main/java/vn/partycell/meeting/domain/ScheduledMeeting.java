package vn.partycell.meeting.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.RuleViolationException;

/**
 * A scheduled meeting: its notice is out. Its time, place or agenda may still change (every change
 * is announced again and supersedes the earlier notice), it may be cancelled with a reason, and the
 * committee starts it when it is held.
 */
public record ScheduledMeeting(MeetingId id, CellId cellId, OrgPath orgPath, MeetingPlan plan, long version)
        implements Meeting {

    public ScheduledMeeting {
        Objects.requireNonNull(id);
        Objects.requireNonNull(cellId);
        Objects.requireNonNull(orgPath);
        Objects.requireNonNull(plan);
    }

    @Override
    public MeetingStatus status() {
        return MeetingStatus.SCHEDULED;
    }

    /**
     * Changes time, place, agenda, title or topic (never the kind: that is another meeting). A
     * change publishes the new plan with the fields that changed; the same plan again changes
     * nothing.
     */
    public Change<ScheduledMeeting, MeetingEvent> change(MeetingPlan next, Instant now) {
        if (next.kind() != plan.kind()) {
            throw new RuleViolationException(
                    "kind-unchangeable",
                    "Không đổi loại buổi sinh hoạt đã thông báo; hãy hủy và lên lịch buổi khác",
                    Map.of("field", "kind"));
        }
        List<String> changed = plan.changedFields(next);
        if (changed.isEmpty()) {
            return Change.silent(this);
        }
        ScheduledMeeting moved = new ScheduledMeeting(id, cellId, orgPath, next.check(now), version + 1);
        return Change.of(moved, new MeetingEvent.Rescheduled(moved, plan, changed));
    }

    /** Cancels with a reason; members are told. */
    public Change<CancelledMeeting, MeetingEvent> cancel(String reason, String by, Instant now) {
        CancelledMeeting cancelled = new CancelledMeeting(
                id,
                cellId,
                orgPath,
                plan,
                MeetingStatus.SCHEDULED,
                CancelledMeeting.reason(reason),
                now,
                by,
                version + 1);
        return Change.of(cancelled, new MeetingEvent.Cancelled(cancelled));
    }

    /**
     * Opens the meeting (khai mạc), not earlier than its start minus the year's tolerance. Members
     * whose excuse was accepted beforehand are pre-filled as EXCUSED with their reason.
     */
    public Change<InProgressMeeting, MeetingEvent> start(
            Duration tolerance, Map<MemberId, String> acceptedExcuses, String by, Instant now) {
        Instant earliest = plan.startsAt().minus(tolerance);
        if (now.isBefore(earliest)) {
            throw new RuleViolationException(
                    "too-early-to-start",
                    "Chưa đến giờ sinh hoạt; sớm nhất có thể bắt đầu lúc " + earliest,
                    Map.of(
                            "field",
                            "startsAt",
                            "startsAt",
                            plan.startsAt().toString(),
                            "earliestStart",
                            earliest.toString()));
        }
        Map<MemberId, Attendance> prefilled = new java.util.LinkedHashMap<>();
        acceptedExcuses.forEach((member, reason) ->
                prefilled.put(member, new Attendance(member, AttendanceStatus.EXCUSED, reason, false)));
        return Change.silent(new InProgressMeeting(id, cellId, orgPath, plan, prefilled, now, by, version + 1));
    }
}

package vn.partycell.meeting.domain;

import java.time.Instant;
import java.util.Objects;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.OrgPath;

/** A meeting being prepared (dự thảo): edited freely, told to nobody until it is scheduled. */
public record DraftMeeting(MeetingId id, CellId cellId, OrgPath orgPath, MeetingPlan plan, long version)
        implements Meeting {

    public DraftMeeting {
        Objects.requireNonNull(id);
        Objects.requireNonNull(cellId);
        Objects.requireNonNull(orgPath);
        Objects.requireNonNull(plan);
    }

    @Override
    public MeetingStatus status() {
        return MeetingStatus.DRAFT;
    }

    /** Replaces the plan; nobody has been told, so no event. */
    public Change<DraftMeeting, MeetingEvent> edit(MeetingPlan next, Instant now) {
        return Change.silent(new DraftMeeting(id, cellId, orgPath, next.check(now), version + 1));
    }

    /** Sends the notice: the plan is checked again against the clock (a draft may have aged). */
    public Change<ScheduledMeeting, MeetingEvent> schedule(Instant now) {
        ScheduledMeeting scheduled = new ScheduledMeeting(id, cellId, orgPath, plan.check(now), version + 1);
        return Change.of(scheduled, new MeetingEvent.Scheduled(scheduled));
    }

    /** A draft nobody was told of is dropped with its reason, silently. */
    public Change<CancelledMeeting, MeetingEvent> cancel(String reason, String by, Instant now) {
        return Change.silent(new CancelledMeeting(
                id, cellId, orgPath, plan, MeetingStatus.DRAFT, CancelledMeeting.reason(reason), now, by, version + 1));
    }
}

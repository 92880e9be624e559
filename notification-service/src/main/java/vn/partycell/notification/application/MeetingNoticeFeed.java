package vn.partycell.notification.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import vn.partycell.contracts.EventContracts;
import vn.partycell.notification.domain.AttendanceStatus;
import vn.partycell.notification.domain.ClosedMeeting;
import vn.partycell.notification.domain.MeetingKind;
import vn.partycell.notification.domain.MeetingNotices;
import vn.partycell.notification.domain.Notice;
import vn.partycell.notification.domain.Occurrence;
import vn.partycell.notification.domain.RosterMember;
import vn.partycell.notification.domain.ScheduledMeeting;
import vn.partycell.platform.events.InboundEvent;
import vn.partycell.platform.events.Outcome;
import vn.partycell.platform.events.PoisonEventException;

/**
 * Turns meeting-service's events into notices.
 *
 * <p><b>Exactly once per person and fact.</b> A notice's id is derived from (recipient, fact key)
 * and stored insert-if-absent, so a redelivery (same event id), a republication (new event id for
 * the same meeting) or a replay from the start never adds a second notice. The notice keeps the id
 * of the event that created it and the event's time as its {@code createdAt}.
 *
 * <p><b>Roster lag.</b> A scheduled meeting goes to the active members of the cell <em>as the roster
 * read model stands when the event is handled</em>. The roster comes from another topic, so a
 * member registered just before the meeting was scheduled may not be in it yet and then gets no
 * notice from this event. If meeting-service publishes the meeting again (a higher version after a
 * change of time, place or agenda), members who were missed then receive it, while those who
 * already have it do not get a second one. A closed meeting needs no roster: its recipients are the
 * members its final attendance records as absent without excuse.
 */
@Service
public class MeetingNoticeFeed {

    private static final Logger log = LoggerFactory.getLogger(MeetingNoticeFeed.class);

    /** meetings.meeting.scheduled data, as the contract defines it (unknown fields are ignored). */
    public record ScheduledData(
            UUID meetingId,
            UUID cellId,
            String orgPath,
            String kind,
            String title,
            Instant startsAt,
            String place,
            List<String> agenda,
            long version) {}

    /** meetings.meeting.closed data, as far as notices need it. */
    public record ClosedData(
            UUID meetingId,
            UUID cellId,
            String orgPath,
            String kind,
            String title,
            Instant startsAt,
            Integer year,
            List<AttendanceData> attendance,
            long version) {}

    /** One line of a closed meeting's attendance. */
    public record AttendanceData(UUID memberId, String status, String reason, Boolean spoke) {}

    private final RosterStore roster;
    private final NoticeStore notices;
    private final NoticePolicies policies;

    public MeetingNoticeFeed(RosterStore roster, NoticeStore notices, NoticePolicies policies) {
        this.roster = roster;
        this.notices = notices;
        this.policies = policies;
    }

    public Outcome onMeetingEvent(InboundEvent event) {
        String type = event.envelope().type();
        if (type.equals(EventContracts.MEETING_SCHEDULED)) {
            return scheduled(event);
        }
        if (type.equals(EventContracts.MEETING_CLOSED)) {
            return closed(event);
        }
        return Outcome.IGNORED;
    }

    private Outcome scheduled(InboundEvent event) {
        ScheduledData d = event.data(ScheduledData.class);
        ScheduledMeeting meeting = valid(
                event,
                () -> new ScheduledMeeting(
                        d.meetingId(),
                        d.cellId(),
                        RosterProjection.path(event.envelope().id(), d.orgPath()),
                        MeetingKind.parse(d.kind()),
                        d.title(),
                        d.startsAt(),
                        d.place(),
                        d.agenda(),
                        d.version()));
        List<RosterMember> cell = roster.roster(meeting.cellId());
        List<Notice> toSend = MeetingNotices.scheduled(meeting, cell, occurrence(event));
        if (toSend.isEmpty()) {
            log.warn(
                    "Meeting {} of cell {} scheduled (event {}) but the roster has no active member yet",
                    meeting.meetingId(),
                    meeting.cellId(),
                    event.envelope().id());
            return Outcome.IGNORED;
        }
        return notices.insertIfAbsent(toSend) > 0 ? Outcome.APPLIED : Outcome.DUPLICATE;
    }

    private Outcome closed(InboundEvent event) {
        ClosedData d = event.data(ClosedData.class);
        if (d.year() == null) {
            throw new PoisonEventException("Event " + event.envelope().id() + " lacks year");
        }
        ClosedMeeting meeting = valid(
                event,
                () -> new ClosedMeeting(
                        d.meetingId(),
                        d.cellId(),
                        RosterProjection.path(event.envelope().id(), d.orgPath()),
                        MeetingKind.parse(d.kind()),
                        d.title(),
                        d.startsAt(),
                        d.year(),
                        d.attendance() == null
                                ? List.of()
                                : d.attendance().stream()
                                        .map(a -> new ClosedMeeting.Attendance(
                                                a.memberId(), AttendanceStatus.parse(a.status())))
                                        .toList()));
        List<Notice> toSend = MeetingNotices.absences(meeting, policies.forYear(meeting.year()), occurrence(event));
        if (toSend.isEmpty()) {
            return Outcome.IGNORED;
        }
        return notices.insertIfAbsent(toSend) > 0 ? Outcome.APPLIED : Outcome.DUPLICATE;
    }

    private static Occurrence occurrence(InboundEvent event) {
        return new Occurrence(event.envelope().id(), event.envelope().time());
    }

    /** Data the contract forbids (a missing field, an unknown kind) can never be applied: poison. */
    private static <T> T valid(InboundEvent event, Supplier<T> build) {
        try {
            return build.get();
        } catch (NullPointerException | IllegalArgumentException e) {
            throw new PoisonEventException(
                    "Event " + event.envelope().id() + " has invalid data: " + e.getMessage(), e);
        }
    }
}

package vn.partycell.notification.application;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import vn.partycell.notification.domain.CancelledMeeting;
import vn.partycell.notification.domain.ExcuseDecision;
import vn.partycell.notification.domain.MeetingChange;
import vn.partycell.notification.domain.MeetingNotices;
import vn.partycell.notification.domain.Notice;
import vn.partycell.notification.domain.Occurrence;
import vn.partycell.notification.domain.RosterMember;
import vn.partycell.notification.domain.ScheduledMeeting;

/**
 * Sends the notices scheduled, changed and cancelled meetings and decided excuses cause. A change
 * or cancellation supersedes the meeting's earlier notices (fact keys {@code meeting-changed:<id>:<v>},
 * {@code meeting-cancelled:<id>}).
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
 * already have it do not get a second one. Absences are not worded from closed meetings but from
 * evaluation-service's count of them ({@link AbsenceNoticeReactions}).
 */
@Service
public class MeetingNoticeReactions {

    private static final Logger log = LoggerFactory.getLogger(MeetingNoticeReactions.class);

    private final RosterRepository roster;
    private final NoticeRepository notices;

    public MeetingNoticeReactions(RosterRepository roster, NoticeRepository notices) {
        this.roster = roster;
        this.notices = notices;
    }

    /** Every active member of the cell gets the meeting notice; an empty roster: nobody to tell. */
    public Effect onMeetingScheduled(ScheduledMeeting meeting, Occurrence occurrence) {
        List<RosterMember> cell = roster.roster(meeting.cellId());
        List<Notice> toSend = MeetingNotices.scheduled(meeting, cell, occurrence);
        if (toSend.isEmpty()) {
            log.warn(
                    "Meeting {} of cell {} scheduled (event {}) but the roster has no active member yet",
                    meeting.meetingId(),
                    meeting.cellId(),
                    occurrence.eventId());
            return Effect.NO_EFFECT;
        }
        return send(toSend);
    }

    /**
     * Every active member gets the changed notice (one per member and change), and the earlier
     * notices of the meeting are marked superseded by it.
     */
    public Effect onMeetingChanged(MeetingChange change, Occurrence occurrence) {
        List<Notice> toSend =
                MeetingNotices.changed(change, roster.roster(change.meeting().cellId()), occurrence);
        long superseded = notices.supersede(
                change.meeting().meetingId(),
                change.version(),
                MeetingNotices.changedFact(change.meeting().meetingId(), change.version()));
        if (toSend.isEmpty()) {
            return superseded > 0 ? Effect.APPLIED : Effect.NO_EFFECT;
        }
        Effect sent = send(toSend);
        return superseded > 0 ? Effect.APPLIED : sent;
    }

    /** Every active member is told of the cancellation; it supersedes every notice of the meeting's plan. */
    public Effect onMeetingCancelled(CancelledMeeting meeting, Occurrence occurrence) {
        List<Notice> toSend = MeetingNotices.cancelled(meeting, roster.roster(meeting.cellId()), occurrence);
        long superseded = notices.supersede(
                meeting.meetingId(), meeting.version(), MeetingNotices.cancelledFact(meeting.meetingId()));
        if (toSend.isEmpty()) {
            return superseded > 0 ? Effect.APPLIED : Effect.NO_EFFECT;
        }
        Effect sent = send(toSend);
        return superseded > 0 ? Effect.APPLIED : sent;
    }

    /** The member whose excuse was decided is told. */
    public Effect onExcuseDecided(ExcuseDecision decision, Occurrence occurrence) {
        return send(List.of(MeetingNotices.excuseDecided(decision, occurrence)));
    }

    private Effect send(List<Notice> toSend) {
        return notices.insertIfAbsent(toSend) > 0 ? Effect.APPLIED : Effect.DUPLICATE;
    }
}

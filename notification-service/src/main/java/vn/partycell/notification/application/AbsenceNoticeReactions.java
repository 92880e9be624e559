package vn.partycell.notification.application;

import java.util.List;
import org.springframework.stereotype.Service;
import vn.partycell.notification.domain.CountedAbsence;
import vn.partycell.notification.domain.MeetingNotices;
import vn.partycell.notification.domain.Occurrence;

/**
 * Sends the absence notice when evaluation-service has counted an unexcused absence on a member's
 * scorecard. The fact carries the months so far and the year's removal-review threshold, so the
 * notice quotes evaluation-service's figures instead of keeping a second copy of the policy.
 *
 * <p><b>Exactly once per member and meeting.</b> The notice's fact key is the meeting's ({@code
 * meeting-absent:<meetingId>}) and it is stored insert-if-absent, so a redelivery, a republication
 * or a replay never adds a second notice. No roster is needed: the fact names the member.
 */
@Service
public class AbsenceNoticeReactions {

    private final NoticeRepository notices;

    public AbsenceNoticeReactions(NoticeRepository notices) {
        this.notices = notices;
    }

    public Effect onAbsenceCounted(CountedAbsence absence, Occurrence occurrence) {
        return notices.insertIfAbsent(List.of(MeetingNotices.absence(absence, occurrence))) > 0
                ? Effect.APPLIED
                : Effect.DUPLICATE;
    }
}

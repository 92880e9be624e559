package vn.partycell.meeting.application;

import java.time.YearMonth;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.partycell.meeting.domain.InProgressMeeting;
import vn.partycell.meeting.domain.MemberId;
import vn.partycell.meeting.domain.MemberMeetingFacts;
import vn.partycell.meeting.domain.SelfCriticismRoundId;

/**
 * The member who self-criticised at the meeting: the month's pick of the cell, with the outcome
 * recorded as done by the time the meeting closes (an outcome recorded later is its own event,
 * {@code meetings.self-criticism.recorded}).
 */
@Component
class SelfCriticismClosingFacts implements ClosingFacts {

    private final SelfCriticismRepository rounds;

    SelfCriticismClosingFacts(SelfCriticismRepository rounds) {
        this.rounds = rounds;
    }

    @Override
    public Map<MemberId, MemberMeetingFacts> of(InProgressMeeting meeting) {
        YearMonth month = YearMonth.from(meeting.localStart());
        return rounds.find(new SelfCriticismRoundId(meeting.cellId(), month))
                .filter(round -> round.picked() != null
                        && round.outcome() != null
                        && round.outcome().done())
                .map(round -> Map.of(round.picked(), new MemberMeetingFacts(false, true, 0, 0, 0, 0)))
                .orElse(Map.of());
    }
}

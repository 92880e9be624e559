package vn.partycell.meeting.application;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.partycell.meeting.domain.InProgressMeeting;
import vn.partycell.meeting.domain.MemberId;
import vn.partycell.meeting.domain.MemberMeetingFacts;

/** Speeches, commendations, criticisms and votes cast, from the meeting's proceedings. */
@Component
class ProceedingsClosingFacts implements ClosingFacts {

    private final ProceedingsRepository proceedings;

    ProceedingsClosingFacts(ProceedingsRepository proceedings) {
        this.proceedings = proceedings;
    }

    @Override
    public Map<MemberId, MemberMeetingFacts> of(InProgressMeeting meeting) {
        Map<MemberId, MemberMeetingFacts> facts = new LinkedHashMap<>();
        proceedings
                .find(meeting.id())
                .ifPresent(p -> p.memberFacts(meeting)
                        .forEach((member, f) -> facts.put(
                                member,
                                new MemberMeetingFacts(
                                        f.spoke(), false, f.commendations(), f.criticisms(), f.votesCast(), 0))));
        return facts;
    }
}

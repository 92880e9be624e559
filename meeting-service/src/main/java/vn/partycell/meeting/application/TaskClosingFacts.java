package vn.partycell.meeting.application;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.partycell.meeting.domain.InProgressMeeting;
import vn.partycell.meeting.domain.MeetingTask;
import vn.partycell.meeting.domain.MemberId;
import vn.partycell.meeting.domain.MemberMeetingFacts;

/** The tasks assigned at the meeting's conclusion, per owner. */
@Component
class TaskClosingFacts implements ClosingFacts {

    private static final MemberMeetingFacts ONE_TASK = new MemberMeetingFacts(false, false, 0, 0, 0, 1);

    private final MeetingTaskRepository tasks;

    TaskClosingFacts(MeetingTaskRepository tasks) {
        this.tasks = tasks;
    }

    @Override
    public Map<MemberId, MemberMeetingFacts> of(InProgressMeeting meeting) {
        Map<MemberId, MemberMeetingFacts> facts = new LinkedHashMap<>();
        for (MeetingTask task : tasks.ofMeeting(meeting.id())) {
            facts.merge(task.ownerId(), ONE_TASK, MemberMeetingFacts::plus);
        }
        return facts;
    }
}

package vn.partycell.meeting.application;

import java.util.List;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.TaskWaiver;

/** Port: reasons for giving a present member no task, one per meeting and member (the latest wins). */
public interface TaskWaiverRepository {

    void save(TaskWaiver waiver);

    List<TaskWaiver> ofMeeting(MeetingId meetingId);
}

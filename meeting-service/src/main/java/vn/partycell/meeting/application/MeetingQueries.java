package vn.partycell.meeting.application;

import org.springframework.stereotype.Service;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.Meeting;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.MeetingStatus;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.kernel.ResultPage;
import vn.partycell.platform.security.Caller;

/** Reads of meetings: members and superiors read the meetings of the subtrees they are granted. */
@Service
public class MeetingQueries {

    private final MeetingRepository meetings;

    public MeetingQueries(MeetingRepository meetings) {
        this.meetings = meetings;
    }

    /** Outside the caller's subtrees a meeting does not exist (404). */
    public Meeting get(Caller caller, MeetingId id) {
        Meeting meeting = meetings.find(id).orElseThrow(() -> new NotFoundException("buổi sinh hoạt", id));
        caller.requireRead(meeting.orgPath(), "buổi sinh hoạt", id);
        return meeting;
    }

    public ResultPage<Meeting> search(Caller caller, CellId cellId, MeetingStatus status, PageQuery page) {
        return meetings.search(caller, cellId, status, page);
    }
}

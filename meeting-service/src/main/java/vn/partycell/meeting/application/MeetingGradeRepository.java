package vn.partycell.meeting.application;

import java.util.Optional;
import vn.partycell.meeting.domain.MeetingGrade;
import vn.partycell.meeting.domain.MeetingGradeEvent;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.platform.kernel.Change;

/** Port: the superior's grades, one per meeting (keyed by the meeting id), with their events in one write. */
public interface MeetingGradeRepository {

    Optional<MeetingGrade> find(MeetingId meetingId);

    /** A second grade of the same meeting is a 409 and writes nothing. */
    void insert(Change<MeetingGrade, MeetingGradeEvent> change);

    /** Stores a correction if the stored grade is still at {@code expectedVersion}, else 409 "stale-version". */
    void update(Change<MeetingGrade, MeetingGradeEvent> change, long expectedVersion);
}

package vn.partycell.meeting.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.partycell.meeting.domain.MeetingGrade;
import vn.partycell.meeting.domain.MeetingGradeEvent;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.ConflictException;

/** The grade port in memory: one grade per meeting, versioned corrections. */
public class InMemoryMeetingGradeRepository implements MeetingGradeRepository {

    private final Map<MeetingId, MeetingGrade> grades = new HashMap<>();
    private final List<MeetingGradeEvent> events = new ArrayList<>();

    public List<MeetingGradeEvent> events() {
        return List.copyOf(events);
    }

    @Override
    public Optional<MeetingGrade> find(MeetingId meetingId) {
        return Optional.ofNullable(grades.get(meetingId));
    }

    @Override
    public void insert(Change<MeetingGrade, MeetingGradeEvent> change) {
        if (grades.putIfAbsent(change.state().meetingId(), change.state()) != null) {
            throw new ConflictException("meeting-already-graded", "graded");
        }
        events.addAll(change.events());
    }

    @Override
    public void update(Change<MeetingGrade, MeetingGradeEvent> change, long expectedVersion) {
        MeetingGrade stored = grades.get(change.state().meetingId());
        if (stored == null || stored.version() != expectedVersion) {
            throw new ConflictException("stale-version", "not at version " + expectedVersion);
        }
        grades.put(stored.meetingId(), change.state());
        events.addAll(change.events());
    }
}

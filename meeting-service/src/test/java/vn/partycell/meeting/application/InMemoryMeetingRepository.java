package vn.partycell.meeting.application;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.Meeting;
import vn.partycell.meeting.domain.MeetingEvent;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.MeetingStatus;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.kernel.ResultPage;
import vn.partycell.platform.security.Caller;

/** The meeting port in memory, with the events stored in the order they were written (the outbox). */
public class InMemoryMeetingRepository implements MeetingRepository {

    private final Map<MeetingId, Meeting> meetings = new LinkedHashMap<>();
    private final List<MeetingEvent> events = new ArrayList<>();

    /** Every event stored so far, as the relay would publish them. */
    public List<MeetingEvent> events() {
        return List.copyOf(events);
    }

    @Override
    public Optional<Meeting> find(MeetingId id) {
        return Optional.ofNullable(meetings.get(id));
    }

    @Override
    public void insert(Change<? extends Meeting, MeetingEvent> change) {
        Meeting meeting = change.state();
        if (meetings.putIfAbsent(meeting.id(), meeting) != null) {
            throw new ConflictException("duplicate", "exists: " + meeting.id());
        }
        events.addAll(change.events());
    }

    @Override
    public void update(Change<? extends Meeting, MeetingEvent> change, long expectedVersion) {
        Meeting stored = meetings.get(change.state().id());
        if (stored == null || stored.version() != expectedVersion) {
            throw new ConflictException("stale-version", "not at version " + expectedVersion);
        }
        meetings.put(stored.id(), change.state());
        events.addAll(change.events());
    }

    @Override
    public ResultPage<Meeting> search(Caller caller, CellId cellId, MeetingStatus status, PageQuery page) {
        List<Meeting> all = meetings.values().stream()
                .filter(m -> caller.canRead(m.orgPath()))
                .filter(m -> cellId == null || m.cellId().equals(cellId))
                .filter(m -> status == null || m.status() == status)
                .sorted(Comparator.comparing(Meeting::startsAt).reversed())
                .toList();
        List<Meeting> content =
                all.stream().skip(page.offset()).limit(page.size()).toList();
        return new ResultPage<>(content, page, all.size());
    }
}

package vn.partycell.meeting.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.Proceedings;
import vn.partycell.meeting.domain.ProceedingsEvent;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.ConflictException;

/** Proceedings in memory, with the events each write carried, for use-case tests. */
public class InMemoryProceedingsRepository implements ProceedingsRepository {

    private final Map<MeetingId, Proceedings> stored = new HashMap<>();
    private final List<ProceedingsEvent> events = new ArrayList<>();

    public List<ProceedingsEvent> events() {
        return List.copyOf(events);
    }

    @Override
    public Optional<Proceedings> find(MeetingId meetingId) {
        return Optional.ofNullable(stored.get(meetingId));
    }

    @Override
    public void save(Change<Proceedings, ProceedingsEvent> change, long expectedVersion) {
        Proceedings current = stored.get(change.state().meetingId());
        long version = current == null ? 0 : current.version();
        if (version != expectedVersion) {
            throw new ConflictException("stale-version", "stale");
        }
        stored.put(change.state().meetingId(), change.state());
        events.addAll(change.events());
    }

    @Override
    public List<CongressHeld> congressesOf(CellId cellId) {
        return stored.values().stream()
                .filter(p -> p.cellId().equals(cellId) && p.electedAtCongress())
                .map(p -> new CongressHeld(p.meetingId(), p.heldOn()))
                .toList();
    }
}

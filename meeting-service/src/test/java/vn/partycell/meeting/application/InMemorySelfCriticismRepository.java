package vn.partycell.meeting.application;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.SelfCriticismEvent;
import vn.partycell.meeting.domain.SelfCriticismRound;
import vn.partycell.meeting.domain.SelfCriticismRoundId;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.ConflictException;

/** The self-criticism port in memory, with the same insert/version rules as the Mongo adapter. */
public class InMemorySelfCriticismRepository implements SelfCriticismRepository {

    private final Map<SelfCriticismRoundId, SelfCriticismRound> rounds = new HashMap<>();
    private final List<SelfCriticismEvent> events = new ArrayList<>();

    public List<SelfCriticismEvent> events() {
        return List.copyOf(events);
    }

    @Override
    public Optional<SelfCriticismRound> find(SelfCriticismRoundId id) {
        return Optional.ofNullable(rounds.get(id));
    }

    @Override
    public List<SelfCriticismRound> ofCell(CellId cellId) {
        return rounds.values().stream()
                .filter(r -> r.id().cellId().equals(cellId))
                .sorted(Comparator.comparing(SelfCriticismRound::month))
                .toList();
    }

    @Override
    public void save(Change<SelfCriticismRound, SelfCriticismEvent> change, long expectedVersion) {
        SelfCriticismRound stored = rounds.get(change.state().id());
        long current = stored == null ? 0 : stored.version();
        if (current != expectedVersion) {
            throw new ConflictException("stale-version", "not at version " + expectedVersion);
        }
        rounds.put(change.state().id(), change.state());
        events.addAll(change.events());
    }
}

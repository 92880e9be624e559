package vn.partycell.meeting.application;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.partycell.meeting.domain.Cell;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.MemberId;
import vn.partycell.meeting.domain.RosterMember;

/** The roster port in memory, with the same "newer version wins" rule as the Mongo adapter. */
public class InMemoryRosterRepository implements RosterRepository {

    private final Map<MemberId, RosterMember> members = new HashMap<>();
    private final Map<CellId, Cell> cells = new HashMap<>();
    private final Map<Object, String> lastEventIds = new HashMap<>();

    @Override
    public boolean saveIfNewer(RosterMember member, Occurrence occurrence) {
        RosterMember stored = members.get(member.memberId());
        if (stored != null && stored.version() >= member.version()) {
            return false;
        }
        members.put(member.memberId(), member);
        lastEventIds.put(member.memberId(), occurrence.eventId());
        return true;
    }

    @Override
    public boolean saveIfNewer(Cell cell, Occurrence occurrence) {
        Cell stored = cells.get(cell.id());
        if (stored != null && stored.version() >= cell.version()) {
            return false;
        }
        cells.put(cell.id(), cell);
        lastEventIds.put(cell.id(), occurrence.eventId());
        return true;
    }

    @Override
    public Optional<Cell> cell(CellId id) {
        return Optional.ofNullable(cells.get(id));
    }

    @Override
    public List<RosterMember> roster(CellId cellId) {
        return members.values().stream()
                .filter(m -> cellId.equals(m.cellId()))
                .sorted(Comparator.comparing(RosterMember::fullName))
                .toList();
    }

    public Optional<RosterMember> member(MemberId id) {
        return Optional.ofNullable(members.get(id));
    }

    /** The id of the event whose snapshot is stored for this member or cell id. */
    public String lastEventId(Object id) {
        return lastEventIds.get(id);
    }
}

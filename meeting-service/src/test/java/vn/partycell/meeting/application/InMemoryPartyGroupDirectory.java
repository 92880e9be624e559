package vn.partycell.meeting.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.PartyGroup;

/** The party groups of cells in memory. */
public class InMemoryPartyGroupDirectory implements PartyGroupDirectory {

    private final Map<CellId, List<PartyGroup>> groups = new HashMap<>();

    public void add(CellId cellId, PartyGroup group) {
        groups.computeIfAbsent(cellId, c -> new ArrayList<>()).add(group);
    }

    @Override
    public List<PartyGroup> partyGroups(CellId cellId) {
        return List.copyOf(groups.getOrDefault(cellId, List.of()));
    }
}

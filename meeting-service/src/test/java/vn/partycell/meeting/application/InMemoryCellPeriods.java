package vn.partycell.meeting.application;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.CellPeriodFacts;
import vn.partycell.meeting.domain.ClosedMeetingFacts;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.MeetingKind;
import vn.partycell.meeting.domain.Period;

/** Period facts in memory, for use-case and reader tests. */
public class InMemoryCellPeriods implements CellPeriods {

    private final Map<String, CellPeriodFacts> facts = new ConcurrentHashMap<>();
    private final Map<String, Set<MeetingId>> counted = new ConcurrentHashMap<>();

    @Override
    public synchronized boolean add(ClosedMeetingFacts m, Period period) {
        String key = m.cellId() + ":" + period.key();
        if (!counted.computeIfAbsent(key, k -> new HashSet<>()).add(m.meetingId())) {
            return false;
        }
        CellPeriodFacts f = facts.getOrDefault(key, CellPeriodFacts.none(m.cellId(), period));
        facts.put(
                key,
                new CellPeriodFacts(
                        m.cellId(),
                        period,
                        f.regular() + (m.kind() == MeetingKind.REGULAR ? 1 : 0),
                        f.thematic() + (m.kind() == MeetingKind.THEMATIC ? 1 : 0),
                        f.closed() + 1,
                        f.expected() + m.expected(),
                        f.attended() + m.attended(),
                        f.speakers() + m.speakers(),
                        f.grade()));
        return true;
    }

    @Override
    public Map<CellId, CellPeriodFacts> find(Collection<CellId> cells, Period period) {
        Map<CellId, CellPeriodFacts> found = new HashMap<>();
        for (CellId cell : cells) {
            CellPeriodFacts f = facts.get(cell + ":" + period.key());
            if (f != null) {
                found.put(cell, f);
            }
        }
        return found;
    }
}

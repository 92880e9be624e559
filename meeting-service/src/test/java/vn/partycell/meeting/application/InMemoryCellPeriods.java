package vn.partycell.meeting.application;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import vn.partycell.meeting.domain.AmendedMeetingFacts;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.CellPeriodFacts;
import vn.partycell.meeting.domain.ClosedMeetingFacts;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.MeetingKind;
import vn.partycell.meeting.domain.Period;
import vn.partycell.meeting.domain.PeriodGrade;

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
                        f.grade(),
                        f.gradeRank()));
        meetings.put(key + ":" + m.meetingId(), m);
        return true;
    }

    private final Map<String, ClosedMeetingFacts> meetings = new ConcurrentHashMap<>();
    private final Set<String> amendments = ConcurrentHashMap.newKeySet();
    private final Map<String, PeriodGrade> grades = new ConcurrentHashMap<>();

    @Override
    public synchronized boolean amend(AmendedMeetingFacts a, Period period) {
        String key = a.cellId() + ":" + period.key();
        if (!counted.getOrDefault(key, Set.of()).contains(a.meetingId())
                || !amendments.add(key + ":" + a.amendmentId())) {
            return false;
        }
        CellPeriodFacts f = facts.get(key);
        facts.put(
                key,
                new CellPeriodFacts(
                        f.cellId(),
                        period,
                        f.regular(),
                        f.thematic(),
                        f.closed(),
                        f.expected(),
                        f.attended() + a.attendedDelta(),
                        f.speakers() + a.speakersDelta(),
                        f.grade(),
                        f.gradeRank()));
        return true;
    }

    @Override
    public synchronized boolean remove(MeetingId meetingId, CellId cellId, Period period) {
        String key = cellId + ":" + period.key();
        ClosedMeetingFacts m = meetings.remove(key + ":" + meetingId);
        if (m == null) {
            return false;
        }
        counted.get(key).remove(meetingId);
        CellPeriodFacts f = facts.get(key);
        facts.put(
                key,
                new CellPeriodFacts(
                        cellId,
                        period,
                        f.regular() - (m.kind() == MeetingKind.REGULAR ? 1 : 0),
                        f.thematic() - (m.kind() == MeetingKind.THEMATIC ? 1 : 0),
                        f.closed() - 1,
                        f.expected() - m.expected(),
                        f.attended() - m.attended(),
                        f.speakers() - m.speakers(),
                        f.grade(),
                        f.gradeRank()));
        return true;
    }

    @Override
    public synchronized boolean grade(PeriodGrade g, Period period) {
        String key = g.cellId() + ":" + period.key();
        PeriodGrade stored = grades.get(key + ":" + g.meetingId());
        if (stored != null && stored.revision() >= g.revision()) {
            return false;
        }
        grades.put(key + ":" + g.meetingId(), g);
        PeriodGrade lowest = grades.entrySet().stream()
                .filter(e -> e.getKey().startsWith(key + ":"))
                .map(Map.Entry::getValue)
                .max(java.util.Comparator.comparingInt(PeriodGrade::rank))
                .orElseThrow();
        CellPeriodFacts f = facts.getOrDefault(key, CellPeriodFacts.none(g.cellId(), period));
        facts.put(
                key,
                new CellPeriodFacts(
                        g.cellId(),
                        period,
                        f.regular(),
                        f.thematic(),
                        f.closed(),
                        f.expected(),
                        f.attended(),
                        f.speakers(),
                        lowest.grade(),
                        lowest.rank()));
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

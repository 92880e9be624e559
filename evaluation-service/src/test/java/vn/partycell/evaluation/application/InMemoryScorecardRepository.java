package vn.partycell.evaluation.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.partycell.evaluation.domain.CellId;
import vn.partycell.evaluation.domain.MeetingId;
import vn.partycell.evaluation.domain.MemberId;
import vn.partycell.evaluation.domain.Scorecard;
import vn.partycell.evaluation.domain.ScorecardEvent;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.kernel.ResultPage;

/**
 * The port's rules in memory, for use-case tests without Spring or a database: a scorecard is
 * replaced only in the version that was read ({@link Scorecard#version()}); a cell keeps the path of its latest meeting; the
 * removal-review list is most months first, then by member id. The events of each write that
 * applied are kept in {@link #published}, in order, as the outbox would publish them.
 */
public class InMemoryScorecardRepository implements ScorecardRepository {

    public final Map<String, Scorecard> cards = new HashMap<>();
    public final Map<CellId, OrgPath> cells = new HashMap<>();
    public final List<ScorecardEvent> published = new ArrayList<>();
    private final Map<CellId, String> cellAsOf = new HashMap<>();
    /** Runs once, just before the next replace: lets a test slip in a concurrent write. */
    Runnable beforeNextReplace = () -> {};

    int replaces;

    @Override
    public Optional<Scorecard> find(MemberId memberId, int year) {
        return Optional.ofNullable(cards.get(memberId + ":" + year));
    }

    @Override
    public boolean replace(Change<Scorecard, ScorecardEvent> change, int storedVersion, MeetingId addedMeeting) {
        return write(change, storedVersion, addedMeeting);
    }

    @Override
    public boolean correct(Change<Scorecard, ScorecardEvent> change, int storedVersion) {
        return write(change, storedVersion, null);
    }

    private boolean write(Change<Scorecard, ScorecardEvent> change, int storedVersion, MeetingId addedMeeting) {
        Scorecard next = change.state();
        replaces++;
        Runnable race = beforeNextReplace;
        beforeNextReplace = () -> {};
        race.run();
        String key = next.memberId() + ":" + next.year();
        Scorecard stored = cards.get(key);
        int version = stored == null ? 0 : stored.version();
        if (version != storedVersion || (stored != null && addedMeeting != null && stored.contains(addedMeeting))) {
            return false;
        }
        cards.put(key, next);
        published.addAll(change.events());
        return true;
    }

    @Override
    public boolean recordCell(CellId cellId, OrgPath orgPath, Instant startsAt, MeetingId meetingId) {
        String asOf = startsAt + "|" + meetingId;
        String stored = cellAsOf.get(cellId);
        if (stored != null && stored.compareTo(asOf) >= 0) {
            return false;
        }
        cellAsOf.put(cellId, asOf);
        cells.put(cellId, orgPath);
        return true;
    }

    @Override
    public Optional<OrgPath> cellPath(CellId cellId) {
        return Optional.ofNullable(cells.get(cellId));
    }

    @Override
    public ResultPage<Scorecard> withUnexcusedAbsenceMonths(CellId cellId, int year, int minMonths, PageQuery page) {
        List<Scorecard> all = cards.values().stream()
                .filter(s -> s.cellId().equals(cellId) && s.year() == year)
                .filter(s -> s.unexcusedAbsenceMonths().size() >= minMonths)
                .sorted(Comparator.<Scorecard>comparingInt(
                                s -> -s.unexcusedAbsenceMonths().size())
                        .thenComparing(s -> s.memberId().toString()))
                .toList();
        List<Scorecard> content =
                all.stream().skip(page.offset()).limit(page.size()).toList();
        return new ResultPage<>(content, page, all.size());
    }
}

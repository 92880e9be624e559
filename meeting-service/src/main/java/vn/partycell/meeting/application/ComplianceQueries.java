package vn.partycell.meeting.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import vn.partycell.meeting.domain.CellCompliance;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.CellPeriodFacts;
import vn.partycell.meeting.domain.MeetingKind;
import vn.partycell.meeting.domain.OrgUnitId;
import vn.partycell.meeting.domain.Period;
import vn.partycell.meeting.domain.WatchedUnit;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.kernel.ResultPage;
import vn.partycell.platform.kernel.VietnamTime;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.security.Role;

/**
 * A superior's compliance list: every live cell under a node they are a superior of, with its facts
 * in a month or a quarter, sorted and paged. The cells come from the unit read model, their facts
 * from the period documents by unique key; a cell without a closed meeting is listed with zeros.
 * Sorting is on derived figures (rates), so it is done here over the subtree's cells (10,000 for a
 * province: see the compliance benchmark).
 */
@Service
public class ComplianceQueries {

    /**
     * Sort names the API accepts, each with its key; nulls (no meeting, no grade) sort last either way.
     * {@code grade} sorts by the place on the year's scale: ascending is best first.
     */
    public static final Map<String, Function<CellCompliance, Comparable<?>>> SORTS = Map.of(
            "compliance", c -> c.status(),
            "attendanceRate", c -> c.facts().attendanceRate(),
            "averageSpeakers", c -> c.facts().averageSpeakers(),
            "grade", c -> c.facts().gradeRank(),
            "closedMeetings", c -> c.facts().closed(),
            "code", c -> c.cell().code(),
            "name", c -> c.cell().name(),
            "orgPath", c -> c.cell().orgPath().value());

    private static final int BATCH = 1000;

    private final WatchedUnits units;
    private final CellPeriods periods;
    private final CompliancePolicy policy;
    private final Clock clock;

    public ComplianceQueries(WatchedUnits units, CellPeriods periods, CompliancePolicy policy, Clock clock) {
        this.units = units;
        this.periods = periods;
        this.policy = policy;
        this.clock = clock;
    }

    /** Outside the caller's subtrees the node does not exist (404); inside, below superior, 403. */
    public ResultPage<CellCompliance> list(Caller caller, OrgUnitId unitId, Period period, PageQuery page) {
        WatchedUnit unit = units.find(unitId).orElseThrow(() -> new NotFoundException("tổ chức đảng", unitId));
        caller.requireRole(unit.orgPath(), Role.SUPERIOR);
        LocalDate today = VietnamTime.date(clock.instant());
        List<MeetingKind> required = policy.requiredIn(period.year(), period.length());
        List<CellCompliance> lines = new ArrayList<>();
        OrgUnitId after = null;
        while (true) {
            List<WatchedUnit> batch = units.liveCells(unit.orgPath(), after, BATCH);
            if (batch.isEmpty()) {
                break;
            }
            after = batch.getLast().id();
            Map<CellId, CellPeriodFacts> facts =
                    periods.find(batch.stream().map(WatchedUnit::cellId).toList(), period);
            for (WatchedUnit cell : batch) {
                CellPeriodFacts f = facts.getOrDefault(cell.cellId(), CellPeriodFacts.none(cell.cellId(), period));
                lines.add(CellCompliance.of(cell, f, required, today));
            }
        }
        lines.sort(order(page.sort()));
        long from = Math.min(page.offset(), lines.size());
        long to = Math.min(from + page.size(), lines.size());
        return new ResultPage<>(List.copyOf(lines.subList((int) from, (int) to)), page, lines.size());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<CellCompliance> order(List<PageQuery.Order> sort) {
        Comparator<CellCompliance> order = (a, b) -> 0;
        for (PageQuery.Order o : sort) {
            Function<CellCompliance, Comparable<?>> key = SORTS.get(o.field());
            if (key == null) {
                continue;
            }
            Comparator<Comparable> values = o.descending() ? Comparator.reverseOrder() : Comparator.naturalOrder();
            order = order.thenComparing(c -> (Comparable) key.apply(c), Comparator.nullsLast(values));
        }
        // Stable pages between requests: the org path, then the id, break ties.
        return order.thenComparing(c -> c.cell().orgPath().value())
                .thenComparing(c -> c.cell().id().toString());
    }
}

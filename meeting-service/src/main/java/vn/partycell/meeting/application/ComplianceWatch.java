package vn.partycell.meeting.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import vn.partycell.meeting.domain.CellEvent;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.CellPeriodFacts;
import vn.partycell.meeting.domain.MeetingKind;
import vn.partycell.meeting.domain.OrgUnitId;
import vn.partycell.meeting.domain.Period;
import vn.partycell.meeting.domain.PeriodLength;
import vn.partycell.meeting.domain.WatchedUnit;
import vn.partycell.platform.kernel.InvalidInputException;
import vn.partycell.platform.kernel.JobLease;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.VietnamTime;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.security.Role;

/**
 * The daily compliance watch (rule 3.6): for each watched kind, the last period of its policy
 * length that is over, every live cell that owed it, and a {@code CellMeetingOverdue} for each cell
 * with no closed meeting of that kind. One replica at a time (a lease); and since every overdue fact
 * is recorded once under its unique key with its event, a second run, a rerun after a crash or a
 * run on another replica publishes nothing twice. The last ended period is checked every day, so a
 * missed day is caught up the next.
 */
@Service
public class ComplianceWatch {

    static final String JOB = "compliance-watch";
    private static final Logger log = LoggerFactory.getLogger(ComplianceWatch.class);

    private final WatchedUnits units;
    private final CellPeriods periods;
    private final CellOverdues overdues;
    private final JobLease lease;
    private final CompliancePolicy policy;
    private final ComplianceWatchSettings settings;
    private final Clock clock;

    public ComplianceWatch(
            WatchedUnits units,
            CellPeriods periods,
            CellOverdues overdues,
            JobLease lease,
            CompliancePolicy policy,
            ComplianceWatchSettings settings,
            Clock clock) {
        this.units = units;
        this.periods = periods;
        this.overdues = overdues;
        this.lease = lease;
        this.policy = policy;
        this.settings = settings;
        this.clock = clock;
    }

    /** What one run did; {@code ran} is false when another replica held the lease. */
    public record Run(
            boolean ran, LocalDate on, List<String> periods, long cellsChecked, long overdue, long published) {}

    /** The scheduled run: today in Vietnam. */
    public Run runToday() {
        return run(VietnamTime.date(clock.instant()));
    }

    /** An operator's run now (an admin over the whole tree), as of today or an earlier day. */
    public Run runFor(Caller caller, LocalDate on) {
        caller.requireRole(OrgPath.ROOT, Role.ADMIN);
        LocalDate today = VietnamTime.date(clock.instant());
        if (on != null && on.isAfter(today)) {
            throw new InvalidInputException("on", "không được là ngày trong tương lai (hôm nay là " + today + ")", on);
        }
        return run(on == null ? today : on);
    }

    Run run(LocalDate today) {
        if (!lease.tryHold(JOB, settings.lease())) {
            log.info("Compliance watch for {} skipped: another replica holds the lease", today);
            return new Run(false, today, List.of(), 0, 0, 0);
        }
        try {
            return check(today);
        } finally {
            lease.release(JOB);
        }
    }

    private Run check(LocalDate today) {
        // Which kind is due per which period: the year of the period that just ended decides (3.6 policy).
        Map<MeetingKind, Period> due = new LinkedHashMap<>();
        for (MeetingKind kind : CompliancePolicy.WATCHED) {
            PeriodLength length = policy.every(today.minusDays(1).getYear(), kind);
            due.put(kind, Period.containing(today, length).previous());
        }
        long checked = 0;
        long found = 0;
        long published = 0;
        OrgUnitId after = null;
        while (true) {
            List<WatchedUnit> batch = units.liveCells(OrgPath.ROOT, after, settings.batchSize());
            if (batch.isEmpty()) {
                break;
            }
            after = batch.getLast().id();
            checked += batch.size();
            List<CellEvent.MeetingOverdue> candidates = new ArrayList<>();
            List<CellId> ids = batch.stream().map(WatchedUnit::cellId).toList();
            for (Map.Entry<MeetingKind, Period> entry : due.entrySet()) {
                Map<CellId, CellPeriodFacts> facts = periods.find(ids, entry.getValue());
                for (WatchedUnit cell : batch) {
                    CellPeriodFacts f =
                            facts.getOrDefault(cell.cellId(), CellPeriodFacts.none(cell.cellId(), entry.getValue()));
                    Optional<CellEvent.MeetingOverdue> overdue = CellEvent.check(cell, f, entry.getKey(), today);
                    overdue.ifPresent(candidates::add);
                }
            }
            found += candidates.size();
            Set<String> recorded = overdues.recorded(
                    candidates.stream().map(CellEvent.MeetingOverdue::key).toList());
            for (CellEvent.MeetingOverdue overdue : candidates) {
                if (!recorded.contains(overdue.key()) && overdues.record(overdue)) {
                    published++;
                }
            }
        }
        List<String> keys = due.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().key())
                .toList();
        log.info(
                "Compliance watch for {}: {} cells, {} overdue, {} newly published ({})",
                today,
                checked,
                found,
                published,
                keys);
        return new Run(true, today, keys, checked, found, published);
    }
}

package vn.partycell.meeting.application;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import vn.partycell.meeting.domain.Cell;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.MemberId;
import vn.partycell.meeting.domain.Nomination;
import vn.partycell.meeting.domain.OrgUnitId;
import vn.partycell.meeting.domain.OrgUnitKind;
import vn.partycell.meeting.domain.PartyGroup;
import vn.partycell.meeting.domain.RosterMember;
import vn.partycell.meeting.domain.SelfCriticismEvent;
import vn.partycell.meeting.domain.SelfCriticismRotation;
import vn.partycell.meeting.domain.SelfCriticismRotation.Candidate;
import vn.partycell.meeting.domain.SelfCriticismRound;
import vn.partycell.meeting.domain.SelfCriticismRoundId;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.InvalidInputException;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.kernel.Versions;
import vn.partycell.platform.kernel.VietnamTime;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.security.Role;

/**
 * The month's self-criticism of a cell (tự phê bình): the rotation's suggestion per party group,
 * the groups' nominations, the committee's pick and the outcome. The committee (chi ủy) and the
 * secretary record them; members of the cell read the round.
 */
@Service
public class SelfCriticismService {

    /** How far back a month may be: minutes entered late, and the rotation's history taken over. */
    private static final int MONTHS_BACK = 120;

    private final SelfCriticismRepository rounds;
    private final RosterRepository rosters;
    private final PartyGroupDirectory groups;
    private final Clock clock;

    public SelfCriticismService(
            SelfCriticismRepository rounds, RosterRepository rosters, PartyGroupDirectory groups, Clock clock) {
        this.rounds = rounds;
        this.rosters = rosters;
        this.groups = groups;
        this.clock = clock;
    }

    /** One group's part of the month: the candidates in rotation order (next first) and its nomination. */
    public record GroupSuggestion(PartyGroup group, List<Candidate> candidates, Nomination nomination) {

        public Candidate suggested() {
            return candidates.isEmpty() ? null : candidates.getFirst();
        }
    }

    /** The round of the month; one nothing was recorded for yet is empty (version 0). */
    public SelfCriticismRound round(Caller caller, CellId cellId, YearMonth month) {
        Cell cell = cell(cellId);
        caller.requireRead(cell.orgPath(), "chi bộ", cellId);
        return current(cell, month);
    }

    /** What the rotation suggests each group nominates for the month. */
    public List<GroupSuggestion> suggestions(Caller caller, CellId cellId, YearMonth month) {
        Cell cell = cell(cellId);
        caller.requireRole(cell.orgPath(), Role.COMMITTEE);
        SelfCriticismRound round = current(cell, month);
        List<SelfCriticismRound> history = rounds.ofCell(cellId);
        Map<PartyGroup, List<RosterMember>> byGroup = membersByGroup(cell);
        List<GroupSuggestion> result = new ArrayList<>();
        byGroup.forEach((group, members) -> {
            List<Candidate> order = SelfCriticismRotation.order(members, history, month);
            if (!group.cellLevel() || !order.isEmpty() || byGroup.size() == 1) {
                result.add(new GroupSuggestion(group, order, round.nominations().get(group.id())));
            }
        });
        return result;
    }

    public SelfCriticismRound nominate(
            Caller caller,
            CellId cellId,
            YearMonth month,
            OrgUnitId groupId,
            MemberId memberId,
            String note,
            Long expectedVersion) {
        Cell cell = cell(cellId);
        caller.requireRole(cell.orgPath(), Role.COMMITTEE);
        SelfCriticismRound round = forChange(cell, month, expectedVersion);
        Map<PartyGroup, List<RosterMember>> byGroup = membersByGroup(cell);
        PartyGroup group = byGroup.keySet().stream()
                .filter(g -> g.id().equals(groupId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("tổ đảng", groupId));
        List<RosterMember> eligible = byGroup.get(group).stream()
                .filter(SelfCriticismRotation::eligible)
                .toList();
        return save(
                round.nominate(group, memberId, eligible, note, caller.username(), clock.instant()), round.version());
    }

    public SelfCriticismRound pick(
            Caller caller, CellId cellId, YearMonth month, MemberId memberId, Long expectedVersion) {
        Cell cell = cell(cellId);
        caller.requireRole(cell.orgPath(), Role.COMMITTEE);
        SelfCriticismRound round = forChange(cell, month, expectedVersion);
        return save(round.pick(memberId, caller.username()), round.version());
    }

    public SelfCriticismRound recordOutcome(
            Caller caller,
            CellId cellId,
            YearMonth month,
            boolean done,
            String reason,
            String note,
            Long expectedVersion) {
        Cell cell = cell(cellId);
        caller.requireRole(cell.orgPath(), Role.COMMITTEE);
        SelfCriticismRound round = forChange(cell, month, expectedVersion);
        return save(
                round.recordOutcome(done, reason, note, caller.username(), clock.instant(), thisMonth()),
                round.version());
    }

    private SelfCriticismRound save(Change<SelfCriticismRound, SelfCriticismEvent> change, long expectedVersion) {
        rounds.save(change, expectedVersion);
        return change.state();
    }

    /** The version the caller read (409), then the round. */
    private SelfCriticismRound forChange(Cell cell, YearMonth month, Long expectedVersion) {
        SelfCriticismRound round = current(cell, month);
        Versions.requireCurrent(expectedVersion, round.version(), "Đợt tự phê bình");
        return round;
    }

    private SelfCriticismRound current(Cell cell, YearMonth month) {
        requireWithinWindow(month);
        SelfCriticismRoundId id = new SelfCriticismRoundId(cell.id(), month);
        return rounds.find(id).orElseGet(() -> SelfCriticismRound.open(id, cell.orgPath()));
    }

    /** A sane window, not a rule: ten years back, and the next month prepared ahead at most. */
    private void requireWithinWindow(YearMonth month) {
        YearMonth now = thisMonth();
        if (month.isAfter(now.plusMonths(1)) || month.isBefore(now.minusMonths(MONTHS_BACK))) {
            throw new InvalidInputException(
                    "month",
                    "Tháng phải từ " + now.minusMonths(MONTHS_BACK) + " đến " + now.plusMonths(1),
                    month.toString());
        }
    }

    private YearMonth thisMonth() {
        return YearMonth.from(clock.instant().atZone(VietnamTime.ZONE));
    }

    private Cell cell(CellId cellId) {
        return rosters.cell(cellId)
                .filter(c -> c.kind() == OrgUnitKind.CELL)
                .orElseThrow(() -> new NotFoundException("chi bộ", cellId));
    }

    /** The cell's party groups, then the cell-level group, each with its roster members. */
    private Map<PartyGroup, List<RosterMember>> membersByGroup(Cell cell) {
        List<PartyGroup> partyGroups = groups.partyGroups(cell.id());
        Set<OrgUnitId> ids = partyGroups.stream().map(PartyGroup::id).collect(Collectors.toSet());
        Map<OrgUnitId, List<RosterMember>> members = rosters.roster(cell.id()).stream()
                .collect(Collectors.groupingBy(m -> SelfCriticismRotation.groupOf(m, ids, cell.id())));
        Map<PartyGroup, List<RosterMember>> result = new LinkedHashMap<>();
        for (PartyGroup group : partyGroups) {
            result.put(group, members.getOrDefault(group.id(), List.of()));
        }
        PartyGroup cellLevel = PartyGroup.ofCell(cell.id(), cell.name());
        result.put(cellLevel, members.getOrDefault(cellLevel.id(), List.of()));
        return result;
    }
}

package vn.partycell.meeting.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partycell.meeting.application.SelfCriticismService.GroupSuggestion;
import vn.partycell.meeting.domain.Cell;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.MemberId;
import vn.partycell.meeting.domain.MemberStatus;
import vn.partycell.meeting.domain.OrgUnitId;
import vn.partycell.meeting.domain.OrgUnitKind;
import vn.partycell.meeting.domain.PartyGroup;
import vn.partycell.meeting.domain.RosterMember;
import vn.partycell.meeting.domain.SelfCriticismEvent;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.kernel.ForbiddenException;
import vn.partycell.platform.kernel.InvalidInputException;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.RuleViolationException;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.security.Grant;
import vn.partycell.platform.security.Role;

/** Self-criticism use cases against in-memory ports, month after month. */
class SelfCriticismServiceTest {

    private static final OrgPath CELL_PATH = OrgPath.of("/hy/a/cb-01/");
    private static final YearMonth START = YearMonth.of(2025, 1);

    private final InMemorySelfCriticismRepository rounds = new InMemorySelfCriticismRepository();
    private final InMemoryRosterRepository rosters = new InMemoryRosterRepository();
    private final InMemoryPartyGroupDirectory groups = new InMemoryPartyGroupDirectory();
    private final SelfCriticismService service = new SelfCriticismService(
            rounds, rosters, groups, Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));

    private final CellId cellId = new CellId(UUID.randomUUID());
    private final PartyGroup one = new PartyGroup(new OrgUnitId(UUID.randomUUID()), "Tổ 1", false);
    private final PartyGroup two = new PartyGroup(new OrgUnitId(UUID.randomUUID()), "Tổ 2", false);
    private final Map<OrgUnitId, List<MemberId>> members = new HashMap<>();
    private final Caller secretary = caller("bt", CELL_PATH, Role.SECRETARY);
    private final Caller member = caller("dv", CELL_PATH, Role.MEMBER);
    private final Caller outsider = caller("bt-b", OrgPath.of("/hy/b/"), Role.SUPERIOR);
    private int version = 1;

    private static Caller caller(String name, OrgPath path, Role role) {
        return new Caller(name, Optional.empty(), List.of(new Grant(path, role)));
    }

    @BeforeEach
    void cellWithTwoPartyGroups() {
        rosters.saveIfNewer(
                new Cell(cellId, "cb-01", "Chi bộ 1", OrgUnitKind.CELL, null, CELL_PATH, 1), new Occurrence("e"));
        rosters.saveIfNewer(
                new Cell(
                        new CellId(one.id().value()),
                        "to-1",
                        "Tổ 1",
                        OrgUnitKind.PARTY_GROUP,
                        new OrgUnitId(cellId.value()),
                        CELL_PATH.child("to-1"),
                        1),
                new Occurrence("g"));
        groups.add(cellId, one);
        groups.add(cellId, two);
        for (int i = 0; i < 3; i++) {
            join(one, "Tổ 1 người " + i, MemberStatus.FULL, false);
        }
        join(two, "Tổ 2 người 0", MemberStatus.FULL, false);
        join(two, "Tổ 2 người 1", MemberStatus.PROBATIONARY, false);
    }

    private MemberId join(PartyGroup group, String name, MemberStatus status, boolean exempted) {
        MemberId id = new MemberId(UUID.randomUUID());
        save(new RosterMember(id, cellId, group.id(), CELL_PATH.child("x"), name, status, exempted, version++));
        members.computeIfAbsent(group.id(), g -> new ArrayList<>()).add(id);
        return id;
    }

    private void save(RosterMember m) {
        rosters.saveIfNewer(m, new Occurrence("e-" + m.memberId()));
    }

    private GroupSuggestion of(List<GroupSuggestion> all, PartyGroup group) {
        return all.stream()
                .filter(s -> s.group().id().equals(group.id()))
                .findFirst()
                .orElseThrow();
    }

    /** One month as the committee runs it: each group nominates its suggestion, group one's nominee is picked. */
    private MemberId runMonth(YearMonth month) {
        List<GroupSuggestion> suggestions = service.suggestions(secretary, cellId, month);
        for (GroupSuggestion s : suggestions) {
            service.nominate(
                    secretary,
                    cellId,
                    month,
                    s.group().id(),
                    s.suggested().member().memberId(),
                    null,
                    null);
        }
        MemberId chosen = of(suggestions, one).suggested().member().memberId();
        service.pick(secretary, cellId, month, chosen, null);
        service.recordOutcome(secretary, cellId, month, true, null, "Đã tự phê bình", null);
        return chosen;
    }

    @Test
    void overTheMonthsNobodyInAGroupGoesTwiceBeforeEveryoneHasGoneOnceAndANewMemberIsNext() {
        Set<MemberId> firstCycle = new HashSet<>();
        YearMonth month = START;
        for (int i = 0; i < 3; i++, month = month.plusMonths(1)) {
            assertThat(firstCycle.add(runMonth(month))).isTrue();
        }
        assertThat(firstCycle).containsExactlyInAnyOrderElementsOf(members.get(one.id()));

        MemberId newcomer = join(one, "Người mới", MemberStatus.PROBATIONARY, false);
        assertThat(runMonth(month)).isEqualTo(newcomer);
        month = month.plusMonths(1);

        // An exempted member (miễn sinh hoạt) is skipped: the one due next is exempted now.
        List<GroupSuggestion> next = service.suggestions(secretary, cellId, month);
        MemberId due = of(next, one).suggested().member().memberId();
        RosterMember dueMember = rosters.member(due).orElseThrow();
        save(new RosterMember(
                due,
                cellId,
                one.id(),
                dueMember.orgPath(),
                dueMember.fullName(),
                dueMember.status(),
                true,
                dueMember.version() + 1));
        GroupSuggestion afterExemption = of(service.suggestions(secretary, cellId, month), one);
        assertThat(afterExemption.candidates())
                .extracting(c -> c.member().memberId())
                .doesNotContain(due);
        assertThatThrownBy(() -> service.nominate(secretary, cellId, START.plusMonths(4), one.id(), due, null, null))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("nominee-not-in-group"));

        // Group two's nominees were never picked: no turn taken, so its order is unchanged.
        assertThat(of(next, two).candidates())
                .allSatisfy(c -> assertThat(c.turns()).isZero());
        assertThat(rounds.events()).hasSize(4).allMatch(e -> e instanceof SelfCriticismEvent.Recorded);
    }

    @Test
    void aNomineeOfAnotherGroupAnUnknownGroupAStaleVersionAndAMonthOutOfRangeAreRefused() {
        MemberId ofTwo = members.get(two.id()).getFirst();
        assertThatThrownBy(() -> service.nominate(secretary, cellId, START, one.id(), ofTwo, null, null))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.facts()).containsEntry("field", "memberId"));
        assertThatThrownBy(() ->
                        service.nominate(secretary, cellId, START, new OrgUnitId(UUID.randomUUID()), ofTwo, null, null))
                .isInstanceOf(NotFoundException.class);
        service.nominate(secretary, cellId, START, two.id(), ofTwo, null, 0L);
        assertThatThrownBy(() -> service.pick(secretary, cellId, START, ofTwo, 0L))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("stale-version"));
        assertThat(service.pick(secretary, cellId, START, ofTwo, 1L).picked()).isEqualTo(ofTwo);
        assertThatThrownBy(() -> service.round(secretary, cellId, YearMonth.of(2027, 2)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("month"));
        assertThatThrownBy(
                        () -> service.recordOutcome(secretary, cellId, YearMonth.of(2027, 1), true, null, null, null))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void outsideTheSubtreeEveryUseCaseIs404AndAPlainMemberMayOnlyRead() {
        MemberId m = members.get(one.id()).getFirst();
        List<Consumer<Caller>> writes = List.of(
                c -> service.suggestions(c, cellId, START),
                c -> service.nominate(c, cellId, START, one.id(), m, null, null),
                c -> service.pick(c, cellId, START, m, null),
                c -> service.recordOutcome(c, cellId, START, true, null, null, null));
        for (Consumer<Caller> write : writes) {
            assertThatThrownBy(() -> write.accept(outsider)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> write.accept(member)).isInstanceOf(ForbiddenException.class);
        }
        assertThatThrownBy(() -> service.round(outsider, cellId, START)).isInstanceOf(NotFoundException.class);
        assertThat(service.round(member, cellId, START).version()).isZero();
        assertThatThrownBy(() -> service.round(secretary, new CellId(one.id().value()), START))
                .isInstanceOf(NotFoundException.class);
    }
}

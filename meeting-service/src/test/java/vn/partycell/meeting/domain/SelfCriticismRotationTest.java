package vn.partycell.meeting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partycell.platform.kernel.OrgPath;

/** The rotation alone: who goes next given the cell's rounds so far. */
class SelfCriticismRotationTest {

    private static final OrgPath PATH = OrgPath.of("/hy/a/cb-01/");
    private static final Instant AT = Instant.parse("2026-01-05T03:00:00Z");
    private final CellId cell = new CellId(UUID.randomUUID());
    private final PartyGroup group = new PartyGroup(new OrgUnitId(UUID.randomUUID()), "Tổ 1", false);
    private final List<SelfCriticismRound> history = new ArrayList<>();

    private RosterMember member(String name, MemberStatus status, boolean exempted) {
        return new RosterMember(new MemberId(UUID.randomUUID()), cell, group.id(), PATH, name, status, exempted, 1);
    }

    /** A month in which the group's nominee was picked and the outcome recorded. */
    private void turn(YearMonth month, RosterMember who, boolean done) {
        SelfCriticismRound round = SelfCriticismRound.open(new SelfCriticismRoundId(cell, month), PATH)
                .nominate(group, who.memberId(), List.of(who), null, "bt", AT)
                .state()
                .pick(who.memberId(), "bt")
                .state()
                .recordOutcome(done, done ? null : "Ốm", null, "bt", AT, month)
                .state();
        history.add(round);
    }

    private MemberId next(List<RosterMember> members, YearMonth month) {
        return SelfCriticismRotation.order(members, history, month)
                .getFirst()
                .member()
                .memberId();
    }

    @Test
    void nobodyGoesTwiceBeforeEveryActiveMemberOfTheGroupHasGoneOnce() {
        List<RosterMember> members = List.of(
                member("Nguyễn Văn An", MemberStatus.FULL, false),
                member("Trần Thị Bình", MemberStatus.FULL, false),
                member("Lê Văn Cường", MemberStatus.PROBATIONARY, false),
                member("Phạm Thị Dung", MemberStatus.FULL, false));
        YearMonth month = YearMonth.of(2025, 1);
        for (int cycle = 0; cycle < 3; cycle++) {
            Set<MemberId> wentThisCycle = new HashSet<>();
            for (int i = 0; i < members.size(); i++) {
                MemberId next = next(members, month);
                assertThat(wentThisCycle.add(next))
                        .as("cycle %d, month %s", cycle, month)
                        .isTrue();
                turn(
                        month,
                        members.stream()
                                .filter(m -> m.memberId().equals(next))
                                .findFirst()
                                .orElseThrow(),
                        true);
                month = month.plusMonths(1);
            }
            assertThat(wentThisCycle).hasSize(members.size());
        }
    }

    @Test
    void aNewMemberHasNeverGoneAndComesFirstAnExemptedOrGoneMemberIsSkipped() {
        RosterMember an = member("An", MemberStatus.FULL, false);
        RosterMember binh = member("Bình", MemberStatus.FULL, false);
        turn(YearMonth.of(2025, 1), an, true);
        turn(YearMonth.of(2025, 2), binh, true);
        RosterMember newcomer = member("Xuân", MemberStatus.PROBATIONARY, false);
        RosterMember exempted = member("Ánh", MemberStatus.FULL, true);
        RosterMember removed = member("Ân", MemberStatus.REMOVED, false);

        List<SelfCriticismRotation.Candidate> order = SelfCriticismRotation.order(
                List.of(an, binh, newcomer, exempted, removed), history, YearMonth.of(2025, 3));

        assertThat(order)
                .extracting(c -> c.member().memberId())
                .containsExactly(newcomer.memberId(), an.memberId(), binh.memberId());
        assertThat(order.get(1).lastTurn()).isEqualTo(YearMonth.of(2025, 1));
        assertThat(order.get(1).turns()).isEqualTo(1);
        assertThat(order.getFirst().lastTurn()).isNull();
    }

    @Test
    void aPickNotCarriedOutIsNoTurnAndLaterMonthsDoNotCount() {
        RosterMember an = member("An", MemberStatus.FULL, false);
        RosterMember binh = member("Bình", MemberStatus.FULL, false);
        turn(YearMonth.of(2025, 1), binh, true);
        turn(YearMonth.of(2025, 2), an, false);
        assertThat(next(List.of(an, binh), YearMonth.of(2025, 3))).isEqualTo(an.memberId());
        // Suggesting for January again ignores January's own round and everything after it.
        turn(YearMonth.of(2025, 3), an, true);
        assertThat(SelfCriticismRotation.order(List.of(an, binh), history, YearMonth.of(2025, 1)))
                .allSatisfy(c -> assertThat(c.turns()).isZero());
    }

    @Test
    void membersOutsideTheCellsPartyGroupsSelfCriticiseInTheCellLevelGroup() {
        RosterMember grouped = member("An", MemberStatus.FULL, false);
        RosterMember attached = new RosterMember(
                new MemberId(UUID.randomUUID()),
                cell,
                new OrgUnitId(UUID.randomUUID()),
                PATH,
                "Khách",
                MemberStatus.FULL,
                false,
                1);
        Set<OrgUnitId> groups = Set.of(group.id());
        assertThat(SelfCriticismRotation.groupOf(grouped, groups, cell)).isEqualTo(group.id());
        assertThat(SelfCriticismRotation.groupOf(attached, groups, cell)).isEqualTo(new OrgUnitId(cell.value()));
    }
}

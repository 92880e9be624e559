package vn.partycell.meeting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.RuleViolationException;

/** The rules of one month's round: nominations, the pick, the outcome once. */
class SelfCriticismRoundTest {

    private static final OrgPath PATH = OrgPath.of("/hy/a/cb-01/");
    private static final Instant AT = Instant.parse("2026-03-05T03:00:00Z");
    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private final CellId cell = new CellId(UUID.randomUUID());
    private final PartyGroup one = new PartyGroup(new OrgUnitId(UUID.randomUUID()), "Tổ 1", false);
    private final PartyGroup two = new PartyGroup(new OrgUnitId(UUID.randomUUID()), "Tổ 2", false);
    private final RosterMember an = member(one);
    private final RosterMember binh = member(two);

    private RosterMember member(PartyGroup group) {
        return new RosterMember(
                new MemberId(UUID.randomUUID()), cell, group.id(), PATH, "Đảng viên", MemberStatus.FULL, false, 1);
    }

    private SelfCriticismRound nominated() {
        return SelfCriticismRound.open(new SelfCriticismRoundId(cell, MARCH), PATH)
                .nominate(one, an.memberId(), List.of(an), null, "bt", AT)
                .state()
                .nominate(two, binh.memberId(), List.of(binh), "Tổ đề cử", "bt", AT)
                .state();
    }

    @Test
    void aNomineeOutsideTheGroupIsRefusedNamingTheField() {
        SelfCriticismRound round = SelfCriticismRound.open(new SelfCriticismRoundId(cell, MARCH), PATH);
        assertThatThrownBy(() -> round.nominate(one, binh.memberId(), List.of(an), null, "bt", AT))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.code()).isEqualTo("nominee-not-in-group");
                    assertThat(e.facts()).containsEntry("field", "memberId");
                });
    }

    @Test
    void aGroupMayChangeItsNomineeUntilThePickThenTheOutcomeIsRecordedOnceWithAnEvent() {
        SelfCriticismRound round = nominated();
        RosterMember other = member(one);
        round = round.nominate(one, other.memberId(), List.of(an, other), null, "bt", AT)
                .state();
        assertThat(round.nominations()).hasSize(2);
        assertThat(round.nominations().get(one.id()).memberId()).isEqualTo(other.memberId());
        assertThat(round.version()).isEqualTo(3);

        SelfCriticismRound current = round;
        assertThatThrownBy(() -> current.pick(an.memberId(), "bt"))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("not-a-nominee"));
        SelfCriticismRound picked = round.pick(binh.memberId(), "bt").state();
        assertThatThrownBy(() -> picked.nominate(one, an.memberId(), List.of(an), null, "bt", AT))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("self-criticism-picked"));
        assertThatThrownBy(() -> picked.recordOutcome(false, " ", null, "bt", AT, MARCH))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.facts()).containsEntry("field", "reason"));

        var recorded = picked.recordOutcome(true, null, "Nhận khuyết điểm", "bt", AT, MARCH);
        assertThat(recorded.events()).singleElement().isInstanceOf(SelfCriticismEvent.Recorded.class);
        assertThat(recorded.state().turnTaken()).contains(binh.memberId());
        assertThat(recorded.state().pickedNomination().orElseThrow().groupId()).isEqualTo(two.id());
        assertThatThrownBy(() -> recorded.state().recordOutcome(true, null, null, "bt", AT, MARCH))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("self-criticism-recorded"));
        assertThatThrownBy(() -> recorded.state().pick(an.memberId(), "bt")).isInstanceOf(ConflictException.class);
    }

    @Test
    void noOutcomeWithoutAPickNorForAMonthThatHasNotBegun() {
        SelfCriticismRound round = nominated();
        assertThatThrownBy(() -> round.recordOutcome(true, null, null, "bt", AT, MARCH))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("self-criticism-not-picked"));
        SelfCriticismRound picked = round.pick(an.memberId(), "bt").state();
        assertThatThrownBy(() -> picked.recordOutcome(true, null, null, "bt", AT, MARCH.minusMonths(1)))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("month-not-reached"));
        var notDone = picked.recordOutcome(false, "Ốm, vắng có lý do", null, "bt", AT, MARCH);
        assertThat(notDone.state().turnTaken()).isEmpty();
        assertThat(notDone.state().outcome().reason()).isEqualTo("Ốm, vắng có lý do");
    }
}

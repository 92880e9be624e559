package vn.partycell.member.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.RuleViolationException;

/** The tree's commands on one node: rename, move, dissolve, terms, roles, and the composition rules. */
class OrgTreeTest {

    private final Instant now = Instant.parse("2026-01-05T02:00:00Z");
    private final OrgUnit province = OrgUnit.root(OrgUnitId.random(), "hy", "Tỉnh ủy", OrgUnitKind.PROVINCE, now)
            .state();
    private final OrgUnit committee = province.child(
                    OrgUnitId.random(), "a", "Đảng ủy khối A", OrgUnitKind.COMMITTEE, now)
            .state();
    private final OrgUnit other = province.child(OrgUnitId.random(), "b", "Huyện ủy B", OrgUnitKind.COMMITTEE, now)
            .state();
    private final OrgUnit cell = committee
            .child(OrgUnitId.random(), "cb-01", "Chi bộ 1", OrgUnitKind.CELL, now)
            .state();
    private final OrgUnit group = cell.child(OrgUnitId.random(), "to-1", "Tổ 1", OrgUnitKind.PARTY_GROUP, now)
            .state();

    static Member member(OrgUnit cell, OrgUnit group, MemberStatus status) {
        PersonalData person = new PersonalData(
                "Trần Văn Minh",
                LocalDate.of(1990, 5, 1),
                Gender.MALE,
                String.format("033090%06d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000)),
                null,
                null,
                null,
                null);
        return Member.register(
                        MemberId.random(),
                        person,
                        cell,
                        group,
                        status,
                        false,
                        LocalDate.of(2020, 3, 2),
                        12,
                        "bt",
                        Instant.parse("2026-01-05T02:00:00Z"),
                        LocalDate.of(2026, 1, 5))
                .state();
    }

    @Test
    void aRenameKeepsThePathAndAnnouncesTheNewName() {
        var renamed = cell.rename("  Chi bộ Sở Tư pháp ");

        assertThat(renamed.state().name()).isEqualTo("Chi bộ Sở Tư pháp");
        assertThat(renamed.state().orgPath()).isEqualTo(cell.orgPath());
        assertThat(renamed.state().version()).isEqualTo(2);
        assertThat(renamed.events()).containsExactly(new OrgUnitEvent.Renamed(renamed.state()));
        assertThatThrownBy(() -> cell.rename("Chi bộ 1"))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("trùng");
    }

    @Test
    void aMoveTakesTheNewParentsPathAtOnceAndLeavesTheRewriteBelowPending() {
        var moved = cell.moveUnder(other, now);

        OrgUnit after = moved.state();
        assertThat(after.orgPath()).isEqualTo(OrgPath.of("/hy/b/cb-01/"));
        assertThat(after.parentId()).isEqualTo(other.id());
        assertThat(after.pendingMove().from()).isEqualTo(OrgPath.of("/hy/a/cb-01/"));
        assertThat(after.pendingMove().rewrite(OrgPath.of("/hy/a/cb-01/to-1/")))
                .isEqualTo(OrgPath.of("/hy/b/cb-01/to-1/"));
        assertThat(after.pendingMove().rewrite(OrgPath.of("/hy/a/cb-010/"))).isEqualTo(OrgPath.of("/hy/a/cb-010/"));
        assertThat(moved.events()).containsExactly(new OrgUnitEvent.Moved(after, OrgPath.of("/hy/a/cb-01/")));
        assertThatThrownBy(() -> after.moveUnder(committee, now))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("chưa hoàn tất");
        assertThat(after.moveCompleted().moveUnder(committee, now).state().orgPath())
                .isEqualTo(OrgPath.of("/hy/a/cb-01/"));
    }

    @Test
    void aMoveFollowsTheAllowedParentsAndNeverGoesUnderItsOwnSubtree() {
        assertThatThrownBy(() -> committee.moveUnder(cell, now))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("trực thuộc nó");
        assertThatThrownBy(() -> committee.moveUnder(committee, now)).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> group.moveUnder(other, now))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("PARTY_GROUP");
        assertThatThrownBy(() -> cell.moveUnder(committee, now))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("đã trực thuộc");
        assertThatThrownBy(() -> province.moveUnder(other, now)).isInstanceOf(RuleViolationException.class);
        OrgUnit dissolved = other.dissolve(LocalDate.of(2026, 1, 1), 0, 0).state();
        assertThatThrownBy(() -> cell.moveUnder(dissolved, now))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("giải thể");
    }

    @Test
    void aNodeWithActiveMembersOrLiveChildrenIsNotDissolvedAndADissolvedOneChangesNoMore() {
        assertThatThrownBy(() -> cell.dissolve(LocalDate.of(2026, 1, 1), 2, 1))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.code()).isEqualTo("org-unit-not-empty");
                    assertThat(e.facts()).containsEntry("activeMembers", 2L).containsEntry("liveChildren", 1L);
                });
        var dissolved = group.dissolve(LocalDate.of(2026, 1, 1), 0, 0);
        assertThat(dissolved.state().isDissolved()).isTrue();
        assertThat(dissolved.events()).containsExactly(new OrgUnitEvent.Dissolved(dissolved.state()));
        assertThatThrownBy(() -> dissolved.state().rename("Tổ mới")).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> dissolved.state().child(OrgUnitId.random(), "x", "X", OrgUnitKind.PARTY_GROUP, now))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void termsOfOneNodeNeverOverlap() {
        var first = cell.openTerm(UUID.randomUUID(), "2015–2020", LocalDate.of(2015, 7, 1), LocalDate.of(2020, 6, 30));
        OrgUnit withFirst = first.state();
        assertThat(first.events()).hasSize(1).first().isInstanceOf(OrgUnitEvent.TermOpened.class);
        var second =
                withFirst.openTerm(UUID.randomUUID(), "2020–2025", LocalDate.of(2020, 7, 1), LocalDate.of(2025, 6, 30));
        assertThat(second.state().terms()).extracting(Term::name).containsExactly("2015–2020", "2020–2025");
        assertThatThrownBy(() -> second.state()
                        .openTerm(UUID.randomUUID(), "sai", LocalDate.of(2025, 6, 30), LocalDate.of(2030, 6, 30)))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("term-overlap"));
        assertThatThrownBy(
                        () -> cell.openTerm(UUID.randomUUID(), "x", LocalDate.of(2020, 1, 1), LocalDate.of(2019, 1, 1)))
                .isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() ->
                        group.openTerm(UUID.randomUUID(), "x", LocalDate.of(2020, 1, 1), LocalDate.of(2021, 1, 1)))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void aRoleIsHeldOnlyWhereTheMemberIsActiveAndEndingItAppendsADatedRecord() {
        Member inCell = member(cell, group, MemberStatus.FULL);
        OrgUnit otherCell = other.child(OrgUnitId.random(), "cb-09", "Chi bộ 9", OrgUnitKind.CELL, now)
                .state();
        Member elsewhere = member(otherCell, null, MemberStatus.FULL);
        LocalDate from = LocalDate.of(2025, 7, 1);

        assertThatThrownBy(() -> cell.assignRole(UUID.randomUUID(), elsewhere, ElectedRole.SECRETARY, from, "u", now))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.code()).isEqualTo("member-not-active-here");
                    assertThat(e.facts()).containsEntry("field", "memberId");
                });
        assertThatThrownBy(
                        () -> other.assignRole(UUID.randomUUID(), inCell, ElectedRole.COMMITTEE_MEMBER, from, "u", now))
                .isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() ->
                        cell.assignRole(UUID.randomUUID(), inCell, ElectedRole.PARTY_GROUP_LEADER, from, "u", now))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("role-not-allowed-here"));

        UUID assignment = UUID.randomUUID();
        var assigned = cell.assignRole(assignment, inCell, ElectedRole.SECRETARY, from, "u", now);
        assertThat(assigned.state().heldRoles()).containsExactly(ElectedRole.SECRETARY);
        assertThat(group.assignRole(UUID.randomUUID(), inCell, ElectedRole.PARTY_GROUP_LEADER, from, "u", now)
                        .state()
                        .heldRoles())
                .containsExactly(ElectedRole.PARTY_GROUP_LEADER);
        assertThat(committee
                        .assignRole(UUID.randomUUID(), inCell, ElectedRole.COMMITTEE_MEMBER, from, "u", now)
                        .state()
                        .heldRoles())
                .containsExactly(ElectedRole.COMMITTEE_MEMBER);
        Member second = member(cell, null, MemberStatus.FULL);
        assertThatThrownBy(() ->
                        assigned.state().assignRole(UUID.randomUUID(), second, ElectedRole.SECRETARY, from, "u", now))
                .isInstanceOf(ConflictException.class);

        var ended = assigned.state().endRole(assignment, LocalDate.of(2026, 1, 1), "Chuyển công tác", "u", now);
        assertThat(ended.state().heldRoles()).isEmpty();
        assertThat(ended.state().roles())
                .hasSize(2)
                .first()
                .isEqualTo(assigned.state().roles().getFirst());
        assertThat(ended.events()).hasSize(1).first().isInstanceOf(OrgUnitEvent.RoleEnded.class);
        assertThatThrownBy(() -> ended.state().endRole(assignment, LocalDate.of(2026, 1, 2), null, "u", now))
                .isInstanceOf(RuleViolationException.class);
        assertThat(ended.state()
                        .assignRole(
                                UUID.randomUUID(), second, ElectedRole.SECRETARY, LocalDate.of(2026, 1, 1), "u", now)
                        .state()
                        .heldRoles())
                .containsExactly(ElectedRole.SECRETARY);
    }

    @Test
    void theCompositionRulesWarnBelowTheMinimumWithoutSecretaryAndFromTheCommitteeSizeWithoutDeputy() {
        CompositionRule rule = new CompositionRule(3, 9);
        Set<ElectedRole> secretaryOnly = EnumSet.of(ElectedRole.SECRETARY);

        assertThat(rule.check(2, secretaryOnly))
                .extracting(CompositionWarning::code)
                .containsExactly("too-few-full-members");
        assertThat(rule.check(3, EnumSet.noneOf(ElectedRole.class)))
                .extracting(CompositionWarning::code)
                .containsExactly("no-secretary");
        assertThat(rule.check(8, secretaryOnly)).isEmpty();
        assertThat(rule.check(9, secretaryOnly))
                .extracting(CompositionWarning::code)
                .containsExactly("no-deputy-secretary");
        assertThat(rule.check(9, EnumSet.of(ElectedRole.SECRETARY, ElectedRole.DEPUTY_SECRETARY)))
                .isEmpty();
        assertThat(new CompositionRule(5, 12).check(4, secretaryOnly)).hasSize(1);
    }
}

package vn.partycell.member.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.RuleViolationException;

/** Dissolved cells take no one in; roles end when their holder leaves; planned ends apply themselves. */
@SuppressWarnings("unchecked")
class RoleTenureAndPlannedEndsTest {

    private final Instant now = Instant.parse("2026-01-05T02:00:00Z");
    private final LocalDate today = LocalDate.of(2026, 1, 5);
    private final OrgUnit province = OrgUnit.root(OrgUnitId.random(), "hy", "Tỉnh ủy", OrgUnitKind.PROVINCE, now)
            .state();
    private final OrgUnit committee = province.child(OrgUnitId.random(), "du", "Đảng ủy", OrgUnitKind.COMMITTEE, now)
            .state();
    private final OrgUnit cell = committee
            .child(OrgUnitId.random(), "cb-01", "Chi bộ 1", OrgUnitKind.CELL, now)
            .state();
    private final OrgUnit otherCell = committee
            .child(OrgUnitId.random(), "cb-02", "Chi bộ 2", OrgUnitKind.CELL, now)
            .state();
    private final OrgUnit dissolved = committee
            .child(OrgUnitId.random(), "cb-03", "Chi bộ 3", OrgUnitKind.CELL, now)
            .state()
            .dissolve(LocalDate.of(2025, 12, 1), 0, 0)
            .state();

    private Member member(OrgUnit in) {
        return Member.register(
                        MemberId.random(),
                        new PersonalData(
                                "Trần Văn Minh",
                                LocalDate.of(1990, 5, 1),
                                Gender.MALE,
                                "033090001234",
                                null,
                                null,
                                null,
                                null),
                        in,
                        null,
                        MemberStatus.FULL,
                        false,
                        LocalDate.of(2015, 6, 1),
                        12,
                        "bt",
                        now,
                        today)
                .state();
    }

    private static Map<String, Object> fields(RuleViolationException e) {
        return (Map<String, Object>) e.facts().get("fields");
    }

    @Test
    void aDissolvedCellOrGroupTakesNoRegistrationAttachmentOrTransfer() {
        assertThatThrownBy(() -> member(dissolved))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(fields(e)).containsOnlyKeys("cellId"));
        OrgUnit deadGroup = cell.child(OrgUnitId.random(), "to-1", "Tổ 1", OrgUnitKind.PARTY_GROUP, now)
                .state()
                .dissolve(today, 0, 0)
                .state();
        assertThatThrownBy(() -> Member.register(
                        MemberId.random(),
                        member(cell).person(),
                        cell,
                        deadGroup,
                        MemberStatus.FULL,
                        false,
                        LocalDate.of(2015, 6, 1),
                        12,
                        "bt",
                        now,
                        today))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(fields(e)).containsOnlyKeys("partyGroupId"));
        Member m = member(cell);
        LocalDate from = today.minusDays(1);
        assertThatThrownBy(() -> m.attach(dissolved, from, null, "r", "bt", now, today))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(fields(e)).containsOnlyKeys("hostCellId"));
        assertThatThrownBy(() -> m.requestTransfer(dissolved, TransferKind.OFFICIAL, from, null, "r", "bt", now, today))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(fields(e)).containsOnlyKeys("toCellId"));
    }

    @Test
    void aTransferToACellDissolvedMeanwhileMayBeRefusedButNotAccepted() {
        Member inTransit = member(cell)
                .requestTransfer(otherCell, TransferKind.OFFICIAL, today.minusDays(2), null, "r", "bt", now, today)
                .state();
        UUID transferId = inTransit.pendingTransfer().orElseThrow().entryId();
        OrgUnit gone = otherCell.dissolve(today.minusDays(1), 0, 0).state();
        assertThatThrownBy(() -> inTransit.answerTransfer(transferId, true, gone, today, "ok", "bt", now, today))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(fields(e)).containsOnlyKeys("accepted"));
        assertThat(inTransit
                        .answerTransfer(transferId, false, gone, today, "không", "bt", now, today)
                        .state()
                        .meetingCellId())
                .contains(cell.id());
    }

    @Test
    void rolesEndOnTheDayTheHolderLeavesAndOnlyThen() {
        Member m = member(cell);
        OrgUnit withRoles = cell.assignRole(
                        UUID.randomUUID(), m, ElectedRole.SECRETARY, LocalDate.of(2020, 7, 1), "ht", now)
                .state()
                .assignRole(UUID.randomUUID(), m, ElectedRole.COMMITTEE_MEMBER, LocalDate.of(2020, 7, 1), "ht", now)
                .state();
        OrgUnit committeeRole = committee
                .assignRole(UUID.randomUUID(), m, ElectedRole.COMMITTEE_MEMBER, LocalDate.of(2020, 7, 1), "ht", now)
                .state();

        Member attached = m.attach(otherCell, today.minusDays(3), null, "r", "bt", now, today)
                .state();
        assertThat(withRoles.endRolesOfDeparted(attached, today, "r", "sys", now))
                .isEmpty();
        Member inTransit = m.requestTransfer(
                        otherCell, TransferKind.OFFICIAL, today.minusDays(3), null, "r", "bt", now, today)
                .state();
        assertThat(withRoles.endRolesOfDeparted(inTransit, today, "r", "sys", now))
                .isEmpty();
        assertThat(committeeRole.endRolesOfDeparted(inTransit, today, "r", "sys", now))
                .isEmpty();

        Member removed =
                m.remove(today.minusDays(2), "bỏ sinh hoạt", "bt", now, today).state();
        Change<OrgUnit, OrgUnitEvent> ended = withRoles
                .endRolesOfDeparted(removed, today.minusDays(2), "xóa tên", "sys", now)
                .orElseThrow();
        assertThat(ended.state().currentRoles()).isEmpty();
        assertThat(ended.events()).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOf(OrgUnitEvent.RoleEnded.class));
        assertThat(ended.events().stream()
                        .map(e -> ((OrgUnitEvent.RoleEnded) e).ending().on())
                        .distinct())
                .containsExactly(today.minusDays(2));
        assertThat(ended.state().version()).isEqualTo(withRoles.version() + 1);
        assertThat(committeeRole.endRolesOfDeparted(removed, today, "r", "sys", now))
                .isPresent();

        // Transferred out officially: no longer in this cell nor under this committee's other subtree.
        UUID transferId = inTransit.pendingTransfer().orElseThrow().entryId();
        OrgUnit farCell = province.child(OrgUnitId.random(), "cb-09", "Chi bộ xa", OrgUnitKind.CELL, now)
                .state();
        Member leaving = m.requestTransfer(
                        farCell, TransferKind.OFFICIAL, today.minusDays(3), null, "r", "bt", now, today)
                .state();
        Member moved = leaving.answerTransfer(
                        leaving.pendingTransfer().orElseThrow().entryId(), true, farCell, today, "ok", "bt", now, today)
                .state();
        assertThat(withRoles.endRolesOfDeparted(moved, today, "r", "sys", now)).isPresent();
        assertThat(committeeRole.endRolesOfDeparted(moved, today, "r", "sys", now))
                .as("transferred out of the committee's subtree")
                .isPresent();
        assertThat(transferId).isNotNull();
    }

    @Test
    void noRoleForSomeoneInTransitAndTheHoldersOfADayAreThoseInForce() {
        Member m = member(cell);
        Member inTransit = m.requestTransfer(
                        otherCell, TransferKind.OFFICIAL, today.minusDays(3), null, "r", "bt", now, today)
                .state();
        assertThatThrownBy(() -> cell.assignRole(UUID.randomUUID(), inTransit, ElectedRole.SECRETARY, today, "ht", now))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("member-not-active-here"));

        UUID assignment = UUID.randomUUID();
        OrgUnit held = cell.assignRole(assignment, m, ElectedRole.SECRETARY, LocalDate.of(2020, 7, 1), "ht", now)
                .state()
                .endRole(assignment, LocalDate.of(2025, 7, 1), "hết nhiệm kỳ", "ht", now)
                .state();
        assertThat(held.holdersOn(ElectedRole.SECRETARY, LocalDate.of(2020, 6, 30)))
                .isEmpty();
        assertThat(held.holdersOn(ElectedRole.SECRETARY, LocalDate.of(2025, 6, 30)))
                .containsExactly(m.id());
        assertThat(held.holdersOn(ElectedRole.SECRETARY, LocalDate.of(2025, 7, 1)))
                .isEmpty();
        assertThat(held.holdersOn(ElectedRole.DEPUTY_SECRETARY, LocalDate.of(2025, 6, 30)))
                .isEmpty();
    }

    @Test
    void plannedEndsOfAnExemptionAndAnAttachmentApplyThemselvesDatedThePlannedDay() {
        Member m = member(cell)
                .exempt(today.minusDays(20), today.minusDays(5), "ốm", "bt", now, today)
                .state()
                .attach(otherCell, today.minusDays(10), today, "đi học", "bt", now, today)
                .state();
        assertThat(m.nextPlannedEnd()).contains(today.minusDays(5));
        assertThat(m.applyPlannedEnds(today.minusDays(6), "system", now)).isEmpty();

        Member early = m.applyPlannedEnds(today.minusDays(5), "system", now)
                .orElseThrow()
                .state();
        assertThat(early.exempted()).isFalse();
        assertThat(early.meetingCellId()).contains(otherCell.id());
        assertThat(early.nextPlannedEnd()).contains(today);

        Change<Member, MemberEvent> both =
                m.applyPlannedEnds(today, "system", now).orElseThrow();
        Member ended = both.state();
        assertThat(ended.exempted()).isFalse();
        assertThat(ended.meetingCellId()).contains(cell.id());
        assertThat(ended.nextPlannedEnd()).isEmpty();
        assertThat(ended.history().subList(m.history().size(), ended.history().size()))
                .extracting(StatusChange::kind, StatusChange::effectiveOn, StatusChange::recordedBy)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                StatusChangeKind.EXEMPTION_END, today.minusDays(5), "system"),
                        org.assertj.core.groups.Tuple.tuple(StatusChangeKind.ATTACHMENT_END, today, "system"));
        assertThat(both.events()).singleElement().isInstanceOf(MemberEvent.Updated.class);
        assertThat(ended.applyPlannedEnds(today, "system", now)).isEmpty();
    }

    @Test
    void anAcceptedTemporaryTransferEndsOnItsPlannedDay() {
        Member m = member(cell)
                .requestTransfer(
                        otherCell,
                        TransferKind.TEMPORARY,
                        today.minusDays(10),
                        today.minusDays(1),
                        "r",
                        "bt",
                        now,
                        today)
                .state();
        Member there = m.answerTransfer(
                        m.pendingTransfer().orElseThrow().entryId(),
                        true,
                        otherCell,
                        today.minusDays(9),
                        "ok",
                        "bt",
                        now,
                        today)
                .state();
        assertThat(there.meetingCellId()).contains(otherCell.id());
        Member back = there.applyPlannedEnds(today, "system", now).orElseThrow().state();
        assertThat(back.meetingCellId()).contains(cell.id());
    }
}

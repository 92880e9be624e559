package vn.partycell.meeting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.RuleViolationException;

/** Agenda items with presenters and planned durations, and the draft resolution, on a meeting's plan. */
class MeetingPlanAgendaTest {

    private static final Instant START = Instant.parse("2026-12-05T01:00:00Z");
    private final MemberId full = new MemberId(UUID.randomUUID());
    private final MemberId probationary = new MemberId(UUID.randomUUID());
    private final MemberId removed = new MemberId(UUID.randomUUID());
    private final Roster roster = new Roster(List.of(
            member(full, MemberStatus.FULL),
            member(probationary, MemberStatus.PROBATIONARY),
            member(removed, MemberStatus.REMOVED)));

    private static RosterMember member(MemberId id, MemberStatus status) {
        return new RosterMember(
                id, new CellId(UUID.randomUUID()), null, OrgPath.of("/hy/cb/"), "Lê Thị Hoa", status, false, 1);
    }

    private static MeetingPlan plan(List<AgendaItem> items, String draftResolution) {
        return new MeetingPlan(
                MeetingKind.REGULAR, "Sinh hoạt tháng 12", null, START, "Hội trường", items, draftResolution);
    }

    @Test
    void theFormerAgendaOfTitlesIsItemsWithOnlyTheirTitle() {
        MeetingPlan former = new MeetingPlan(
                MeetingKind.REGULAR, "Sinh hoạt", null, START, "Hội trường", List.of(" Báo cáo ", "", "Nhiệm vụ"));

        assertThat(former.agenda()).containsExactly("Báo cáo", "Nhiệm vụ");
        assertThat(former.agendaItems()).containsExactly(AgendaItem.titled("Báo cáo"), AgendaItem.titled("Nhiệm vụ"));
        assertThat(former.draftResolution()).isNull();
    }

    @Test
    void aPresenterMustBeAnActiveMemberOnTheRosterNamedByTheItemsField() {
        MeetingPlan ok = plan(
                List.of(
                        new AgendaItem("Báo cáo", full, Duration.ofMinutes(30)),
                        new AgendaItem("Ý kiến", probationary, null)),
                null);
        assertThat(ok.requirePresentersOn(roster)).isSameAs(ok);

        MeetingPlan gone = plan(List.of(AgendaItem.titled("Mở đầu"), new AgendaItem("Báo cáo", removed, null)), null);
        assertThatThrownBy(() -> gone.requirePresentersOn(roster))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.code()).isEqualTo("presenter-not-on-roster");
                    assertThat(e.facts()).containsEntry("field", "agendaItems[1].presenterId");
                });
        MeetingPlan stranger = plan(List.of(new AgendaItem("Báo cáo", new MemberId(UUID.randomUUID()), null)), null);
        assertThatThrownBy(() -> stranger.requirePresentersOn(roster)).isInstanceOf(RuleViolationException.class);
    }

    @Test
    void aNewPresenterDurationOrDraftResolutionIsAnnouncedAsAnAgendaChange() {
        MeetingPlan before = plan(List.of(new AgendaItem("Báo cáo", full, Duration.ofMinutes(30))), "Dự thảo");

        assertThat(before.changedFields(
                        plan(List.of(new AgendaItem("Báo cáo", full, Duration.ofMinutes(30))), "Dự thảo")))
                .isEmpty();
        assertThat(before.changedFields(
                        plan(List.of(new AgendaItem("Báo cáo", probationary, Duration.ofMinutes(30))), "Dự thảo")))
                .containsExactly("agenda");
        assertThat(before.changedFields(
                        plan(List.of(new AgendaItem("Báo cáo", full, Duration.ofMinutes(45))), "Dự thảo")))
                .containsExactly("agenda");
        assertThat(before.changedFields(
                        plan(List.of(new AgendaItem("Báo cáo", full, Duration.ofMinutes(30))), "Dự thảo 2")))
                .containsExactly("agenda");
    }

    @Test
    void aPlannedDurationIsPositive() {
        assertThatThrownBy(() -> new AgendaItem("Báo cáo", null, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

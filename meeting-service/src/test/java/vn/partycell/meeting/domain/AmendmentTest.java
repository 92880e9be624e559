package vn.partycell.meeting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.RuleViolationException;

/** Closed minutes are corrected only by approved amendments, each difference counted once. */
class AmendmentTest {

    private final Cell cell = new Cell(
            new CellId(UUID.randomUUID()), "cb-01", "Chi bộ 1", OrgUnitKind.CELL, null, OrgPath.of("/hy/a/cb-01/"), 1);
    private final Instant now = Instant.parse("2026-03-05T14:00:00Z");
    private final RosterMember a = new RosterMember(
            new MemberId(UUID.randomUUID()), cell.id(), null, cell.orgPath(), "A", MemberStatus.FULL, false, 1);
    private final RosterMember b = new RosterMember(
            new MemberId(UUID.randomUUID()), cell.id(), null, cell.orgPath(), "B", MemberStatus.FULL, false, 1);
    private final Roster roster = new Roster(List.of(a, b));

    private ClosedMeeting closed() {
        ScheduledMeeting s = Meeting.schedule(
                        MeetingId.random(),
                        cell,
                        new MeetingPlan(
                                MeetingKind.REGULAR,
                                "Tháng 3",
                                null,
                                Instant.parse("2026-03-05T12:30:00Z"),
                                "Xã",
                                List.of("Nội dung")),
                        Instant.parse("2026-03-01T00:00:00Z"))
                .state();
        return s.start(Duration.ZERO, Map.of(), "bt", s.startsAt())
                .state()
                .recordAttendance(
                        List.of(
                                new Attendance(a.memberId(), AttendanceStatus.PRESENT, null, true),
                                new Attendance(b.memberId(), AttendanceStatus.ABSENT, null, false)),
                        roster)
                .state()
                .close(roster, new QuorumRule(QuorumRule.Comparison.AT_LEAST, 1, 2), "bt", now)
                .state();
    }

    @Test
    void aSecondPersonApprovesAndTheEventCarriesBeforeAndAfter() {
        ClosedMeeting meeting = closed();
        Attendance excused = new Attendance(b.memberId(), AttendanceStatus.EXCUSED, "Ốm, báo sau", false);
        Amendment proposed = Amendment.propose(
                        meeting, meeting.attendance(), List.of(excused), "Thư ký ghi nhầm", "bt", now)
                .state();
        assertThat(proposed.status()).isEqualTo(Amendment.Status.PROPOSED);
        assertThatThrownBy(() -> proposed.decide(meeting, meeting.attendance(), true, null, "bt", now))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("second-person-required"));

        Change<Amendment, AmendmentEvent> approved =
                proposed.decide(meeting, meeting.attendance(), true, null, "pbt", now.plusSeconds(60));
        assertThat(approved.events()).containsExactly(new AmendmentEvent.Approved(approved.state(), meeting));
        assertThat(approved.state().corrections())
                .containsExactly(new Amendment.Correction(meeting.attendance().get(b.memberId()), excused));
        assertThatThrownBy(() -> approved.state().decide(meeting, meeting.attendance(), true, null, "x", now))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("amendment-decided"));
        // The minutes are untouched; the corrected facts are the minutes plus approved amendments.
        assertThat(meeting.attendance().get(b.memberId()).status()).isEqualTo(AttendanceStatus.ABSENT);
        assertThat(Amendment.corrected(meeting, List.of(approved.state())).get(b.memberId()))
                .isEqualTo(excused);
    }

    @Test
    void aLaterApprovalOfTheSameMemberStartsFromTheCorrectedLine() {
        ClosedMeeting meeting = closed();
        Attendance excused = new Attendance(b.memberId(), AttendanceStatus.EXCUSED, "Ốm", false);
        Attendance late = new Attendance(b.memberId(), AttendanceStatus.LATE, null, false);
        Amendment first = Amendment.propose(meeting, meeting.attendance(), List.of(excused), "1", "bt", now)
                .state();
        Amendment second = Amendment.propose(meeting, meeting.attendance(), List.of(late), "2", "bt", now)
                .state();
        Amendment firstApproved = first.decide(meeting, meeting.attendance(), true, null, "pbt", now.plusSeconds(1))
                .state();
        Map<MemberId, Attendance> current = Amendment.corrected(meeting, List.of(firstApproved, second));
        Amendment secondApproved = second.decide(meeting, current, true, null, "pbt", now.plusSeconds(2))
                .state();
        assertThat(secondApproved.corrections().getFirst().before()).isEqualTo(excused);
        assertThat(Amendment.corrected(meeting, List.of(secondApproved, firstApproved))
                        .get(b.memberId()))
                .isEqualTo(late);
    }

    @Test
    void badCorrectionsAreRefusedNamingTheField() {
        ClosedMeeting meeting = closed();
        assertThatThrownBy(() -> Amendment.propose(
                        meeting,
                        meeting.attendance(),
                        List.of(
                                new Attendance(new MemberId(UUID.randomUUID()), AttendanceStatus.PRESENT, null, false),
                                meeting.attendance().get(a.memberId()),
                                new Attendance(b.memberId(), AttendanceStatus.ABSENT, null, true)),
                        "x",
                        "bt",
                        now))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.facts()).containsEntry("field", "corrections");
                    assertThat((Map<?, ?>) e.facts().get("members")).hasSize(3);
                });
        assertThatThrownBy(() -> Amendment.propose(meeting, meeting.attendance(), List.of(), " ", "bt", now))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.facts()).containsEntry("field", "reason"));
    }
}

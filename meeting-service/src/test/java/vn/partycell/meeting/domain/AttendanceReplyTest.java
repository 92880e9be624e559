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

class AttendanceReplyTest {

    private final Cell cell = new Cell(
            new CellId(UUID.randomUUID()), "cb-01", "Chi bộ 1", OrgUnitKind.CELL, null, OrgPath.of("/hy/a/cb-01/"), 1);
    private final Instant now = Instant.parse("2026-03-03T12:30:00Z");
    private final RosterMember member = new RosterMember(
            new MemberId(UUID.randomUUID()), cell.id(), null, cell.orgPath(), "A", MemberStatus.FULL, false, 1);
    private final Roster roster = new Roster(List.of(member));
    private final ScheduledMeeting meeting = Meeting.schedule(
                    MeetingId.random(),
                    cell,
                    new MeetingPlan(
                            MeetingKind.REGULAR,
                            "Tháng 3",
                            null,
                            Instant.parse("2026-03-05T12:30:00Z"),
                            "Xã",
                            List.of("Nội dung")),
                    now)
            .state();

    @Test
    void anExcuseNeedsAReasonAndOnlyRosterMembersReply() {
        assertThatThrownBy(() -> AttendanceReply.reply(null, meeting, roster, member.memberId(), false, " ", now))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.facts()).containsEntry("field", "reason"));
        assertThatThrownBy(() ->
                        AttendanceReply.reply(null, meeting, roster, new MemberId(UUID.randomUUID()), true, null, now))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("not-in-roster"));
        AttendanceReply attending = AttendanceReply.reply(null, meeting, roster, member.memberId(), true, null, now)
                .state();
        assertThat(attending.answer()).isEqualTo(AttendanceReply.Answer.ATTENDING);
        assertThatThrownBy(() -> attending.decide(meeting, true, null, "bt", now))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("no-excuse-pending"));
    }

    @Test
    void theSecretaryDecidesOnceAndTheMemberIsTold() {
        AttendanceReply asked = AttendanceReply.reply(null, meeting, roster, member.memberId(), false, "Ốm", now)
                .state();
        assertThat(asked.answer()).isEqualTo(AttendanceReply.Answer.EXCUSE_REQUESTED);
        Change<AttendanceReply, AttendanceReplyEvent> accepted = asked.decide(meeting, true, "Đồng ý", "bt", now);
        assertThat(accepted.state().answer()).isEqualTo(AttendanceReply.Answer.EXCUSE_ACCEPTED);
        assertThat(accepted.events())
                .containsExactly(new AttendanceReplyEvent.ExcuseDecided(accepted.state(), meeting));
        assertThatThrownBy(() ->
                        AttendanceReply.reply(accepted.state(), meeting, roster, member.memberId(), true, null, now))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("excuse-decided"));
        // Once the meeting has started nobody replies or decides any more.
        InProgressMeeting held =
                meeting.start(Duration.ZERO, Map.of(), "bt", meeting.startsAt()).state();
        assertThatThrownBy(() -> asked.decide(held, true, null, "bt", now)).isInstanceOf(RuleViolationException.class);
    }
}

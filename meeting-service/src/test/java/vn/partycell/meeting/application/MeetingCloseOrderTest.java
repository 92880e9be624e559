package vn.partycell.meeting.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partycell.meeting.domain.Attendance;
import vn.partycell.meeting.domain.AttendanceStatus;
import vn.partycell.meeting.domain.Cell;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.InProgressMeeting;
import vn.partycell.meeting.domain.MeetingEvent;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.MeetingKind;
import vn.partycell.meeting.domain.MemberId;
import vn.partycell.meeting.domain.MemberStatus;
import vn.partycell.meeting.domain.OrgUnitKind;
import vn.partycell.meeting.domain.QuorumRule;
import vn.partycell.meeting.domain.RosterMember;
import vn.partycell.meeting.domain.ScheduledMeeting;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.RuleViolationException;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.security.Grant;
import vn.partycell.platform.security.Role;
import vn.partycell.platform.test.MutableClock;

/**
 * Closing refuses before it gathers: the members' facts for the event (a lookup per part) are asked
 * only once the meeting's own rules and every guard let the close through.
 */
class MeetingCloseOrderTest {

    private static final Instant NOW = Instant.parse("2026-03-05T14:00:00Z");
    private static final OrgPath CELL_PATH = OrgPath.of("/hy/a/cb-01/");

    private final InMemoryMeetingRepository meetings = new InMemoryMeetingRepository();
    private final InMemoryRosterRepository rosters = new InMemoryRosterRepository();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
    private final List<MeetingId> factsAskedFor = new ArrayList<>();
    private final List<MeetingId> guarded = new ArrayList<>();
    private boolean guardRefuses;

    private final CloseGuard guard = (meeting, roster) -> {
        guarded.add(meeting.id());
        if (guardRefuses) {
            throw new RuleViolationException("tasks-missing", "Chưa giao nhiệm vụ", Map.of("field", "tasks"));
        }
    };
    private final ClosingFacts facts = meeting -> {
        factsAskedFor.add(meeting.id());
        return Map.of();
    };
    private final MeetingService service = new MeetingService(
            meetings,
            rosters,
            policy(),
            new LifecyclePolicy(new LifecyclePolicy.YearPolicy(Duration.ofMinutes(30)), Map.of()),
            id -> Map.of(),
            clock,
            List.of(guard),
            List.of(facts));

    private final CellId cellId = new CellId(UUID.randomUUID());
    private final List<MemberId> full = new ArrayList<>();
    private final Caller secretary = new Caller("bt", Optional.empty(), List.of(new Grant(CELL_PATH, Role.SECRETARY)));

    private static MeetingPolicy policy() {
        Map<MeetingKind, MeetingPolicy.QuorumSetting> quorum = new EnumMap<>(MeetingKind.class);
        for (MeetingKind kind : MeetingKind.values()) {
            quorum.put(kind, new MeetingPolicy.QuorumSetting(QuorumRule.Comparison.MORE_THAN, 1, 2));
        }
        return new MeetingPolicy(new MeetingPolicy.YearPolicy(quorum), Map.of());
    }

    @BeforeEach
    void cellOfFourFullMembers() {
        rosters.saveIfNewer(
                new Cell(cellId, "cb-01", "Chi bộ thôn Đình Dù", OrgUnitKind.CELL, null, CELL_PATH, 1),
                new Occurrence("e-cell"));
        for (int i = 0; i < 4; i++) {
            MemberId id = new MemberId(UUID.randomUUID());
            rosters.saveIfNewer(
                    new RosterMember(id, cellId, null, CELL_PATH, "Đảng viên " + i, MemberStatus.FULL, false, 1),
                    new Occurrence("e-" + id));
            full.add(id);
        }
    }

    private InProgressMeeting held() {
        ScheduledMeeting scheduled = (ScheduledMeeting) service.schedule(
                secretary,
                new ScheduleMeeting(
                        cellId,
                        MeetingKind.REGULAR,
                        "Sinh hoạt chi bộ thường kỳ tháng 3/2026",
                        Instant.parse("2026-03-05T12:30:00Z"),
                        "Nhà văn hóa thôn",
                        List.of("Đánh giá kết quả tháng 2")));
        clock.set(NOW);
        return service.start(secretary, scheduled.id(), null);
    }

    private void attended(InProgressMeeting meeting, int present, int lines) {
        List<Attendance> entries = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            entries.add(new Attendance(
                    full.get(i), i < present ? AttendanceStatus.PRESENT : AttendanceStatus.ABSENT, null, false));
        }
        service.recordAttendance(secretary, meeting.id(), null, entries);
    }

    @Test
    void anIncompleteAttendanceOrAMissedQuorumIsRefusedBeforeTheGuardsAndTheFacts() {
        InProgressMeeting meeting = held();
        attended(meeting, 3, 3);
        assertThatThrownBy(() -> service.close(secretary, meeting.id(), null))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("attendance-incomplete"));
        attended(meeting, 2, 4);
        assertThatThrownBy(() -> service.close(secretary, meeting.id(), null))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("quorum-not-met"));

        assertThat(guarded).isEmpty();
        assertThat(factsAskedFor).isEmpty();
        assertThat(meetings.events()).hasSize(1);
    }

    @Test
    void aCloseAGuardRefusesGathersNoFactsAndOneLetThroughGathersThemOnce() {
        InProgressMeeting meeting = held();
        attended(meeting, 4, 4);
        guardRefuses = true;
        assertThatThrownBy(() -> service.close(secretary, meeting.id(), null))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("tasks-missing"));
        assertThat(guarded).containsExactly(meeting.id());
        assertThat(factsAskedFor).isEmpty();
        assertThat(meetings.events()).hasSize(1);

        guardRefuses = false;
        service.close(secretary, meeting.id(), null);
        assertThat(factsAskedFor).containsExactly(meeting.id());
        assertThat(meetings.events()).hasSize(2).last().isInstanceOf(MeetingEvent.Closed.class);
    }
}

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
import vn.partycell.meeting.domain.ClosedMeeting;
import vn.partycell.meeting.domain.InProgressMeeting;
import vn.partycell.meeting.domain.MeetingEvent;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.MeetingKind;
import vn.partycell.meeting.domain.MeetingStatus;
import vn.partycell.meeting.domain.MemberId;
import vn.partycell.meeting.domain.MemberStatus;
import vn.partycell.meeting.domain.OrgUnitKind;
import vn.partycell.meeting.domain.Quorum;
import vn.partycell.meeting.domain.QuorumRule;
import vn.partycell.meeting.domain.RosterMember;
import vn.partycell.meeting.domain.ScheduledMeeting;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.kernel.ForbiddenException;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.kernel.RuleViolationException;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.security.Grant;
import vn.partycell.platform.security.Role;
import vn.partycell.platform.test.MutableClock;

/** The meeting use cases against in-memory ports: no Spring, no broker, no store. */
class MeetingServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-05T14:00:00Z");
    private static final OrgPath CELL_PATH = OrgPath.of("/hy/a/cb-01/");

    private final InMemoryMeetingRepository meetings = new InMemoryMeetingRepository();
    private final InMemoryRosterRepository rosters = new InMemoryRosterRepository();
    /** Scheduled days before, held at NOW. */
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));

    private final MeetingService service = new MeetingService(
            meetings,
            rosters,
            policy(),
            new LifecyclePolicy(new LifecyclePolicy.YearPolicy(Duration.ofMinutes(30)), Map.of()),
            id -> Map.of(),
            clock);
    private final MeetingQueries queries = new MeetingQueries(meetings);

    private final CellId cellId = new CellId(UUID.randomUUID());
    private final List<MemberId> full = new ArrayList<>();
    private MemberId probationary;

    private final Caller secretary = caller("bt", CELL_PATH, Role.SECRETARY);
    private final Caller member = caller("dv", CELL_PATH, Role.MEMBER);
    private final Caller outsider = caller("bt-b", OrgPath.of("/hy/b/"), Role.SUPERIOR);

    private static MeetingPolicy policy() {
        Map<MeetingKind, MeetingPolicy.QuorumSetting> quorum = new EnumMap<>(MeetingKind.class);
        for (MeetingKind kind : MeetingKind.values()) {
            quorum.put(kind, new MeetingPolicy.QuorumSetting(QuorumRule.Comparison.MORE_THAN, 1, 2));
        }
        return new MeetingPolicy(new MeetingPolicy.YearPolicy(quorum), Map.of());
    }

    private static Caller caller(String name, OrgPath path, Role role) {
        return new Caller(name, Optional.empty(), List.of(new Grant(path, role)));
    }

    @BeforeEach
    void cellWithRoster() {
        rosters.saveIfNewer(
                new Cell(cellId, "cb-01", "Chi bộ thôn Đình Dù", OrgUnitKind.CELL, null, CELL_PATH, 1),
                new Occurrence("e-cell"));
        for (int i = 0; i < 4; i++) {
            full.add(register(MemberStatus.FULL));
        }
        probationary = register(MemberStatus.PROBATIONARY);
    }

    private MemberId register(MemberStatus status) {
        MemberId id = new MemberId(UUID.randomUUID());
        rosters.saveIfNewer(
                new RosterMember(id, cellId, null, CELL_PATH, "Đảng viên " + id, status, false, 1),
                new Occurrence("e-" + id));
        return id;
    }

    private ScheduleMeeting command(CellId cell) {
        return new ScheduleMeeting(
                cell,
                MeetingKind.REGULAR,
                " Sinh hoạt chi bộ thường kỳ tháng 3/2026 ",
                Instant.parse("2026-03-05T12:30:00Z"),
                "Nhà văn hóa thôn",
                List.of("Đánh giá kết quả tháng 2"));
    }

    private static Attendance line(MemberId id, AttendanceStatus status) {
        return new Attendance(id, status, status == AttendanceStatus.EXCUSED ? "Ốm" : null, false);
    }

    /** Everyone expected accounted for; {@code present} of the four full members attended. */
    private List<Attendance> attendance(int present) {
        List<Attendance> lines = new ArrayList<>();
        for (int i = 0; i < full.size(); i++) {
            lines.add(line(full.get(i), i < present ? AttendanceStatus.PRESENT : AttendanceStatus.ABSENT));
        }
        lines.add(line(probationary, AttendanceStatus.PRESENT));
        return lines;
    }

    private ScheduledMeeting scheduleOne() {
        clock.set(Instant.parse("2026-03-01T00:00:00Z"));
        return (ScheduledMeeting) service.schedule(secretary, command(cellId));
    }

    /** Scheduled, then opened at NOW (after its start). */
    private InProgressMeeting held() {
        ScheduledMeeting meeting = scheduleOne();
        clock.set(NOW);
        return service.start(secretary, meeting.id(), null);
    }

    @Test
    void schedulingNeedsTheCellCommitteeAndStoresTheScheduledEvent() {
        assertThatThrownBy(() -> service.schedule(member, command(cellId))).isInstanceOf(ForbiddenException.class);
        assertThat(meetings.events()).isEmpty();

        ScheduledMeeting meeting = scheduleOne();

        assertThat(meeting.status()).isEqualTo(MeetingStatus.SCHEDULED);
        assertThat(meeting.title()).isEqualTo("Sinh hoạt chi bộ thường kỳ tháng 3/2026");
        assertThat(meeting.version()).isEqualTo(1);
        assertThat(meetings.find(meeting.id())).contains(meeting);
        assertThat(meetings.events()).containsExactly(new MeetingEvent.Scheduled(meeting));
    }

    @Test
    void anUnknownCellOrMeetingIsNotFoundAndAnotherSubtreeSeesNothing() {
        assertThatThrownBy(() -> service.schedule(secretary, command(new CellId(UUID.randomUUID()))))
                .isInstanceOf(NotFoundException.class);
        MeetingId unknown = MeetingId.random();
        assertThatThrownBy(() -> service.recordAttendance(secretary, unknown, null, attendance(4)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.close(secretary, unknown, null)).isInstanceOf(NotFoundException.class);

        ScheduledMeeting meeting = scheduleOne();
        assertThatThrownBy(() -> queries.get(outsider, meeting.id())).isInstanceOf(NotFoundException.class);
        assertThat(queries.search(outsider, null, null, PageQuery.of(0, 20)).content())
                .isEmpty();
        assertThat(queries.get(member, meeting.id())).isEqualTo(meeting);
        assertThat(queries.search(member, cellId, MeetingStatus.SCHEDULED, PageQuery.of(0, 20))
                        .content())
                .containsExactly(meeting);
    }

    @Test
    void onlyTheCommitteeTakesAttendanceOrClosesAndAnOutsiderFindsNothing() {
        InProgressMeeting meeting = held();
        assertThatThrownBy(() -> service.recordAttendance(member, meeting.id(), null, attendance(4)))
                .isInstanceOf(ForbiddenException.class);
        // Outside the caller's subtrees a meeting does not exist, on writes too.
        assertThatThrownBy(() -> service.recordAttendance(outsider, meeting.id(), null, attendance(4)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.close(member, meeting.id(), null)).isInstanceOf(ForbiddenException.class);
        assertThat(meetings.find(meeting.id())).contains(meeting);
        assertThat(meetings.events()).hasSize(1);
    }

    @Test
    void aChangeOnAStaleVersionIsRefusedAndChangesNothing() {
        InProgressMeeting meeting = held();
        InProgressMeeting taken = service.recordAttendance(secretary, meeting.id(), 2L, attendance(2));
        assertThat(taken.version()).isEqualTo(3);

        assertThatThrownBy(() -> service.recordAttendance(secretary, meeting.id(), 2L, attendance(4)))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("stale-version"));
        assertThatThrownBy(() -> service.close(secretary, meeting.id(), 2L))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("stale-version"));
        assertThat(meetings.find(meeting.id())).contains(taken);
        assertThat(meetings.events()).hasSize(1);
    }

    @Test
    void attendanceStoresNoEventAndClosingStoresClosed() {
        InProgressMeeting meeting = held();
        InProgressMeeting taken = service.recordAttendance(secretary, meeting.id(), null, attendance(3));
        assertThat(taken.status()).isEqualTo(MeetingStatus.IN_PROGRESS);
        assertThat(meetings.events()).hasSize(1);

        ClosedMeeting closed = service.close(secretary, meeting.id(), taken.version());

        assertThat(closed.quorum()).isEqualTo(new Quorum(4, 3, 3));
        assertThat(closed.closedAt()).isEqualTo(NOW);
        assertThat(closed.closedBy()).isEqualTo("bt");
        assertThat(meetings.find(meeting.id())).contains(closed);
        assertThat(meetings.events()).hasSize(2).last().isEqualTo(new MeetingEvent.Closed(closed));
    }

    @Test
    void closingWithoutQuorumIsRefusedWithTheCountsAndStoresNothing() {
        InProgressMeeting meeting = held();
        InProgressMeeting taken = service.recordAttendance(secretary, meeting.id(), null, attendance(2));

        assertThatThrownBy(() -> service.close(secretary, meeting.id(), null))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.code()).isEqualTo("quorum-not-met");
                    assertThat(e.facts())
                            .containsEntry("eligible", 4)
                            .containsEntry("present", 2)
                            .containsEntry("required", 3);
                });
        assertThat(meetings.find(meeting.id())).contains(taken);
        assertThat(meetings.events()).hasSize(1);
    }

    @Test
    void aClosedMeetingRefusesEveryChange() {
        InProgressMeeting meeting = held();
        service.recordAttendance(secretary, meeting.id(), null, attendance(4));
        ClosedMeeting closed = service.close(secretary, meeting.id(), null);

        assertThatThrownBy(() -> service.recordAttendance(secretary, meeting.id(), null, attendance(1)))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("meeting-closed"));
        assertThatThrownBy(() -> service.close(secretary, meeting.id(), null))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("meeting-closed"));
        assertThat(meetings.find(meeting.id())).contains(closed);
        assertThat(meetings.events()).hasSize(2);
    }
}

package vn.partycell.meeting.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partycell.meeting.application.MeetingPolicy.QuorumSetting;
import vn.partycell.meeting.application.ProceedingsService.ProceedingsView;
import vn.partycell.meeting.domain.Attendance;
import vn.partycell.meeting.domain.AttendanceStatus;
import vn.partycell.meeting.domain.Cell;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.CommitteeRole;
import vn.partycell.meeting.domain.CommitteeTerm;
import vn.partycell.meeting.domain.ElectionBallot;
import vn.partycell.meeting.domain.InProgressMeeting;
import vn.partycell.meeting.domain.Meeting;
import vn.partycell.meeting.domain.MeetingEvent;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.MeetingKind;
import vn.partycell.meeting.domain.MeetingPlan;
import vn.partycell.meeting.domain.MemberId;
import vn.partycell.meeting.domain.MemberStatus;
import vn.partycell.meeting.domain.OrgUnitKind;
import vn.partycell.meeting.domain.ProceedingsEvent;
import vn.partycell.meeting.domain.QuorumRule;
import vn.partycell.meeting.domain.RosterMember;
import vn.partycell.meeting.domain.ScheduledMeeting;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.kernel.ForbiddenException;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.RuleViolationException;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.security.Grant;
import vn.partycell.platform.security.Role;

/** The proceedings' use cases against in-memory ports: scope, state, version, the year's policy, once a term. */
class ProceedingsServiceTest {

    private static final OrgPath CELL_PATH = OrgPath.of("/hy/a/cb-01/");
    private final CellId cell = new CellId(UUID.randomUUID());
    private final InMemoryProceedingsRepository proceedings = new InMemoryProceedingsRepository();
    private final InMemoryMeetingRepository meetings = new InMemoryMeetingRepository();
    private final InMemoryRosterRepository rosters = new InMemoryRosterRepository();
    private final InMemoryCellTerms terms = new InMemoryCellTerms();
    private final List<MemberId> full = new ArrayList<>();
    private final ProceedingsService service;

    private final Caller secretary = caller("bt", CELL_PATH, Role.SECRETARY);
    private final Caller member = caller("dv", CELL_PATH, Role.MEMBER);
    private final Caller outsider = caller("du-b", OrgPath.of("/hy/b/"), Role.SUPERIOR);

    ProceedingsServiceTest() {
        Map<MeetingKind, Integer> speakers = new EnumMap<>(MeetingKind.class);
        Map<MeetingKind, QuorumSetting> pass = new EnumMap<>(MeetingKind.class);
        for (MeetingKind kind : MeetingKind.values()) {
            speakers.put(kind, 8);
            pass.put(kind, new QuorumSetting(QuorumRule.Comparison.MORE_THAN, 1, 2));
        }
        ProceedingsPolicy.YearPolicy defaults = new ProceedingsPolicy.YearPolicy(
                speakers, pass, new QuorumSetting(QuorumRule.Comparison.MORE_THAN, 1, 2), Period.ofYears(4));
        // 2028 asks two speakers only.
        ProceedingsPolicy.YearPolicy y2028 =
                new ProceedingsPolicy.YearPolicy(Map.of(MeetingKind.REGULAR, 2), null, null, null);
        ProceedingsPolicy policy = new ProceedingsPolicy(defaults, Map.of(2028, y2028));
        service = new ProceedingsService(
                proceedings,
                meetings,
                rosters,
                policy,
                new CongressTerms(terms, proceedings, policy),
                Clock.fixed(Instant.parse("2026-03-05T05:00:00Z"), ZoneOffset.UTC));
        rosters.saveIfNewer(
                new Cell(cell, "cb-01", "Chi bộ 1", OrgUnitKind.CELL, null, CELL_PATH, 1), new Occurrence("e0"));
        for (int i = 0; i < 3; i++) {
            MemberId m = new MemberId(UUID.randomUUID());
            full.add(m);
            rosters.saveIfNewer(
                    new RosterMember(m, cell, null, CELL_PATH, "Đảng viên " + i, MemberStatus.FULL, false, 1),
                    new Occurrence("e" + (i + 1)));
        }
    }

    private static Caller caller(String name, OrgPath path, Role role) {
        return new Caller(name, Optional.empty(), List.of(new Grant(path, role)));
    }

    private MeetingId held(MeetingKind kind, String startsAt) {
        MeetingPlan plan =
                new MeetingPlan(kind, "Sinh hoạt", null, Instant.parse(startsAt), "Hội trường", List.of("Nội dung"));
        Map<MemberId, Attendance> attendance = new LinkedHashMap<>();
        full.forEach(m -> attendance.put(m, new Attendance(m, AttendanceStatus.PRESENT, null, false)));
        MeetingId id = MeetingId.random();
        meetings.insert(Change.<Meeting, MeetingEvent>silent(
                new InProgressMeeting(id, cell, CELL_PATH, plan, attendance, Instant.parse(startsAt), "bt", 2)));
        return id;
    }

    private void elect(MeetingId id) {
        ProceedingsView opened = service.openElection(
                secretary, id, null, UUID.randomUUID(), CommitteeRole.SECRETARY, 1, List.of(full.getFirst()));
        UUID election = opened.proceedings().elections().getFirst().id();
        service.castElectionBallots(
                secretary,
                id,
                null,
                election,
                full.stream()
                        .map(v -> new ElectionBallot(v, List.of(full.getFirst())))
                        .toList());
        service.countElection(secretary, id, null, election);
    }

    /**
     * Where member-service recorded the cell's terms, the term decides, not the interval: a second
     * congress late in the same five-year term is refused although more than four years passed, and
     * the first congress of a new, shorter term is not, although less than four years passed.
     */
    @Test
    void aRecordedTermDecidesWhichCongressesShareATerm() {
        terms.record(
                cell,
                new CommitteeTerm(
                        UUID.randomUUID(), "2020–2025", LocalDate.parse("2020-06-01"), LocalDate.parse("2025-05-31")));
        CommitteeTerm shortTerm = new CommitteeTerm(
                UUID.randomUUID(), "2025–2027", LocalDate.parse("2025-06-01"), LocalDate.parse("2027-12-31"));
        terms.record(cell, shortTerm);
        terms.record(
                cell,
                new CommitteeTerm(
                        UUID.randomUUID(), "2028–2032", LocalDate.parse("2028-01-01"), LocalDate.parse("2032-12-31")));

        MeetingId first = held(MeetingKind.CONGRESS, "2020-06-12T02:00:00Z");
        elect(first);
        MeetingId late = held(MeetingKind.CONGRESS, "2025-05-20T02:00:00Z");
        assertThatThrownBy(() -> elect(late))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("2020–2025")
                .satisfies(e -> assertThat(((RuleViolationException) e).facts())
                        .containsEntry("field", "kind")
                        .containsEntry("termName", "2020–2025")
                        .containsEntry("previousMeetingId", first.toString()));

        MeetingId second = held(MeetingKind.CONGRESS, "2025-06-12T02:00:00Z");
        elect(second);
        MeetingId sameShortTerm = held(MeetingKind.CONGRESS, "2027-12-30T02:00:00Z");
        assertThatThrownBy(() -> elect(sameShortTerm))
                .isInstanceOf(RuleViolationException.class)
                .satisfies(e -> assertThat(((RuleViolationException) e).facts())
                        .containsEntry("termId", shortTerm.id().toString())
                        .containsEntry("previousMeetingId", second.toString()));
        // Two years and a half after the last one, but the first of its recorded term.
        elect(held(MeetingKind.CONGRESS, "2028-01-10T02:00:00Z"));
        assertThat(proceedings.congressesOf(cell)).hasSize(3);
    }

    @Test
    void aCongressLessThanTheIntervalAfterTheCellsLastOneIsRefusedAndOneAfterItIsNot() {
        MeetingId first = held(MeetingKind.CONGRESS, "2020-06-12T02:00:00Z");
        elect(first);
        assertThat(proceedings.events()).hasSize(1).first().isInstanceOf(ProceedingsEvent.CommitteeElected.class);

        MeetingId sameTerm = held(MeetingKind.CONGRESS, "2023-06-12T02:00:00Z");
        assertThatThrownBy(() -> elect(sameTerm))
                .isInstanceOf(RuleViolationException.class)
                .satisfies(e -> assertThat(((RuleViolationException) e).facts())
                        .containsEntry("field", "kind")
                        .containsEntry("previousMeetingId", first.toString()));
        assertThat(proceedings.find(sameTerm)).isEmpty();
        // A by-election in the same term is an extraordinary meeting's.
        elect(held(MeetingKind.EXTRAORDINARY, "2023-09-12T02:00:00Z"));
        // The next term's congress, a little under five years on.
        elect(held(MeetingKind.CONGRESS, "2025-05-20T02:00:00Z"));
        assertThat(proceedings.events()).hasSize(3);
        assertThat(proceedings.congressesOf(cell)).hasSize(2);
    }

    @Test
    void theSpeakersTargetIsTheYearsForTheKindOfMeeting() {
        MeetingId id = held(MeetingKind.REGULAR, "2028-03-05T02:00:00Z");
        service.recordSpeech(secretary, id, null, full.get(0), "Ý kiến");
        ProceedingsView two = service.recordSpeech(secretary, id, null, full.get(1), null);
        assertThat(two.speakers()).isEqualTo(2);
        assertThat(two.speakersTarget()).isEqualTo(2);
        assertThat(two.speakersTargetMet()).isTrue();
        ProceedingsView other = service.get(member, held(MeetingKind.REGULAR, "2027-03-05T02:00:00Z"));
        assertThat(other.speakersTarget()).isEqualTo(8);
        assertThat(other.speakersTargetMet()).isFalse();
        assertThat(other.proceedings().version()).isZero();
    }

    @Test
    void scopeRoleStateAndVersionComeBeforeAnyRecord() {
        MeetingId id = held(MeetingKind.REGULAR, "2026-03-05T02:00:00Z");
        assertThatThrownBy(() -> service.get(outsider, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.recordSpeech(outsider, id, null, full.get(0), null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.recordSpeech(member, id, null, full.get(0), null))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.recordSpeech(secretary, MeetingId.random(), null, full.get(0), null))
                .isInstanceOf(NotFoundException.class);
        service.recordSpeech(secretary, id, 0L, full.get(0), null);
        assertThatThrownBy(() -> service.recordSpeech(secretary, id, 0L, full.get(1), null))
                .isInstanceOf(ConflictException.class);

        MeetingId notStarted = MeetingId.random();
        meetings.insert(Change.<Meeting, MeetingEvent>silent(new ScheduledMeeting(
                notStarted,
                cell,
                CELL_PATH,
                new MeetingPlan(
                        MeetingKind.REGULAR,
                        "Sinh hoạt",
                        null,
                        Instant.parse("2026-03-06T02:00:00Z"),
                        "Hội trường",
                        List.of("x")),
                1)));
        assertThatThrownBy(() -> service.recordSpeech(secretary, notStarted, null, full.get(0), null))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("chưa bắt đầu");
        assertThat(proceedings.find(notStarted)).isEmpty();
    }
}

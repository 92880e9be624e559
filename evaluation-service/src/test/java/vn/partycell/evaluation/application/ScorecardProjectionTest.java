package vn.partycell.evaluation.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partycell.evaluation.domain.AttendanceStatus;
import vn.partycell.evaluation.domain.CellId;
import vn.partycell.evaluation.domain.ClosedMeeting;
import vn.partycell.evaluation.domain.MeetingEntry;
import vn.partycell.evaluation.domain.MeetingId;
import vn.partycell.evaluation.domain.MeetingKind;
import vn.partycell.evaluation.domain.MemberId;
import vn.partycell.evaluation.domain.RemovalReview;
import vn.partycell.evaluation.domain.RemovalReviewPolicy;
import vn.partycell.evaluation.domain.Scorecard;
import vn.partycell.evaluation.domain.ScorecardEvent;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.VietnamTime;

/** The projection's decisions on typed closed meetings, against the in-memory repository. */
class ScorecardProjectionTest {

    static final OrgPath PATH = OrgPath.of("/hy/a/cb-1/");

    /** The shipped default (2 / 3 months), and a year whose policy is stricter (1 / 2). */
    static final PolicyProperties POLICY = new PolicyProperties(
            new PolicyProperties.YearPolicy(new PolicyProperties.RemovalReviewSettings(2, 3), null),
            Map.of(2026, new PolicyProperties.YearPolicy(new PolicyProperties.RemovalReviewSettings(1, 2), null)));

    final InMemoryScorecardRepository repository = new InMemoryScorecardRepository();
    final ScorecardProjection projection = new ScorecardProjection(repository, POLICY);
    final CellId cell = new CellId(UUID.randomUUID());
    final MemberId an = new MemberId(UUID.randomUUID());
    final MemberId binh = new MemberId(UUID.randomUUID());

    static ClosedMeeting.Attendance line(MemberId member, AttendanceStatus status, boolean spoke) {
        return new ClosedMeeting.Attendance(member, status, spoke);
    }

    ClosedMeeting closed(MeetingId meeting, String startsAt, ClosedMeeting.Attendance... lines) {
        return closed(meeting, cell, PATH, startsAt, "Sinh hoạt chi bộ", lines);
    }

    static ClosedMeeting closed(
            MeetingId meeting,
            CellId cell,
            OrgPath path,
            String startsAt,
            String title,
            ClosedMeeting.Attendance... lines) {
        Instant at = Instant.parse(startsAt);
        return new ClosedMeeting(
                meeting,
                cell,
                path,
                MeetingKind.REGULAR,
                title,
                at,
                VietnamTime.date(at).getYear(),
                VietnamTime.date(at).getMonthValue(),
                List.of(lines));
    }

    @Test
    void aClosedMeetingGoesOnEveryListedMembersScorecardOnce() {
        MeetingId meeting = new MeetingId(UUID.randomUUID());
        // 18:30 UTC on 28 February is 01:30 on 1 March in Viet Nam: it counts for March.
        ClosedMeeting closed = closed(
                meeting,
                "2025-02-28T18:30:00Z",
                line(an, AttendanceStatus.LATE, true),
                line(binh, AttendanceStatus.ABSENT, false));

        assertThat(projection.onMeetingClosed(closed)).isEqualTo(Effect.APPLIED);

        MeetingEntry entry = repository.find(an, 2025).orElseThrow().meetings().getFirst();
        assertThat(entry.meetingId()).isEqualTo(meeting);
        assertThat(entry.month()).isEqualTo(3);
        assertThat(entry.status()).isEqualTo(AttendanceStatus.LATE);
        assertThat(entry.spoke()).isTrue();
        assertThat(entry.kind()).isEqualTo(MeetingKind.REGULAR);
        assertThat(repository.find(binh, 2025).orElseThrow().totals().missed()).isEqualTo(1);
        assertThat(repository.cellPath(cell)).contains(PATH);
    }

    @Test
    void theSameMeetingAgainIsADuplicateWhateverItsMinutesNowSay() {
        MeetingId meeting = new MeetingId(UUID.randomUUID());
        ClosedMeeting closed = closed(
                meeting,
                "2025-05-05T01:00:00Z",
                line(an, AttendanceStatus.PRESENT, true),
                line(binh, AttendanceStatus.ABSENT, false));
        projection.onMeetingClosed(closed);
        Map<String, Scorecard> before = Map.copyOf(repository.cards);
        assertThat(repository.published).hasSize(1);

        assertThat(projection.onMeetingClosed(closed)).isEqualTo(Effect.DUPLICATE);
        // Another event about the same meeting (the minutes are final): still the first one counts.
        ClosedMeeting changed = closed(meeting, "2025-05-05T01:00:00Z", line(an, AttendanceStatus.ABSENT, false));
        assertThat(projection.onMeetingClosed(changed)).isEqualTo(Effect.DUPLICATE);
        assertThat(repository.cards).isEqualTo(before);
        assertThat(repository.published)
                .as("a meeting already counted is not announced again")
                .hasSize(1);
    }

    @Test
    void aReplayInAnyOrderBuildsTheSameScorecardsAndCells() {
        CellId other = new CellId(UUID.randomUUID());
        OrgPath moved = OrgPath.of("/hy/b/cb-2/");
        List<ClosedMeeting> meetings = new ArrayList<>();
        for (int month = 1; month <= 6; month++) {
            String at = "2025-%02d-05T01:00:00Z".formatted(month);
            meetings.add(closed(
                    new MeetingId(UUID.randomUUID()),
                    cell,
                    PATH,
                    at,
                    "Tháng " + month,
                    line(an, month % 2 == 0 ? AttendanceStatus.ABSENT : AttendanceStatus.PRESENT, month == 3),
                    line(binh, AttendanceStatus.EXCUSED, false)));
        }
        // An moves to another cell in July; that cell's path is the latest its meetings report.
        meetings.add(closed(
                new MeetingId(UUID.randomUUID()),
                other,
                moved,
                "2025-07-05T01:00:00Z",
                "Tháng 7",
                line(an, AttendanceStatus.LATE, true)));

        InMemoryScorecardRepository inOrder = new InMemoryScorecardRepository();
        meetings.forEach(new ScorecardProjection(inOrder, POLICY)::onMeetingClosed);
        List<ClosedMeeting> shuffled = new ArrayList<>(meetings);
        Collections.shuffle(shuffled, new Random(7));
        InMemoryScorecardRepository replayed = new InMemoryScorecardRepository();
        ScorecardProjection replay = new ScorecardProjection(replayed, POLICY);
        shuffled.forEach(replay::onMeetingClosed);
        int announced = replayed.published.size();
        assertThat(announced).isEqualTo(3);
        // A second pass over the same topic (a group reset over existing state) changes nothing.
        shuffled.forEach(m -> assertThat(replay.onMeetingClosed(m)).isEqualTo(Effect.DUPLICATE));

        assertThat(replayed.published).hasSize(announced);
        assertThat(replayed.cards).isEqualTo(inOrder.cards);
        assertThat(replayed.cells).isEqualTo(inOrder.cells);
        Scorecard card = replayed.find(an, 2025).orElseThrow();
        assertThat(card.meetings()).hasSize(7);
        assertThat(card.cellId()).isEqualTo(other);
        assertThat(card.unexcusedAbsenceMonths()).containsExactly(2, 4, 6);
    }

    @Test
    void losingARaceToAnotherMeetingReadsAgainAndKeepsBoth() {
        MeetingId first = new MeetingId(UUID.randomUUID());
        projection.onMeetingClosed(closed(first, "2025-01-06T01:00:00Z", line(an, AttendanceStatus.PRESENT, true)));
        MeetingEntry concurrent = new MeetingEntry(
                new MeetingId(UUID.randomUUID()),
                cell,
                PATH,
                MeetingKind.THEMATIC,
                "Sinh hoạt chuyên đề",
                Instant.parse("2025-01-20T01:00:00Z"),
                1,
                AttendanceStatus.EXCUSED,
                false);
        // Another consumer adds a meeting between this one's read and its write.
        repository.beforeNextReplace =
                () -> repository.cards.computeIfPresent(an + ":2025", (k, s) -> s.with(concurrent));
        repository.replaces = 0;

        MeetingId second = new MeetingId(UUID.randomUUID());
        assertThat(projection.onMeetingClosed(
                        closed(second, "2025-02-05T01:00:00Z", line(an, AttendanceStatus.ABSENT, false))))
                .isEqualTo(Effect.APPLIED);

        assertThat(repository.replaces).isEqualTo(2);
        // Only the write that applied carries the event: the lost one published nothing.
        assertThat(repository.published)
                .singleElement()
                .satisfies(e -> assertThat(((ScorecardEvent.UnexcusedAbsenceCounted) e)
                                .meeting()
                                .meetingId())
                        .isEqualTo(second));
        assertThat(repository.find(an, 2025).orElseThrow().meetings())
                .extracting(MeetingEntry::meetingId)
                .containsExactly(first, concurrent.meetingId(), second);
    }

    @Test
    void eachUnexcusedAbsenceIsAnnouncedWithTheMonthsSoFarAndTheYearsPolicy() {
        String[] starts = {
            "2025-01-06T01:00:00Z", "2025-01-20T01:00:00Z", "2025-02-05T01:00:00Z", "2025-04-05T01:00:00Z"
        };
        for (String at : starts) {
            projection.onMeetingClosed(closed(
                    new MeetingId(UUID.randomUUID()),
                    at,
                    line(an, AttendanceStatus.ABSENT, false),
                    line(binh, AttendanceStatus.PRESENT, true)));
        }
        // Excused absences and attendance are no absence to announce.
        projection.onMeetingClosed(closed(
                new MeetingId(UUID.randomUUID()), "2025-05-05T01:00:00Z", line(an, AttendanceStatus.EXCUSED, false)));

        List<ScorecardEvent.UnexcusedAbsenceCounted> events = repository.published.stream()
                .map(ScorecardEvent.UnexcusedAbsenceCounted.class::cast)
                .toList();
        assertThat(events).extracting(ScorecardEvent::memberId).containsOnly(an);
        assertThat(events)
                .extracting(ScorecardEvent.UnexcusedAbsenceCounted::unexcusedAbsenceMonths)
                .containsExactly(List.of(1), List.of(1), List.of(1, 2), List.of(1, 2, 4));
        assertThat(events)
                .extracting(e -> e.removalReview().orElse(null))
                .containsExactly(null, null, RemovalReview.Level.WARNING, RemovalReview.Level.REVIEW);
        assertThat(events)
                .extracting(ScorecardEvent.UnexcusedAbsenceCounted::version)
                .containsExactly(1, 2, 3, 4);
        assertThat(events)
                .extracting(ScorecardEvent.UnexcusedAbsenceCounted::policy)
                .containsOnly(new RemovalReviewPolicy(2, 3));
        assertThat(events.getLast().meeting().startsAt()).isEqualTo(Instant.parse("2025-04-05T01:00:00Z"));

        // 2026 has its own policy: the same single month already warns.
        projection.onMeetingClosed(closed(
                new MeetingId(UUID.randomUUID()), "2026-03-05T01:00:00Z", line(an, AttendanceStatus.ABSENT, false)));
        ScorecardEvent.UnexcusedAbsenceCounted in2026 =
                (ScorecardEvent.UnexcusedAbsenceCounted) repository.published.getLast();
        assertThat(in2026.year()).isEqualTo(2026);
        assertThat(in2026.policy()).isEqualTo(new RemovalReviewPolicy(1, 2));
        assertThat(in2026.removalReview()).contains(RemovalReview.Level.WARNING);
        assertThat(in2026.version()).isEqualTo(1);
    }
}

package vn.partycell.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partycell.platform.kernel.OrgPath;

class ScorecardTest {

    static final MemberId MEMBER = MemberId.of("5e8a2f10-7c3b-4d9e-a1f2-3b4c5d6e7f80");
    static final CellId CELL = CellId.of("3f0c6f7e-2b1a-4d35-9a57-0d1e8c2b7a41");
    static final OrgPath PATH = OrgPath.of("/hy/du-khoi-ccq/cb-so-tu-phap/");

    static MeetingEntry entry(String startsAt, int month, AttendanceStatus status, boolean spoke) {
        return new MeetingEntry(
                new MeetingId(UUID.randomUUID()),
                CELL,
                PATH,
                MeetingKind.REGULAR,
                "Sinh hoạt chi bộ thường kỳ tháng " + month,
                Instant.parse(startsAt),
                month,
                status,
                spoke);
    }

    @Test
    void countsAttendedLateExcusedMissedAndSpokeFromTheEntries() {
        MeetingEntry present = entry("2025-01-06T01:00:00Z", 1, AttendanceStatus.PRESENT, true);
        MeetingEntry late = entry("2025-02-05T01:00:00Z", 2, AttendanceStatus.LATE, true);
        MeetingEntry excused = entry("2025-03-05T01:00:00Z", 3, AttendanceStatus.EXCUSED, false);
        MeetingEntry absent = entry("2025-04-05T01:00:00Z", 4, AttendanceStatus.ABSENT, false);
        MeetingEntry silent = entry("2025-04-20T01:00:00Z", 4, AttendanceStatus.PRESENT, false);
        Scorecard card = new Scorecard(MEMBER, 2025, List.of(absent, present, silent, late, excused));

        Tally totals = card.totals();
        assertThat(totals.meetings()).hasSize(5);
        assertThat(totals.attended()).isEqualTo(3);
        assertThat(totals.entries(Figure.ATTENDED)).containsExactly(present, late, silent);
        assertThat(totals.late()).isEqualTo(1);
        assertThat(totals.entries(Figure.LATE)).containsExactly(late);
        assertThat(totals.excused()).isEqualTo(1);
        assertThat(totals.entries(Figure.EXCUSED)).containsExactly(excused);
        assertThat(totals.missed()).isEqualTo(1);
        assertThat(totals.entries(Figure.MISSED)).containsExactly(absent);
        assertThat(totals.spoke()).isEqualTo(2);
        assertThat(totals.entries(Figure.SPOKE)).containsExactly(present, late);
    }

    @Test
    void breaksTheFiguresDownByTheMonthTheMeetingCountsFor() {
        // 18:30 UTC on 28 February is 01:30 on 1 March in Viet Nam: the meeting says month 3.
        MeetingEntry earlyMarch = entry("2025-02-28T18:30:00Z", 3, AttendanceStatus.ABSENT, false);
        MeetingEntry march = entry("2025-03-20T01:00:00Z", 3, AttendanceStatus.LATE, true);
        MeetingEntry february = entry("2025-02-05T01:00:00Z", 2, AttendanceStatus.PRESENT, true);
        Scorecard card = new Scorecard(MEMBER, 2025, List.of(march, earlyMarch, february));

        Tally m3 = card.month(3);
        assertThat(m3.meetings()).containsExactly(earlyMarch, march);
        assertThat(m3.attended()).isEqualTo(1);
        assertThat(m3.late()).isEqualTo(1);
        assertThat(m3.missed()).isEqualTo(1);
        assertThat(m3.entries(Figure.MISSED)).containsExactly(earlyMarch);
        assertThat(m3.spoke()).isEqualTo(1);
        assertThat(card.month(2).attended()).isEqualTo(1);
        assertThat(card.month(2).missed()).isZero();
        assertThat(card.month(7).meetings()).isEmpty();
        assertThatThrownBy(() -> card.month(13)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsEntriesInTheSameOrderWhateverOrderTheyArrivedIn() {
        MeetingEntry a = entry("2025-01-06T01:00:00Z", 1, AttendanceStatus.PRESENT, true);
        MeetingEntry b = entry("2025-02-05T01:00:00Z", 2, AttendanceStatus.ABSENT, false);
        MeetingEntry c = entry("2025-03-05T01:00:00Z", 3, AttendanceStatus.EXCUSED, false);

        Scorecard one = Scorecard.first(MEMBER, 2025, c).with(a).with(b);
        Scorecard other = Scorecard.first(MEMBER, 2025, b).with(c).with(a);

        assertThat(one).isEqualTo(other);
        assertThat(one.meetings()).containsExactly(a, b, c);
    }

    @Test
    void aMeetingIsOnAScorecardOnlyOnce() {
        MeetingEntry a = entry("2025-01-06T01:00:00Z", 1, AttendanceStatus.PRESENT, true);
        Scorecard card = Scorecard.first(MEMBER, 2025, a);

        assertThat(card.contains(a.meetingId())).isTrue();
        MeetingEntry again = new MeetingEntry(
                a.meetingId(),
                CELL,
                PATH,
                MeetingKind.REGULAR,
                "khác",
                a.startsAt(),
                1,
                AttendanceStatus.ABSENT,
                false);
        assertThatThrownBy(() -> card.with(again)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Scorecard(MEMBER, 2025, List.of(a, again)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Scorecard(MEMBER, 2025, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void belongsToTheCellOfTheMembersLatestMeeting() {
        CellId newCell = new CellId(UUID.randomUUID());
        OrgPath newPath = OrgPath.of("/hy/du-khoi-ccq/cb-so-y-te/");
        MeetingEntry before = entry("2025-01-06T01:00:00Z", 1, AttendanceStatus.PRESENT, true);
        MeetingEntry after = new MeetingEntry(
                new MeetingId(UUID.randomUUID()),
                newCell,
                newPath,
                MeetingKind.REGULAR,
                "Sinh hoạt chi bộ tháng 5",
                Instant.parse("2025-05-05T01:00:00Z"),
                5,
                AttendanceStatus.PRESENT,
                false);

        Scorecard card = Scorecard.first(MEMBER, 2025, after).with(before);

        assertThat(card.cellId()).isEqualTo(newCell);
        assertThat(card.orgPath()).isEqualTo(newPath);
    }

    @Test
    void unexcusedAbsenceMonthsAreDistinctMonthsWithAnAbsence() {
        Scorecard card = new Scorecard(
                MEMBER,
                2025,
                List.of(
                        entry("2025-05-05T01:00:00Z", 5, AttendanceStatus.ABSENT, false),
                        entry("2025-01-06T01:00:00Z", 1, AttendanceStatus.ABSENT, false),
                        entry("2025-01-20T01:00:00Z", 1, AttendanceStatus.ABSENT, false),
                        entry("2025-03-05T01:00:00Z", 3, AttendanceStatus.EXCUSED, false),
                        entry("2025-04-05T01:00:00Z", 4, AttendanceStatus.LATE, false)));

        assertThat(card.unexcusedAbsenceMonths()).containsExactly(1, 5);
        assertThat(card.unexcusedAbsences()).hasSize(3);
    }

    @Test
    void anEntryNeedsAMonthOfTheYear() {
        assertThatThrownBy(() -> entry("2025-01-06T01:00:00Z", 0, AttendanceStatus.PRESENT, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> entry("2025-01-06T01:00:00Z", 13, AttendanceStatus.PRESENT, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recordingAnUnexcusedAbsenceDecidesTheEventWithTheFiguresAfterIt() {
        RemovalReviewPolicy policy = new RemovalReviewPolicy(2, 3);
        MeetingEntry march = entry("2025-03-05T01:00:00Z", 3, AttendanceStatus.ABSENT, false);
        var started = Scorecard.start(MEMBER, 2025, march, policy);
        assertThat(started.state()).isEqualTo(Scorecard.first(MEMBER, 2025, march));
        assertThat(started.events())
                .singleElement()
                .isEqualTo(new ScorecardEvent.UnexcusedAbsenceCounted(MEMBER, 2025, march, List.of(3), policy, 1));

        MeetingEntry present = entry("2025-04-05T01:00:00Z", 4, AttendanceStatus.PRESENT, true);
        MeetingEntry excused = entry("2025-05-05T01:00:00Z", 5, AttendanceStatus.EXCUSED, false);
        var attended = started.state().record(present, policy);
        assertThat(attended.events()).isEmpty();
        assertThat(attended.state().record(excused, policy).events()).isEmpty();

        // Arriving late from January: the months are those of the scorecard after it, sorted.
        MeetingEntry january = entry("2025-01-06T01:00:00Z", 1, AttendanceStatus.ABSENT, false);
        var warned = attended.state().record(january, policy);
        var counted = (ScorecardEvent.UnexcusedAbsenceCounted) warned.events().getFirst();
        assertThat(counted.unexcusedAbsenceMonths()).containsExactly(1, 3);
        assertThat(counted.removalReview()).contains(RemovalReview.Level.WARNING);
        assertThat(counted.version()).isEqualTo(3);
        assertThat(counted.cellId()).isEqualTo(CELL);
        assertThat(counted.orgPath()).isEqualTo(PATH);
        assertThat(((ScorecardEvent.UnexcusedAbsenceCounted) started.events().getFirst()).removalReview())
                .isEmpty();
        assertThatThrownBy(() -> warned.state().record(january, policy)).isInstanceOf(IllegalArgumentException.class);
    }
}

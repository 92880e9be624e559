package vn.partycell.evaluation.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.OrgPath;

/**
 * A member's yearly scorecard (bảng điểm) of meetings: one entry per closed meeting the member was
 * expected at. Nothing is counted apart from the entries: every figure is derived from them, so the
 * same set of meetings gives the same scorecard whatever order the meetings arrived in.
 */
public record Scorecard(MemberId memberId, int year, List<MeetingEntry> meetings) {

    public Scorecard {
        Objects.requireNonNull(memberId, "memberId");
        if (meetings == null || meetings.isEmpty()) {
            throw new IllegalArgumentException("Bảng điểm phải có ít nhất một cuộc họp");
        }
        Set<MeetingId> seen = new HashSet<>();
        for (MeetingEntry entry : meetings) {
            if (!seen.add(entry.meetingId())) {
                throw new IllegalArgumentException("Cuộc họp " + entry.meetingId() + " đã có trong bảng điểm");
            }
        }
        List<MeetingEntry> sorted = new ArrayList<>(meetings);
        sorted.sort(MeetingEntry::chronologically);
        meetings = List.copyOf(sorted);
    }

    /** The first meeting on a member's scorecard for the year. */
    public static Scorecard first(MemberId memberId, int year, MeetingEntry entry) {
        return new Scorecard(memberId, year, List.of(entry));
    }

    /**
     * Records a closed meeting on the member's scorecard for the year, starting it when none is
     * stored: the new scorecard, and an {@link ScorecardEvent.UnexcusedAbsenceCounted} when the
     * member was absent without excuse (judged under the year's {@code policy}).
     */
    public static Change<Scorecard, ScorecardEvent> record(
            Scorecard stored, MemberId memberId, int year, MeetingEntry entry, RemovalReviewPolicy policy) {
        return stored == null ? start(memberId, year, entry, policy) : stored.record(entry, policy);
    }

    /** The first meeting on a member's scorecard for the year, with the event it causes. */
    public static Change<Scorecard, ScorecardEvent> start(
            MemberId memberId, int year, MeetingEntry entry, RemovalReviewPolicy policy) {
        return recorded(first(memberId, year, entry), entry, policy);
    }

    /** This scorecard with one more meeting, with the event it causes; a meeting already on it may not be added. */
    public Change<Scorecard, ScorecardEvent> record(MeetingEntry entry, RemovalReviewPolicy policy) {
        return recorded(with(entry), entry, policy);
    }

    private static Change<Scorecard, ScorecardEvent> recorded(
            Scorecard next, MeetingEntry entry, RemovalReviewPolicy policy) {
        if (!Figure.MISSED.counts(entry)) {
            return Change.silent(next);
        }
        return Change.of(
                next,
                new ScorecardEvent.UnexcusedAbsenceCounted(
                        next.memberId(), next.year(), entry, next.unexcusedAbsenceMonths(), policy, next.version()));
    }

    /**
     * Applies an approved amendment of one meeting to the member's line (đính chính biên bản): the
     * entry keeps the amendment beside the line it replaced, so the figures stay traceable. When the
     * scorecard does not hold the meeting yet (its closed event comes later, or was lost to the
     * dead-letter topic), the entry starts from {@code minutes} (the line before the amendment) and
     * the closed meeting, once it comes, finds it there. A line that becomes an unexcused absence is
     * announced as one ({@link ScorecardEvent.UnexcusedAbsenceCounted}); one that stops being one is
     * not announced (no contract yet), but leaves every figure and the removal-review list.
     */
    public static Change<Scorecard, ScorecardEvent> correct(
            Scorecard stored,
            MemberId memberId,
            int year,
            MeetingEntry minutes,
            MeetingEntry.Correction correction,
            RemovalReviewPolicy policy) {
        MeetingEntry before =
                stored == null ? null : stored.entry(minutes.meetingId()).orElse(null);
        MeetingEntry after = (before == null ? minutes : before).correct(correction);
        List<MeetingEntry> entries = new ArrayList<>(stored == null ? List.of() : stored.meetings());
        entries.removeIf(e -> e.meetingId().equals(minutes.meetingId()));
        entries.add(after);
        Scorecard next = new Scorecard(memberId, year, entries);
        boolean newlyMissed = Figure.MISSED.counts(after) && (before == null || !Figure.MISSED.counts(before));
        if (!newlyMissed) {
            return Change.silent(next);
        }
        return Change.of(
                next,
                new ScorecardEvent.UnexcusedAbsenceCounted(
                        memberId, year, after, next.unexcusedAbsenceMonths(), policy, next.version()));
    }

    /** Whether this amendment of the meeting is already on the scorecard. */
    public boolean corrected(MeetingId meetingId, java.util.UUID amendmentId) {
        return entry(meetingId).map(e -> e.corrected(amendmentId)).orElse(false);
    }

    public java.util.Optional<MeetingEntry> entry(MeetingId meetingId) {
        return meetings.stream().filter(e -> e.meetingId().equals(meetingId)).findFirst();
    }

    /**
     * How many writes made this scorecard: one per meeting and one per amendment applied. Derived
     * from the entries (a replay gives the same number); every write raises it, so a conditional
     * write on it loses to any other.
     */
    public int version() {
        return meetings.stream().mapToInt(MeetingEntry::writes).sum();
    }

    public boolean contains(MeetingId meetingId) {
        return meetings.stream().anyMatch(e -> e.meetingId().equals(meetingId));
    }

    /** This scorecard with one more meeting; a meeting already on it may not be added again. */
    public Scorecard with(MeetingEntry entry) {
        if (contains(entry.meetingId())) {
            throw new IllegalArgumentException("Cuộc họp " + entry.meetingId() + " đã có trong bảng điểm");
        }
        List<MeetingEntry> more = new ArrayList<>(meetings);
        more.add(entry);
        return new Scorecard(memberId, year, more);
    }

    /** The latest meeting: it tells which cell the member belongs to now. */
    public MeetingEntry latest() {
        return meetings.getLast();
    }

    /** The cell of the member's latest meeting in the year. */
    public CellId cellId() {
        return latest().cellId();
    }

    /** The org path of the member's latest meeting in the year; who may read the scorecard depends on it. */
    public OrgPath orgPath() {
        return latest().orgPath();
    }

    public Tally totals() {
        return Tally.of(meetings);
    }

    public Tally month(int month) {
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("Tháng phải từ 1 đến 12, nhận được " + month);
        }
        return Tally.of(meetings.stream().filter(e -> e.month() == month).toList());
    }

    /** The months (ascending) with at least one unexcused absence. */
    public List<Integer> unexcusedAbsenceMonths() {
        return meetings.stream()
                .filter(Figure.MISSED::counts)
                .map(MeetingEntry::month)
                .distinct()
                .sorted()
                .toList();
    }

    /** The unexcused absences, in order. */
    public List<MeetingEntry> unexcusedAbsences() {
        return meetings.stream().filter(Figure.MISSED::counts).toList();
    }
}

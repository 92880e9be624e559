package vn.partycell.meeting.domain;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.RuleViolationException;
import vn.partycell.platform.kernel.VietnamTime;

/**
 * A cell meeting (buổi sinh hoạt chi bộ) in one of the states of its life cycle: {@link
 * DraftMeeting} (being prepared, nobody told) → {@link ScheduledMeeting} (notice sent; time, place
 * and agenda may still change, each change announced) → {@link InProgressMeeting} (started by the
 * committee, not before its start minus the policy tolerance; attendance and speakers are recorded)
 * → {@link ClosedMeeting} (final minutes; corrections only by amendment), or {@link
 * CancelledMeeting} (with its reason). Each state offers only the commands it allows.
 */
public sealed interface Meeting
        permits DraftMeeting, ScheduledMeeting, InProgressMeeting, ClosedMeeting, CancelledMeeting {

    MeetingId id();

    CellId cellId();

    OrgPath orgPath();

    /** Kind, title, topic, start, place and agenda as announced. */
    MeetingPlan plan();

    long version();

    MeetingStatus status();

    default MeetingKind kind() {
        return plan().kind();
    }

    default String title() {
        return plan().title();
    }

    /** The topic of a thematic meeting (chuyên đề), or null. */
    default String topic() {
        return plan().topic();
    }

    default Instant startsAt() {
        return plan().startsAt();
    }

    default String place() {
        return plan().place();
    }

    default List<String> agenda() {
        return plan().agenda();
    }

    /** Who entered the meeting after it was held, and when; null for a meeting run on the platform. */
    default RecordedAfterwards recorded() {
        return plan().recorded();
    }

    /** Attendance taken so far; none before the meeting starts. */
    default Map<MemberId, Attendance> attendance() {
        return Map.of();
    }

    /** The state that takes attendance and closes; other states refuse (see {@link #refusal}). */
    default InProgressMeeting requireInProgress() {
        if (this instanceof InProgressMeeting m) {
            return m;
        }
        throw refusal(MeetingStatus.IN_PROGRESS);
    }

    /** The state that may be started, changed (announced again) or cancelled. */
    default ScheduledMeeting requireScheduled() {
        if (this instanceof ScheduledMeeting m) {
            return m;
        }
        throw refusal(MeetingStatus.SCHEDULED);
    }

    default DraftMeeting requireDraft() {
        if (this instanceof DraftMeeting m) {
            return m;
        }
        throw refusal(MeetingStatus.DRAFT);
    }

    /**
     * Why a command for a meeting in state {@code wanted} does not apply: a closed or cancelled
     * meeting is final (409); otherwise the meeting is not there yet or past it (422), naming the
     * {@code status} field and both states.
     */
    default RuntimeException refusal(MeetingStatus wanted) {
        Map<String, Object> facts = Map.of("field", "status", "status", status().name(), "required", wanted.name());
        return switch (status()) {
            case CLOSED ->
                new ConflictException(
                        "meeting-closed",
                        "Buổi sinh hoạt đã kết thúc, biên bản là bản cuối; chỉ sửa bằng biên bản đính chính",
                        facts);
            case CANCELLED -> new ConflictException("meeting-cancelled", "Buổi sinh hoạt đã bị hủy", facts);
            case DRAFT ->
                new RuleViolationException(
                        "meeting-not-scheduled", "Buổi sinh hoạt mới là bản dự thảo, chưa được thông báo", facts);
            case SCHEDULED ->
                wanted == MeetingStatus.DRAFT
                        ? new RuleViolationException(
                                "meeting-already-scheduled", "Buổi sinh hoạt đã được thông báo", facts)
                        : new RuleViolationException(
                                "meeting-not-started",
                                "Buổi sinh hoạt chưa bắt đầu; hãy bắt đầu buổi sinh hoạt trước khi điểm danh hoặc kết thúc",
                                facts);
            case IN_PROGRESS ->
                new RuleViolationException(
                        "meeting-in-progress", "Buổi sinh hoạt đang diễn ra; không thể thay đổi lịch", facts);
        };
    }

    /** Prepares a meeting without telling anybody yet: no event. */
    static Change<DraftMeeting, MeetingEvent> draft(MeetingId id, Cell cell, MeetingPlan plan, Instant now) {
        requireCell(cell);
        return Change.silent(new DraftMeeting(id, cell.id(), cell.orgPath(), plan.check(now), 1));
    }

    /**
     * Schedules a meeting of a cell (not of a party group): at least one agenda item, a topic for a
     * thematic meeting, not in the past. The notice goes out with the event.
     */
    static Change<ScheduledMeeting, MeetingEvent> schedule(MeetingId id, Cell cell, MeetingPlan plan, Instant now) {
        requireCell(cell);
        ScheduledMeeting meeting = new ScheduledMeeting(id, cell.id(), cell.orgPath(), plan.check(now), 1);
        return Change.of(meeting, new MeetingEvent.Scheduled(meeting));
    }

    /**
     * Enters a meeting the cell already held, from its paper minutes (a province loading its
     * history): in progress at once, started at its start, so its attendance, proceedings and tasks
     * are recorded and it is closed like any other. Silent: nobody is told of a meeting that is over;
     * its facts go out with the close, which says it was recorded afterwards.
     */
    static Change<InProgressMeeting, MeetingEvent> recordHeld(
            MeetingId id, Cell cell, MeetingPlan plan, String by, Instant now) {
        requireCell(cell);
        MeetingPlan held = plan.recordedAfterwards(by, now);
        return Change.silent(
                new InProgressMeeting(id, cell.id(), cell.orgPath(), held, Map.of(), held.startsAt(), by, 1));
    }

    private static void requireCell(Cell cell) {
        if (cell.kind() != OrgUnitKind.CELL) {
            throw new RuleViolationException(
                    "not-a-cell",
                    "Chỉ chi bộ mới tổ chức sinh hoạt; " + cell.name() + " là " + cell.kind(),
                    Map.of("field", "cellId"));
        }
    }

    /** The meeting's local date (Asia/Ho_Chi_Minh) decides the month and year it counts for. */
    default ZonedDateTime localStart() {
        return startsAt().atZone(VietnamTime.ZONE);
    }

    /** Attendance in a stable order for the minutes and the closing event. */
    default List<Attendance> attendanceList() {
        List<Attendance> list = new ArrayList<>(attendance().values());
        list.sort(Comparator.comparing(a -> a.memberId().toString()));
        return list;
    }
}

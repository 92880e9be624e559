package vn.partycell.meeting.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.kernel.ForbiddenException;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.RuleViolationException;
import vn.partycell.platform.kernel.VietnamTime;

/**
 * A concrete task assigned to a member at the conclusion of a meeting (nhiệm vụ được giao, DOMAIN
 * §4): title, description, due date and owner, a member present at the meeting. Its owner reports
 * progress (a history of {@link ProgressReport}s, never overwritten); the secretary confirms the
 * outcome against the due date ({@link TaskOutcome}), corrected only by a correcting record. The
 * daily watch marks it overdue once ({@code overdueOn}) when its due date passed without a done
 * report.
 */
public record MeetingTask(
        TaskId id,
        MeetingId meetingId,
        CellId cellId,
        OrgPath orgPath,
        MemberId ownerId,
        String ownerName,
        String title,
        String description,
        LocalDate dueOn,
        String assignedBy,
        Instant assignedAt,
        List<ProgressReport> reports,
        List<TaskOutcome> outcomes,
        LocalDate overdueOn,
        long version) {

    public MeetingTask {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(cellId, "cellId");
        Objects.requireNonNull(orgPath, "orgPath");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(dueOn, "dueOn");
        Objects.requireNonNull(assignedBy, "assignedBy");
        Objects.requireNonNull(assignedAt, "assignedAt");
        reports = List.copyOf(reports);
        outcomes = List.copyOf(outcomes);
    }

    /**
     * Assigns a task at the conclusion of a meeting in progress: the owner must be a member of the
     * cell (on its roster) who attended (present or late); the due date not before the meeting's
     * day. Every refusal names its field. A task of a meeting entered after it was held was assigned
     * when the meeting was held, not when it is entered: its done dates are judged from then.
     */
    public static Change<MeetingTask, TaskEvent> assign(
            TaskId id,
            InProgressMeeting meeting,
            Roster roster,
            MemberId owner,
            String title,
            String description,
            LocalDate dueOn,
            String by,
            Instant now) {
        RosterMember member = requirePresent(meeting, roster, owner, "ownerId");
        if (title == null || title.isBlank()) {
            throw new RuleViolationException("title-required", "Nhiệm vụ cần có tên", Map.of("field", "title"));
        }
        LocalDate meetingDay = meeting.localStart().toLocalDate();
        if (dueOn == null || dueOn.isBefore(meetingDay)) {
            throw new RuleViolationException(
                    "due-before-meeting",
                    "Hạn hoàn thành không được trước ngày họp (" + meetingDay + ")",
                    Map.of("field", "dueOn", "meetingDay", meetingDay.toString()));
        }
        MeetingTask task = new MeetingTask(
                id,
                meeting.id(),
                meeting.cellId(),
                meeting.orgPath(),
                owner,
                member.fullName(),
                title.strip(),
                description == null || description.isBlank() ? null : description.strip(),
                dueOn,
                by,
                meeting.recorded() == null ? now : meeting.startedAt(),
                List.of(),
                List.of(),
                null,
                1);
        return Change.of(task, new TaskEvent.Assigned(task));
    }

    /** The member is on the cell's roster (422 owner-not-in-cell) and attended the meeting (422 owner-not-present). */
    static RosterMember requirePresent(Meeting meeting, Roster roster, MemberId member, String field) {
        RosterMember onRoster = roster.members().stream()
                .filter(m -> m.memberId().equals(member) && m.isActive())
                .findFirst()
                .orElseThrow(() -> new RuleViolationException(
                        "not-in-cell",
                        "Người được giao không phải đảng viên đang sinh hoạt tại chi bộ này",
                        Map.of("field", field, "memberId", member.toString())));
        Attendance attendance = meeting.attendance().get(member);
        if (attendance == null || !attendance.status().attended()) {
            throw new RuleViolationException(
                    "not-present",
                    "Chỉ giao nhiệm vụ cho đảng viên có mặt tại buổi sinh hoạt; " + onRoster.fullName()
                            + " không có mặt (hoặc chưa được điểm danh)",
                    Map.of("field", field, "memberId", member.toString()));
        }
        return onRoster;
    }

    /** The latest progress report, if any. */
    public Optional<ProgressReport> progress() {
        return reports.isEmpty() ? Optional.empty() : Optional.of(reports.getLast());
    }

    /** The done date of the latest report when it says done; empty while not done. */
    public Optional<LocalDate> doneOn() {
        return progress().filter(r -> r.progress() == TaskProgress.DONE).map(ProgressReport::doneOn);
    }

    /** The outcome in force: the latest revision, if confirmed. */
    public Optional<TaskOutcome> outcome() {
        return outcomes.isEmpty() ? Optional.empty() : Optional.of(outcomes.getLast());
    }

    /** Still to be done: no done report and no confirmed outcome. Open tasks are listed as due or overdue. */
    public boolean open() {
        return doneOn().isEmpty() && outcomes.isEmpty();
    }

    /** The owner reports progress; nobody else may (403). Done needs its date, blocked its note. */
    public Change<MeetingTask, TaskEvent> report(
            MemberId by, TaskProgress progress, String note, LocalDate doneOn, Instant now) {
        if (!ownerId.equals(by)) {
            throw new ForbiddenException("Chỉ người được giao mới báo cáo tiến độ nhiệm vụ");
        }
        LocalDate today = VietnamTime.date(now);
        LocalDate done = null;
        if (progress == TaskProgress.DONE) {
            done = doneOn == null ? today : doneOn;
            if (done.isAfter(today)) {
                throw new RuleViolationException(
                        "done-in-future", "Ngày hoàn thành không được ở tương lai", Map.of("field", "doneOn"));
            }
            if (done.isBefore(VietnamTime.date(assignedAt))) {
                throw new RuleViolationException(
                        "done-before-assigned",
                        "Ngày hoàn thành không được trước ngày giao nhiệm vụ",
                        Map.of("field", "doneOn"));
            }
        } else if (doneOn != null) {
            throw new RuleViolationException(
                    "done-date-not-done", "Chỉ ghi ngày hoàn thành khi báo cáo đã xong", Map.of("field", "doneOn"));
        }
        if (progress == TaskProgress.BLOCKED && (note == null || note.isBlank())) {
            throw new RuleViolationException(
                    "note-required", "Báo cáo vướng mắc cần ghi rõ vướng mắc gì", Map.of("field", "note"));
        }
        List<ProgressReport> next = new ArrayList<>(reports);
        next.add(new ProgressReport(reports.size() + 1, progress, note, done, now));
        MeetingTask reported = with(next, outcomes, overdueOn);
        return Change.of(reported, new TaskEvent.Reported(reported));
    }

    /**
     * The secretary confirms the outcome once (409 after that: correct it instead): on time or late
     * from the reported done date against the due date, overdue when not done and the due date has
     * passed; a task still running and not yet due has no outcome yet (422).
     */
    public Change<MeetingTask, TaskEvent> confirm(boolean beyondAsked, String note, String by, Instant now) {
        return confirm(beyondAsked, note, null, by, now);
    }

    /**
     * As {@link #confirm(boolean, String, String, Instant)}, with the done date as the secretary
     * records it ({@code recordedDoneOn}, e.g. from the paper minutes of a meeting entered
     * afterwards) for a task its owner did not report done: from the day it was assigned to today. A
     * done date the owner reported stands; a different one is refused (422: correct it afterwards,
     * with a reason).
     */
    public Change<MeetingTask, TaskEvent> confirm(
            boolean beyondAsked, String note, LocalDate recordedDoneOn, String by, Instant now) {
        if (!outcomes.isEmpty()) {
            throw new ConflictException(
                    "task-outcome-confirmed",
                    "Kết quả nhiệm vụ đã được xác nhận; muốn thay đổi hãy ghi bản sửa kèm lý do",
                    Map.of("field", "outcome"));
        }
        LocalDate reported = doneOn().orElse(null);
        if (recordedDoneOn == null || recordedDoneOn.equals(reported)) {
            return judged(reported, beyondAsked, note, null, by, now);
        }
        if (reported != null) {
            throw new RuleViolationException(
                    "done-date-reported",
                    "Người được giao đã báo cáo hoàn thành ngày " + reported
                            + "; muốn ghi ngày khác hãy xác nhận rồi sửa kết quả kèm lý do",
                    Map.of("field", "doneOn", "reported", reported.toString()));
        }
        if (recordedDoneOn.isAfter(VietnamTime.date(now)) || recordedDoneOn.isBefore(VietnamTime.date(assignedAt))) {
            throw new RuleViolationException(
                    "done-date-invalid",
                    "Ngày hoàn thành phải từ ngày giao nhiệm vụ (" + VietnamTime.date(assignedAt) + ") đến hôm nay",
                    Map.of("field", "doneOn"));
        }
        return judged(recordedDoneOn, beyondAsked, note, null, by, now);
    }

    /**
     * A correcting record of the confirmed outcome, with its reason; {@code correctedDoneOn} replaces
     * the reported done date the timing is judged on (null: judge on the reports as they are now).
     */
    public Change<MeetingTask, TaskEvent> correct(
            boolean beyondAsked, String note, LocalDate correctedDoneOn, String reason, String by, Instant now) {
        if (outcomes.isEmpty()) {
            throw new RuleViolationException(
                    "task-outcome-not-confirmed",
                    "Kết quả nhiệm vụ chưa được xác nhận; không có gì để sửa",
                    Map.of("field", "outcome"));
        }
        if (reason == null || reason.isBlank()) {
            throw new RuleViolationException(
                    "reason-required", "Sửa kết quả nhiệm vụ cần ghi rõ lý do", Map.of("field", "reason"));
        }
        if (correctedDoneOn != null
                && (correctedDoneOn.isAfter(VietnamTime.date(now))
                        || correctedDoneOn.isBefore(VietnamTime.date(assignedAt)))) {
            throw new RuleViolationException(
                    "done-date-invalid",
                    "Ngày hoàn thành phải từ ngày giao nhiệm vụ đến hôm nay",
                    Map.of("field", "doneOn"));
        }
        LocalDate done = correctedDoneOn != null ? correctedDoneOn : doneOn().orElse(null);
        return judged(done, beyondAsked, note, reason.strip(), by, now);
    }

    private Change<MeetingTask, TaskEvent> judged(
            LocalDate done, boolean beyondAsked, String note, String correctionReason, String by, Instant now) {
        LocalDate today = VietnamTime.date(now);
        TaskTiming timing;
        if (done != null) {
            timing = done.isAfter(dueOn) ? TaskTiming.LATE : TaskTiming.ON_TIME;
        } else if (today.isAfter(dueOn)) {
            timing = TaskTiming.OVERDUE;
        } else {
            throw new RuleViolationException(
                    "task-not-done",
                    "Nhiệm vụ chưa hoàn thành và chưa đến hạn (" + dueOn + "); chưa thể xác nhận kết quả",
                    Map.of("field", "status", "dueOn", dueOn.toString()));
        }
        if (beyondAsked && timing == TaskTiming.OVERDUE) {
            throw new RuleViolationException(
                    "beyond-asked-not-done",
                    "Nhiệm vụ chưa hoàn thành thì không thể ghi vượt yêu cầu",
                    Map.of("field", "beyondAsked"));
        }
        List<TaskOutcome> next = new ArrayList<>(outcomes);
        next.add(new TaskOutcome(outcomes.size() + 1, timing, done, beyondAsked, note, by, now, correctionReason));
        MeetingTask confirmed = with(reports, next, overdueOn);
        TaskEvent event = switch (timing) {
            case ON_TIME -> new TaskEvent.DoneOnTime(confirmed);
            case LATE -> new TaskEvent.DoneLate(confirmed);
            case OVERDUE -> new TaskEvent.Overdue(confirmed, today, true);
        };
        return Change.of(confirmed, event);
    }

    /**
     * The daily watch's check: a task whose due date is over, with no done report and no outcome,
     * and not marked before, is overdue now; marked once, so it is published once.
     */
    public Optional<Change<MeetingTask, TaskEvent>> overdueAsOf(LocalDate today) {
        if (overdueOn != null || !open() || !today.isAfter(dueOn)) {
            return Optional.empty();
        }
        MeetingTask overdue = with(reports, outcomes, today);
        return Optional.of(Change.of(overdue, new TaskEvent.Overdue(overdue, today, false)));
    }

    private MeetingTask with(List<ProgressReport> reports, List<TaskOutcome> outcomes, LocalDate overdueOn) {
        return new MeetingTask(
                id,
                meetingId,
                cellId,
                orgPath,
                ownerId,
                ownerName,
                title,
                description,
                dueOn,
                assignedBy,
                assignedAt,
                reports,
                outcomes,
                overdueOn,
                version + 1);
    }
}

package vn.partycell.notification.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The notices a member's concrete task causes (DOMAIN §7 "a task assigned / due soon / overdue"):
 * who receives them and what they say, in Vietnamese with dates in Asia/Ho_Chi_Minh. One fact per
 * task and kind ({@code task-assigned:<taskId>}, {@code task-due-soon:<taskId>}, {@code
 * task-overdue:<taskId>}), so each person is told each of them once.
 */
public final class TaskNotices {

    private static final String OPEN_QUOTE = "“";
    private static final String CLOSE_QUOTE = "”";

    private TaskNotices() {}

    public static String assignedFact(TaskId taskId) {
        return "task-assigned:" + taskId;
    }

    public static String dueSoonFact(TaskId taskId) {
        return "task-due-soon:" + taskId;
    }

    /** One per task, whether the watch found it or the secretary confirmed it: the owner knows already. */
    public static String overdueFact(TaskId taskId) {
        return "task-overdue:" + taskId;
    }

    /** The owner's notice of the assignment. */
    public static Notice assigned(AssignedTask task, KnownMeeting meeting, Occurrence occurrence) {
        String body = "Tại " + meetingName(meeting) + ", chi bộ giao đồng chí nhiệm vụ: " + quoted(task.title())
                + ".\nHạn hoàn thành: " + VietnameseTime.day(task.dueOn()) + ".\n"
                + "Đề nghị đồng chí thực hiện và báo cáo tiến độ, kết quả với chi ủy đúng hạn.";
        return notice(
                task.ownerId(),
                assignedFact(task.taskId()),
                NoticeKind.TASK_ASSIGNED,
                "Nhiệm vụ được giao: " + task.title(),
                body,
                task,
                occurrence.at(),
                occurrence.eventId());
    }

    /** The owner's reminder that the task falls due soon; {@code at} is when the reminder job ran. */
    public static Notice dueSoon(TaskReminder reminder, Instant at, String runId) {
        AssignedTask task = reminder.task();
        String body = "Nhiệm vụ " + quoted(task.title()) + " được giao tại " + meetingName(reminder.meeting())
                + " sắp đến hạn hoàn thành: " + VietnameseTime.day(task.dueOn()) + ".\n"
                + "Đề nghị đồng chí hoàn thành và báo cáo kết quả với chi ủy trước hạn.";
        return notice(
                task.ownerId(),
                dueSoonFact(task.taskId()),
                NoticeKind.TASK_DUE_SOON,
                "Nhiệm vụ sắp đến hạn: " + task.title(),
                body,
                task,
                at,
                runId);
    }

    /**
     * The overdue notice to the owner and, when known and someone else, to the cell's secretary.
     *
     * @param title the task's title when a notice of its assignment was seen, else null
     * @param ownerName the owner's full name from the roster, else null
     */
    public static List<Notice> overdue(
            OverdueTask task, String title, String ownerName, MemberId secretary, Occurrence occurrence) {
        String what = title == null ? "được giao" : quoted(title);
        String due = VietnameseTime.day(task.dueOn());
        List<Notice> notices = new ArrayList<>();
        notices.add(new Notice(
                null,
                task.ownerId(),
                overdueFact(task.taskId()),
                NoticeKind.TASK_OVERDUE,
                title == null ? "Nhiệm vụ quá hạn" : "Nhiệm vụ quá hạn: " + title,
                "Nhiệm vụ " + what + " của đồng chí đã quá hạn hoàn thành (" + due + ") mà chưa hoàn thành.\n"
                        + "Đề nghị đồng chí khẩn trương thực hiện và báo cáo với chi ủy.",
                occurrence.at(),
                null,
                task.meetingId(),
                task.orgPath(),
                occurrence.eventId()));
        if (secretary != null && !secretary.equals(task.ownerId())) {
            String owner = ownerName == null ? "một đảng viên" : "đồng chí " + ownerName;
            notices.add(new Notice(
                    null,
                    secretary,
                    overdueFact(task.taskId()),
                    NoticeKind.TASK_OVERDUE,
                    "Nhiệm vụ quá hạn của " + (ownerName == null ? "đảng viên" : "đồng chí " + ownerName),
                    "Nhiệm vụ " + what + " giao cho " + owner + " đã quá hạn hoàn thành (" + due
                            + ") mà chưa hoàn thành.\nĐề nghị chi ủy đôn đốc và xác nhận kết quả.",
                    occurrence.at(),
                    null,
                    task.meetingId(),
                    task.orgPath(),
                    occurrence.eventId()));
        }
        return notices;
    }

    /** The meeting the task was assigned at, by title and day when known. */
    static String meetingName(KnownMeeting meeting) {
        if (meeting == null) {
            return "buổi sinh hoạt chi bộ";
        }
        return "buổi sinh hoạt " + quoted(meeting.title()) + " (" + VietnameseTime.day(meeting.startsAt()) + ")";
    }

    private static String quoted(String text) {
        return OPEN_QUOTE + text + CLOSE_QUOTE;
    }

    private static Notice notice(
            MemberId recipient,
            String fact,
            NoticeKind kind,
            String title,
            String body,
            AssignedTask task,
            Instant at,
            String eventId) {
        return new Notice(
                null, recipient, fact, kind, title, body, at, null, task.meetingId(), task.orgPath(), eventId);
    }
}

package vn.partycell.meeting.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.partycell.meeting.application.AssignTask;
import vn.partycell.meeting.application.MeetingTaskService;
import vn.partycell.meeting.application.MeetingTaskService.DueTasks;
import vn.partycell.meeting.application.MeetingTaskService.TaskSheet;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.MeetingTask;
import vn.partycell.meeting.domain.MemberId;
import vn.partycell.meeting.domain.ProgressReport;
import vn.partycell.meeting.domain.TaskId;
import vn.partycell.meeting.domain.TaskOutcome;
import vn.partycell.meeting.domain.TaskProgress;
import vn.partycell.meeting.domain.TaskTiming;
import vn.partycell.meeting.domain.TaskWaiver;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.web.ETags;
import vn.partycell.platform.web.PageRequests;
import vn.partycell.platform.web.PageResponse;
import vn.partycell.platform.web.validation.DateWithin;

/**
 * Tasks over HTTP: assigned at a meeting's conclusion (or the reason why not, per member), the
 * meeting's task sheet, progress reports by their owner, the secretary's confirmed outcome and its
 * corrections, and what is due and overdue in a cell and at a meeting.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Nhiệm vụ được giao", description = "Giao nhiệm vụ khi kết luận, báo cáo tiến độ, xác nhận kết quả")
public class MeetingTaskController {

    private static final Set<String> SORTABLE = Set.of("dueOn");

    private final MeetingTaskService service;

    public MeetingTaskController(MeetingTaskService service) {
        this.service = service;
    }

    public record AssignRequest(
            @NotNull(message = "bắt buộc phải có") UUID ownerId,

            @NotBlank(message = "bắt buộc phải có") @Size(max = 200, message = "tối đa 200 ký tự")
            String title,

            @Size(max = 2000, message = "tối đa 2000 ký tự") String description,

            // Not before the meeting's day (checked by the task), at most two years ahead.
            @NotNull(message = "bắt buộc phải có (yyyy-MM-dd)") @DateWithin(notBefore = "-P1Y", notAfter = "P2Y")
            LocalDate dueOn) {}

    public record WaiverRequest(
            @NotBlank(message = "bắt buộc phải có lý do") @Size(max = 500, message = "tối đa 500 ký tự")
            String reason) {}

    public record ReportRequest(
            @NotNull(message = "bắt buộc phải có (DONE, IN_PROGRESS, BLOCKED)")
            TaskProgress progress,

            @Size(max = 1000, message = "tối đa 1000 ký tự") String note,
            // Only with DONE; today when left out.
            @DateWithin(notBefore = "-P3Y", notAfter = "today")
            LocalDate doneOn) {}

    public record OutcomeRequest(
            @NotNull(message = "bắt buộc phải có (true: vượt yêu cầu)")
            Boolean beyondAsked,

            @Size(max = 1000, message = "tối đa 1000 ký tự") String note,
            // The done date as the secretary records it (paper minutes) when the owner reported none.
            @DateWithin(notBefore = "-P3Y", notAfter = "today")
            LocalDate doneOn) {}

    public record CorrectionRequest(
            @NotNull(message = "bắt buộc phải có (true: vượt yêu cầu)")
            Boolean beyondAsked,

            @Size(max = 1000, message = "tối đa 1000 ký tự") String note,
            // The corrected done date the timing is judged on; left out: the reports as they are.
            @DateWithin(notBefore = "-P3Y", notAfter = "today")
            LocalDate doneOn,

            @NotBlank(message = "bắt buộc phải có lý do sửa") @Size(max = 500, message = "tối đa 500 ký tự")
            String reason) {}

    public record ReportView(int seq, TaskProgress progress, String note, LocalDate doneOn, Instant reportedAt) {

        static ReportView of(ProgressReport r) {
            return new ReportView(r.seq(), r.progress(), r.note(), r.doneOn(), r.reportedAt());
        }
    }

    public record OutcomeView(
            int revision,
            TaskTiming timing,
            LocalDate doneOn,
            boolean beyondAsked,
            String note,
            String confirmedBy,
            Instant confirmedAt,
            String correctionReason) {

        static OutcomeView of(TaskOutcome o) {
            return new OutcomeView(
                    o.revision(),
                    o.timing(),
                    o.doneOn(),
                    o.beyondAsked(),
                    o.note(),
                    o.confirmedBy(),
                    o.confirmedAt(),
                    o.correctionReason());
        }
    }

    public record TaskResponse(
            UUID id,
            UUID meetingId,
            UUID cellId,
            UUID ownerId,
            String ownerName,
            String title,
            String description,
            LocalDate dueOn,
            String assignedBy,
            Instant assignedAt,
            TaskProgress progress,
            List<ReportView> reports,
            TaskTiming outcome,
            List<OutcomeView> outcomes,
            LocalDate overdueOn,
            boolean open,
            long version) {

        static TaskResponse of(MeetingTask t) {
            return new TaskResponse(
                    t.id().value(),
                    t.meetingId().value(),
                    t.cellId().value(),
                    t.ownerId().value(),
                    t.ownerName(),
                    t.title(),
                    t.description(),
                    t.dueOn(),
                    t.assignedBy(),
                    t.assignedAt(),
                    t.progress().map(ProgressReport::progress).orElse(null),
                    t.reports().stream().map(ReportView::of).toList(),
                    t.outcome().map(TaskOutcome::timing).orElse(null),
                    t.outcomes().stream().map(OutcomeView::of).toList(),
                    t.overdueOn(),
                    t.open(),
                    t.version());
        }
    }

    public record WaiverView(UUID memberId, String reason, String recordedBy, Instant recordedAt) {

        static WaiverView of(TaskWaiver w) {
            return new WaiverView(w.memberId().value(), w.reason(), w.recordedBy(), w.recordedAt());
        }
    }

    public record UncoveredView(UUID memberId, String fullName) {}

    /** The conclusion's sheet: tasks, reasons, present members still without either, and the year's rule. */
    public record TaskSheetResponse(
            UUID meetingId,
            List<TaskResponse> tasks,
            List<WaiverView> waivers,
            List<UncoveredView> withoutTask,
            String closeWithoutTask) {

        static TaskSheetResponse of(TaskSheet s) {
            return new TaskSheetResponse(
                    s.meeting().id().value(),
                    s.tasks().stream().map(TaskResponse::of).toList(),
                    s.waivers().stream().map(WaiverView::of).toList(),
                    s.uncovered().stream()
                            .map(u -> new UncoveredView(u.memberId().value(), u.fullName()))
                            .toList(),
                    s.closeWithoutTask().name());
        }
    }

    /** An open task as the due list shows it: DUE, or OVERDUE when its due date is before {@code asOf}. */
    public record DueTaskView(
            UUID id,
            UUID meetingId,
            UUID ownerId,
            String ownerName,
            String title,
            LocalDate dueOn,
            String state,
            TaskProgress progress) {}

    public record DueResponse(LocalDate asOf, LocalDate until, PageResponse<DueTaskView> tasks) {

        static DueResponse of(DueTasks due) {
            return new DueResponse(
                    due.asOf(),
                    due.until(),
                    PageResponse.of(
                            due.page(),
                            t -> new DueTaskView(
                                    t.id().value(),
                                    t.meetingId().value(),
                                    t.ownerId().value(),
                                    t.ownerName(),
                                    t.title(),
                                    t.dueOn(),
                                    t.dueOn().isBefore(due.asOf()) ? "OVERDUE" : "DUE",
                                    t.progress().map(ProgressReport::progress).orElse(null))));
        }
    }

    @PostMapping("/meetings/{id}/tasks")
    @Operation(
            summary = "Giao nhiệm vụ khi kết luận buổi sinh hoạt",
            description = "Cần quyền committee trở lên; buổi sinh hoạt đang diễn ra; người được giao là đảng viên"
                    + " của chi bộ có mặt tại buổi sinh hoạt; hạn không trước ngày họp")
    public ResponseEntity<TaskResponse> assign(
            Caller caller, @PathVariable UUID id, @Valid @RequestBody AssignRequest r) {
        MeetingTask task = service.assign(
                caller,
                new MeetingId(id),
                new AssignTask(new MemberId(r.ownerId()), r.title(), r.description(), r.dueOn()));
        return ResponseEntity.created(URI.create("/api/v1/tasks/" + task.id()))
                .eTag(ETags.of(task.version()))
                .body(TaskResponse.of(task));
    }

    @GetMapping("/meetings/{id}/tasks")
    @Operation(
            summary = "Nhiệm vụ được giao tại buổi sinh hoạt",
            description = "Nhiệm vụ, lý do không giao, và những đảng viên có mặt chưa được giao; cần quyền committee")
    public TaskSheetResponse sheet(Caller caller, @PathVariable UUID id) {
        return TaskSheetResponse.of(service.sheet(caller, new MeetingId(id)));
    }

    @PutMapping("/meetings/{id}/task-waivers/{memberId}")
    @Operation(
            summary = "Ghi lý do không giao nhiệm vụ cho một đảng viên có mặt",
            description = "Cần quyền secretary; ghi lại thì thay lý do cũ")
    public WaiverView waive(
            Caller caller, @PathVariable UUID id, @PathVariable UUID memberId, @Valid @RequestBody WaiverRequest r) {
        return WaiverView.of(service.waive(caller, new MeetingId(id), new MemberId(memberId), r.reason()));
    }

    @GetMapping("/meetings/{id}/tasks/due")
    @Operation(
            summary = "Nhiệm vụ đến hạn và quá hạn buổi sinh hoạt cần xem lại",
            description = "Nhiệm vụ chưa xong của chi bộ (giao ở các buổi trước): quá hạn trước ngày họp, đến hạn"
                    + " trong một tháng sau đó; cần quyền committee")
    public DueResponse dueAtMeeting(
            Caller caller,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @RequestParam(required = false) String sort) {
        return DueResponse.of(service.dueAtMeeting(caller, new MeetingId(id), pageOf(page, size, sort)));
    }

    @GetMapping("/cells/{cellId}/tasks/due")
    @Operation(
            summary = "Nhiệm vụ đến hạn và quá hạn của chi bộ",
            description = "Nhiệm vụ chưa xong, hạn đến ngày until (mặc định một tháng tới), quá hạn trước; cần"
                    + " quyền committee")
    public DueResponse dueInCell(
            Caller caller,
            @PathVariable UUID cellId,
            @RequestParam(required = false) @DateWithin(notBefore = "-P5Y", notAfter = "P5Y") LocalDate until,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @RequestParam(required = false) String sort) {
        return DueResponse.of(service.dueInCell(caller, new CellId(cellId), until, pageOf(page, size, sort)));
    }

    @GetMapping("/tasks/{taskId}")
    @Operation(summary = "Xem nhiệm vụ", description = "Người được giao, hoặc chi ủy của chi bộ")
    public ResponseEntity<TaskResponse> get(Caller caller, @PathVariable UUID taskId) {
        return answer(service.get(caller, new TaskId(taskId)));
    }

    @PostMapping("/tasks/{taskId}/reports")
    @Operation(
            summary = "Báo cáo tiến độ nhiệm vụ",
            description = "Chỉ người được giao; DONE kèm ngày hoàn thành (mặc định hôm nay), BLOCKED kèm ghi chú;"
                    + " các báo cáo được giữ lại làm lịch sử")
    public ResponseEntity<TaskResponse> report(
            Caller caller,
            @PathVariable UUID taskId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ReportRequest r) {
        MeetingTask task =
                service.report(caller, new TaskId(taskId), ETags.ifMatch(ifMatch), r.progress(), r.note(), r.doneOn());
        return ResponseEntity.created(URI.create("/api/v1/tasks/" + task.id()))
                .eTag(ETags.of(task.version()))
                .body(TaskResponse.of(task));
    }

    @PostMapping("/tasks/{taskId}/outcome")
    @Operation(
            summary = "Bí thư xác nhận kết quả nhiệm vụ",
            description =
                    "Đúng hạn hoặc trễ hạn theo ngày hoàn thành đã báo cáo, quá hạn nếu chưa xong mà đã qua"
                            + " hạn; kèm vượt yêu cầu hay không; mỗi nhiệm vụ một lần, sau đó chỉ sửa bằng bản sửa."
                            + " doneOn: ngày hoàn thành do bí thư ghi (ví dụ từ biên bản giấy) khi người được giao chưa báo cáo")
    public ResponseEntity<TaskResponse> confirm(
            Caller caller,
            @PathVariable UUID taskId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody OutcomeRequest r) {
        return answer(service.confirm(
                caller, new TaskId(taskId), ETags.ifMatch(ifMatch), r.beyondAsked(), r.note(), r.doneOn()));
    }

    @PostMapping("/tasks/{taskId}/outcome/corrections")
    @Operation(
            summary = "Sửa kết quả nhiệm vụ bằng một bản ghi sửa",
            description = "Kèm lý do; có thể sửa ngày hoàn thành; bản cũ được giữ lại; cần quyền secretary")
    public ResponseEntity<TaskResponse> correct(
            Caller caller,
            @PathVariable UUID taskId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody CorrectionRequest r) {
        return answer(service.correct(
                caller, new TaskId(taskId), ETags.ifMatch(ifMatch), r.beyondAsked(), r.note(), r.doneOn(), r.reason()));
    }

    private static PageQuery pageOf(int page, int size, String sort) {
        return PageRequests.query(page, size, sort, SORTABLE, PageQuery.Order.asc("dueOn"));
    }

    private static ResponseEntity<TaskResponse> answer(MeetingTask task) {
        return ResponseEntity.ok().eTag(ETags.of(task.version())).body(TaskResponse.of(task));
    }
}

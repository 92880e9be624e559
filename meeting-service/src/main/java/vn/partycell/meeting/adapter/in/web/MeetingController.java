package vn.partycell.meeting.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
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
import vn.partycell.meeting.application.MeetingQueries;
import vn.partycell.meeting.application.MeetingService;
import vn.partycell.meeting.application.ProceedingsService;
import vn.partycell.meeting.application.RecordHeldMeeting;
import vn.partycell.meeting.application.ScheduleMeeting;
import vn.partycell.meeting.domain.Attendance;
import vn.partycell.meeting.domain.AttendanceStatus;
import vn.partycell.meeting.domain.CancelledMeeting;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.ClosedMeeting;
import vn.partycell.meeting.domain.InProgressMeeting;
import vn.partycell.meeting.domain.Meeting;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.MeetingKind;
import vn.partycell.meeting.domain.MeetingStatus;
import vn.partycell.meeting.domain.MemberId;
import vn.partycell.meeting.domain.Quorum;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.web.ETags;
import vn.partycell.platform.web.PageRequests;
import vn.partycell.platform.web.PageResponse;
import vn.partycell.platform.web.validation.DateWithin;

/** Meetings over HTTP: schedule, read, list, take attendance and speakers, close. */
@RestController
@RequestMapping("/api/v1/meetings")
@Tag(name = "Sinh hoạt chi bộ", description = "Lên lịch, điểm danh, ghi người phát biểu, kết thúc buổi sinh hoạt")
public class MeetingController {

    private static final Set<String> SORTABLE = Set.of("startsAt", "title", "status");

    private final MeetingService service;
    private final MeetingQueries queries;
    private final ProceedingsService proceedings;

    public MeetingController(MeetingService service, MeetingQueries queries, ProceedingsService proceedings) {
        this.service = service;
        this.queries = queries;
        this.proceedings = proceedings;
    }

    @AgendaGiven
    public record ScheduleRequest(
            @NotNull(message = "bắt buộc phải có") UUID cellId,
            @NotNull(message = "bắt buộc phải có") MeetingKind kind,

            @NotBlank(message = "bắt buộc phải có") @Size(max = 200, message = "tối đa 200 ký tự")
            String title,

            // Not in the past (rule 3.10), at most five years ahead (a sane window against typing errors).
            @NotNull(message = "bắt buộc phải có (ISO-8601, UTC)")
            @DateWithin(
                    notBefore = "${partycell.meetings.starts-at.not-before:now}",
                    notAfter = "${partycell.meetings.starts-at.not-after:P5Y}")
            Instant startsAt,

            @NotBlank(message = "bắt buộc phải có") @Size(max = 300, message = "tối đa 300 ký tự")
            String place,

            // The agenda as titles (the former shape), or agendaItems below: one of the two (@AgendaGiven).
            @Size(max = 50, message = "tối đa 50 nội dung")
            List<@NotBlank(message = "không được để trống") @Size(max = 500, message = "tối đa 500 ký tự") String>
                    agenda,

            // The theme of a thematic meeting (required for THEMATIC, checked by the meeting).
            @Size(max = 300, message = "tối đa 300 ký tự") String topic,

            // Only prepare the meeting: nobody is told until POST /{id}/schedule.
            Boolean draft,

            // The agenda with presenters (members on the cell's roster) and planned minutes.
            @Size(max = 50, message = "tối đa 50 nội dung") List<@Valid @NotNull AgendaItemRequest> agendaItems,

            // The draft resolution prepared in advance (dự thảo nghị quyết).
            @Size(max = 20000, message = "tối đa 20000 ký tự")
            String draftResolution)
            implements AgendaGiven.Shape {}

    /** A meeting already held, as its paper minutes have it: {@link ScheduleRequest} without draft, a start that is over. */
    @AgendaGiven
    public record HeldRequest(
            @NotNull(message = "bắt buộc phải có") UUID cellId,
            @NotNull(message = "bắt buộc phải có") MeetingKind kind,

            @NotBlank(message = "bắt buộc phải có") @Size(max = 200, message = "tối đa 200 ký tự")
            String title,

            // Over, and at most the configured window back (a history is loaded for the rating years in play).
            @NotNull(message = "bắt buộc phải có (ISO-8601, UTC)")
            @DateWithin(notBefore = "${partycell.meetings.held.not-before:-P13M}", notAfter = "now")
            Instant startsAt,

            @NotBlank(message = "bắt buộc phải có") @Size(max = 300, message = "tối đa 300 ký tự")
            String place,

            @Size(max = 50, message = "tối đa 50 nội dung")
            List<@NotBlank(message = "không được để trống") @Size(max = 500, message = "tối đa 500 ký tự") String>
                    agenda,

            @Size(max = 300, message = "tối đa 300 ký tự") String topic,

            @Size(max = 50, message = "tối đa 50 nội dung") List<@Valid @NotNull AgendaItemRequest> agendaItems,

            @Size(max = 20000, message = "tối đa 20000 ký tự")
            String draftResolution)
            implements AgendaGiven.Shape {}

    /** Who entered a meeting after it was held, and when (ghi nhận sau). */
    public record RecordedView(String by, Instant at) {}

    public record AttendanceLine(
            @NotNull(message = "bắt buộc phải có") UUID memberId,
            @NotNull(message = "bắt buộc phải có") AttendanceStatus status,
            @Size(max = 500, message = "tối đa 500 ký tự") String reason,
            Boolean spoke) {}

    public record AttendanceRequest(
            @NotEmpty(message = "cần ít nhất một dòng điểm danh") @Size(max = 500, message = "tối đa 500 dòng mỗi lần")
            List<@Valid @NotNull AttendanceLine> entries) {}

    /** One attendance line as the API shows it. */
    public record AttendanceEntry(UUID memberId, AttendanceStatus status, String reason, boolean spoke) {

        static AttendanceEntry of(Attendance a) {
            return new AttendanceEntry(a.memberId().value(), a.status(), a.reason(), a.spoke());
        }
    }

    public record MeetingResponse(
            UUID id,
            UUID cellId,
            String orgPath,
            MeetingKind kind,
            String title,
            Instant startsAt,
            String place,
            List<String> agenda,
            MeetingStatus status,
            List<AttendanceEntry> attendance,
            Quorum quorum,
            Instant closedAt,
            long version,
            String topic,
            Instant startedAt,
            String cancelReason,
            Instant cancelledAt,
            List<AgendaItemRequest> agendaItems,
            String draftResolution,

            @Schema(
                    description = "Người phát biểu so với chỉ tiêu của năm (quy định 3.16), như khi xem diễn biến;"
                            + " chỉ có khi xem một buổi sinh hoạt (GET /api/v1/meetings/{id})",
                    nullable = true)
            ProceedingsController.SpeakersView speakers,

            @Schema(
                    description = "Buổi sinh hoạt được ghi nhận sau từ biên bản giấy: ai ghi, lúc nào;"
                            + " không có với buổi sinh hoạt tổ chức trên hệ thống",
                    nullable = true)
            RecordedView recordedAfterwards) {

        static MeetingResponse of(Meeting m) {
            return of(m, null);
        }

        static MeetingResponse of(Meeting m, ProceedingsController.SpeakersView speakers) {
            ClosedMeeting closed = m instanceof ClosedMeeting c ? c : null;
            InProgressMeeting held = m instanceof InProgressMeeting h ? h : null;
            CancelledMeeting cancelled = m instanceof CancelledMeeting c ? c : null;
            return new MeetingResponse(
                    m.id().value(),
                    m.cellId().value(),
                    m.orgPath().value(),
                    m.kind(),
                    m.title(),
                    m.startsAt(),
                    m.place(),
                    m.agenda(),
                    m.status(),
                    m.attendanceList().stream().map(AttendanceEntry::of).toList(),
                    closed == null ? null : closed.quorum(),
                    closed == null ? null : closed.closedAt(),
                    m.version(),
                    m.topic(),
                    held == null ? null : held.startedAt(),
                    cancelled == null ? null : cancelled.reason(),
                    cancelled == null ? null : cancelled.cancelledAt(),
                    AgendaItemRequest.of(m.plan()),
                    m.plan().draftResolution(),
                    speakers,
                    m.recorded() == null
                            ? null
                            : new RecordedView(m.recorded().by(), m.recorded().at()));
        }
    }

    @PostMapping
    @Operation(
            summary = "Lên lịch buổi sinh hoạt",
            description = "Cần quyền committee trở lên trên chi bộ; gửi thông báo tới mọi đảng viên."
                    + " Không nhận thời gian trong quá khứ; sinh hoạt chuyên đề cần chuyên đề (topic);"
                    + " draft=true chỉ lưu dự thảo, chưa thông báo")
    public ResponseEntity<MeetingResponse> schedule(Caller caller, @Valid @RequestBody ScheduleRequest r) {
        Meeting meeting = service.schedule(
                caller,
                new ScheduleMeeting(
                        new CellId(r.cellId()),
                        r.kind(),
                        r.title(),
                        r.topic(),
                        r.startsAt(),
                        r.place(),
                        r.agenda(),
                        Boolean.TRUE.equals(r.draft()),
                        AgendaItemRequest.toDomain(r.agendaItems()),
                        r.draftResolution()));
        return created(meeting);
    }

    @PostMapping("/held")
    @Operation(
            summary = "Ghi nhận buổi sinh hoạt đã diễn ra (từ biên bản giấy)",
            description = "Cần quyền admin trên chi bộ (nhập lịch sử sinh hoạt khi đưa chi bộ lên hệ thống);"
                    + " thời gian bắt đầu đã qua, trong khoảng partycell.meetings.held.not-before (mặc định 13 tháng)."
                    + " Buổi sinh hoạt ở trạng thái đang diễn ra, bắt đầu đúng giờ ghi; điểm danh, diễn biến,"
                    + " nhiệm vụ và kết thúc như mọi buổi. Không gửi thông báo")
    public ResponseEntity<MeetingResponse> recordHeld(Caller caller, @Valid @RequestBody HeldRequest r) {
        Meeting meeting = service.recordHeld(
                caller,
                new RecordHeldMeeting(
                        new CellId(r.cellId()),
                        r.kind(),
                        r.title(),
                        r.topic(),
                        r.startsAt(),
                        r.place(),
                        r.agenda(),
                        AgendaItemRequest.toDomain(r.agendaItems()),
                        r.draftResolution()));
        return created(meeting);
    }

    private static ResponseEntity<MeetingResponse> created(Meeting meeting) {
        return ResponseEntity.created(URI.create("/api/v1/meetings/" + meeting.id()))
                .eTag(ETags.of(meeting.version()))
                .body(MeetingResponse.of(meeting));
    }

    @GetMapping("/{id}")
    @Operation(
            summary = "Xem buổi sinh hoạt",
            description = "Kèm số người phát biểu so với chỉ tiêu của năm (speakers: count, target, met)")
    public ResponseEntity<MeetingResponse> get(Caller caller, @PathVariable UUID id) {
        Meeting meeting = queries.get(caller, new MeetingId(id));
        ProceedingsService.ProceedingsView spoken = proceedings.speakersOf(meeting);
        return ResponseEntity.ok()
                .eTag(ETags.of(meeting.version()))
                .body(MeetingResponse.of(
                        meeting,
                        new ProceedingsController.SpeakersView(
                                spoken.speakers(), spoken.speakersTarget(), spoken.speakersTargetMet())));
    }

    @GetMapping
    @Operation(summary = "Danh sách buổi sinh hoạt trong phạm vi được giao")
    public PageResponse<MeetingResponse> list(
            Caller caller,
            @RequestParam(required = false) UUID cellId,
            @RequestParam(required = false) MeetingStatus status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @RequestParam(required = false) String sort) {
        return PageResponse.of(
                queries.search(
                        caller,
                        cellId == null ? null : new CellId(cellId),
                        status,
                        PageRequests.query(page, size, sort, SORTABLE, PageQuery.Order.desc("startsAt"))),
                MeetingResponse::of);
    }

    @PutMapping("/{id}/attendance")
    @Operation(
            summary = "Điểm danh và ghi người phát biểu",
            description = "Ghi (hoặc sửa) từng dòng; vắng có lý do cần lý do; chỉ người có mặt mới phát biểu")
    public ResponseEntity<MeetingResponse> attendance(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody AttendanceRequest r) {
        List<Attendance> entries = r.entries().stream()
                .map(e -> new Attendance(
                        new MemberId(e.memberId()), e.status(), e.reason(), Boolean.TRUE.equals(e.spoke())))
                .toList();
        Meeting meeting = service.recordAttendance(caller, new MeetingId(id), ETags.ifMatch(ifMatch), entries);
        return ResponseEntity.ok().eTag(ETags.of(meeting.version())).body(MeetingResponse.of(meeting));
    }

    @PostMapping("/{id}/close")
    @Operation(
            summary = "Kết thúc buổi sinh hoạt",
            description = "Kiểm tra số lượng theo quy định của năm; biên bản trở thành bản cuối và phát sự kiện")
    public ResponseEntity<MeetingResponse> close(
            Caller caller, @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Meeting meeting = service.close(caller, new MeetingId(id), ETags.ifMatch(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(meeting.version())).body(MeetingResponse.of(meeting));
    }
}

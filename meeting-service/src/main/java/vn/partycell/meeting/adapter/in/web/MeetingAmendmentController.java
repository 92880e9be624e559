package vn.partycell.meeting.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.partycell.meeting.adapter.in.web.MeetingController.AttendanceEntry;
import vn.partycell.meeting.adapter.in.web.MeetingController.AttendanceLine;
import vn.partycell.meeting.application.MeetingAmendments;
import vn.partycell.meeting.domain.Amendment;
import vn.partycell.meeting.domain.Attendance;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.MemberId;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.web.ETags;

/**
 * Corrections of closed minutes (đính chính biên bản): committee or above proposes with a reason; a
 * second person with the secretary's role or above over the cell approves or rejects; anyone who
 * reads the meeting lists them.
 */
@RestController
@RequestMapping("/api/v1/meetings/{id}/amendments")
@Tag(name = "Sinh hoạt chi bộ")
public class MeetingAmendmentController {

    private final MeetingAmendments amendments;

    public MeetingAmendmentController(MeetingAmendments amendments) {
        this.amendments = amendments;
    }

    public record ProposeRequest(
            @NotEmpty(message = "cần ít nhất một dòng đính chính") @Size(max = 500, message = "tối đa 500 dòng")
            List<@Valid @NotNull AttendanceLine> corrections,

            @NotBlank(message = "cần ghi rõ lý do") @Size(max = 1000, message = "tối đa 1000 ký tự")
            String reason) {}

    public record DecisionRequest(
            @NotNull(message = "bắt buộc phải có") Boolean approve,
            @Size(max = 500, message = "tối đa 500 ký tự") String note) {}

    public record CorrectionView(AttendanceEntry before, AttendanceEntry after) {}

    public record AmendmentResponse(
            UUID id,
            UUID meetingId,
            List<CorrectionView> corrections,
            String reason,
            String proposedBy,
            Instant proposedAt,
            Amendment.Status status,
            String decidedBy,
            Instant decidedAt,
            String decisionNote,
            long version) {

        static AmendmentResponse of(Amendment a) {
            return new AmendmentResponse(
                    a.id(),
                    a.meetingId().value(),
                    a.corrections().stream()
                            .map(c -> new CorrectionView(
                                    c.before() == null ? null : AttendanceEntry.of(c.before()),
                                    AttendanceEntry.of(c.after())))
                            .toList(),
                    a.reason(),
                    a.proposedBy(),
                    a.proposedAt(),
                    a.status(),
                    a.decidedBy(),
                    a.decidedAt(),
                    a.decisionNote(),
                    a.version());
        }
    }

    @PostMapping
    @Operation(
            summary = "Đề nghị đính chính biên bản",
            description = "Chỉ cho buổi sinh hoạt đã kết thúc; biên bản không bị sửa, đính chính được lưu riêng")
    public ResponseEntity<AmendmentResponse> propose(
            Caller caller, @PathVariable UUID id, @Valid @RequestBody ProposeRequest r) {
        List<Attendance> lines = r.corrections().stream()
                .map(e -> new Attendance(
                        new MemberId(e.memberId()), e.status(), e.reason(), Boolean.TRUE.equals(e.spoke())))
                .toList();
        Amendment amendment = amendments.propose(caller, new MeetingId(id), lines, r.reason());
        return ResponseEntity.created(URI.create("/api/v1/meetings/" + id + "/amendments/" + amendment.id()))
                .eTag(ETags.of(amendment.version()))
                .body(AmendmentResponse.of(amendment));
    }

    @PostMapping("/{amendmentId}/decision")
    @Operation(
            summary = "Phê duyệt hoặc bác đính chính",
            description = "Một đồng chí khác người đề nghị, từ bí thư trở lên (hoặc cấp trên); phê duyệt thì phát sự"
                    + " kiện để chấm điểm theo số liệu đã đính chính")
    public ResponseEntity<AmendmentResponse> decide(
            Caller caller,
            @PathVariable UUID id,
            @PathVariable UUID amendmentId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody DecisionRequest r) {
        Amendment amendment = amendments.decide(
                caller, new MeetingId(id), amendmentId, ETags.ifMatch(ifMatch), r.approve(), r.note());
        return ResponseEntity.ok().eTag(ETags.of(amendment.version())).body(AmendmentResponse.of(amendment));
    }

    @GetMapping
    @Operation(summary = "Danh sách đính chính của buổi sinh hoạt")
    public List<AmendmentResponse> list(Caller caller, @PathVariable UUID id) {
        return amendments.list(caller, new MeetingId(id)).stream()
                .map(AmendmentResponse::of)
                .toList();
    }
}

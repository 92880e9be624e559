package vn.partycell.meeting.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
import vn.partycell.meeting.application.MeetingGradeService;
import vn.partycell.meeting.application.MeetingGradeService.Grading;
import vn.partycell.meeting.domain.GradeLevel;
import vn.partycell.meeting.domain.GradeRecord;
import vn.partycell.meeting.domain.MeetingGrade;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.web.ETags;

/** The superior's grade of a meeting over HTTP: the year's scale, the grade, its corrections. */
@RestController
@RequestMapping("/api/v1/meetings/{id}/grade")
@Tag(name = "Đánh giá của cấp trên", description = "Cấp ủy cấp trên dự và đánh giá chất lượng buổi sinh hoạt")
public class MeetingGradeController {

    private final MeetingGradeService service;

    public MeetingGradeController(MeetingGradeService service) {
        this.service = service;
    }

    public record GradeRequest(
            @NotBlank(message = "bắt buộc phải có") @Size(max = 32, message = "tối đa 32 ký tự")
            String grade,

            @Size(max = 2000, message = "tối đa 2000 ký tự") String comment,

            @NotNull(message = "bắt buộc phải có (true: đại diện cấp trên có dự)")
            Boolean attended) {}

    public record CorrectionRequest(
            @NotBlank(message = "bắt buộc phải có") @Size(max = 32, message = "tối đa 32 ký tự")
            String grade,

            @Size(max = 2000, message = "tối đa 2000 ký tự") String comment,

            @NotNull(message = "bắt buộc phải có (true: đại diện cấp trên có dự)")
            Boolean attended,

            @NotBlank(message = "bắt buộc phải có lý do sửa") @Size(max = 500, message = "tối đa 500 ký tự")
            String reason) {}

    public record RecordView(
            int revision,
            String grade,
            String label,
            String comment,
            boolean attended,
            String gradedBy,
            Instant gradedAt,
            String correctionReason) {

        static RecordView of(GradeRecord r) {
            return new RecordView(
                    r.revision(),
                    r.grade().code(),
                    r.grade().label(),
                    r.comment(),
                    r.attended(),
                    r.gradedBy(),
                    r.gradedAt(),
                    r.correctionReason());
        }
    }

    public record GradeResponse(
            UUID meetingId, String month, String grade, String label, List<RecordView> records, long version) {

        static GradeResponse of(MeetingGrade g) {
            return new GradeResponse(
                    g.meetingId().value(),
                    g.month().toString(),
                    g.current().grade().code(),
                    g.current().grade().label(),
                    g.records().stream().map(RecordView::of).toList(),
                    g.version());
        }
    }

    public record ScaleResponse(List<GradeLevel> levels) {}

    @GetMapping
    @Operation(summary = "Xem kết quả đánh giá của cấp trên", description = "Mức đang có hiệu lực và mọi lần sửa")
    public ResponseEntity<GradeResponse> get(Caller caller, @PathVariable UUID id) {
        return answer(service.get(caller, new MeetingId(id)));
    }

    @GetMapping("/scale")
    @Operation(summary = "Thang đánh giá chất lượng sinh hoạt của năm buổi sinh hoạt diễn ra")
    public ScaleResponse scale(Caller caller, @PathVariable UUID id) {
        return new ScaleResponse(service.scale(caller, new MeetingId(id)).levels());
    }

    @PostMapping
    @Operation(
            summary = "Cấp trên đánh giá buổi sinh hoạt",
            description = "Cần quyền superior trên chi bộ; chỉ buổi đang diễn ra hoặc đã kết thúc; mỗi buổi một lần")
    public ResponseEntity<GradeResponse> grade(
            Caller caller, @PathVariable UUID id, @Valid @RequestBody GradeRequest r) {
        MeetingGrade grade =
                service.grade(caller, new MeetingId(id), new Grading(r.grade(), r.comment(), r.attended()));
        return ResponseEntity.created(URI.create("/api/v1/meetings/" + id + "/grade"))
                .eTag(ETags.of(grade.version()))
                .body(GradeResponse.of(grade));
    }

    @PostMapping("/corrections")
    @Operation(
            summary = "Sửa kết quả đánh giá bằng một bản ghi sửa",
            description = "Kèm lý do; bản cũ được giữ lại; cần quyền superior")
    public ResponseEntity<GradeResponse> correct(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody CorrectionRequest r) {
        return answer(service.correct(
                caller,
                new MeetingId(id),
                ETags.ifMatch(ifMatch),
                new Grading(r.grade(), r.comment(), r.attended()),
                r.reason()));
    }

    private static ResponseEntity<GradeResponse> answer(MeetingGrade grade) {
        return ResponseEntity.ok().eTag(ETags.of(grade.version())).body(GradeResponse.of(grade));
    }
}

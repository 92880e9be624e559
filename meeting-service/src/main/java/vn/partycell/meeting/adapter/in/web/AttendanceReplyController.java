package vn.partycell.meeting.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.partycell.meeting.application.AttendanceReplies;
import vn.partycell.meeting.domain.AttendanceReply;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.MemberId;
import vn.partycell.platform.security.Caller;

/**
 * Answers to a meeting's notice: the member confirms or asks to be excused (for themself, from the
 * token's member id); the secretary accepts or refuses an excuse; the committee lists the answers.
 */
@RestController
@RequestMapping("/api/v1/meetings/{id}/replies")
@Tag(name = "Sinh hoạt chi bộ")
public class AttendanceReplyController {

    private final AttendanceReplies replies;

    public AttendanceReplyController(AttendanceReplies replies) {
        this.replies = replies;
    }

    public enum ReplyAnswer {
        ATTENDING,
        EXCUSE
    }

    public record ReplyRequest(
            @NotNull(message = "bắt buộc phải có (ATTENDING hoặc EXCUSE)")
            ReplyAnswer answer,

            @Size(max = 500, message = "tối đa 500 ký tự") String reason) {}

    public record DecisionRequest(
            @NotNull(message = "bắt buộc phải có") Boolean accepted,
            @Size(max = 500, message = "tối đa 500 ký tự") String note) {}

    public record ReplyResponse(
            UUID meetingId,
            UUID memberId,
            AttendanceReply.Answer answer,
            String reason,
            Instant repliedAt,
            Instant decidedAt,
            String decisionNote,
            long version) {

        static ReplyResponse of(AttendanceReply r) {
            return new ReplyResponse(
                    r.meetingId().value(),
                    r.memberId().value(),
                    r.answer(),
                    r.reason(),
                    r.repliedAt(),
                    r.decidedAt(),
                    r.decisionNote(),
                    r.version());
        }
    }

    @PutMapping("/me")
    @Operation(
            summary = "Xác nhận tham dự hoặc xin vắng",
            description = "Đảng viên trả lời cho chính mình trước khi buổi sinh hoạt bắt đầu; xin vắng cần lý do")
    public ReplyResponse reply(Caller caller, @PathVariable UUID id, @Valid @RequestBody ReplyRequest r) {
        return ReplyResponse.of(
                replies.reply(caller, new MeetingId(id), r.answer() == ReplyAnswer.ATTENDING, r.reason()));
    }

    @PostMapping("/{memberId}/decision")
    @Operation(
            summary = "Chấp thuận hoặc không chấp thuận đơn xin vắng",
            description = "Bí thư trở lên; đảng viên được thông báo; chấp thuận thì ghi sẵn vắng có lý do")
    public ReplyResponse decide(
            Caller caller, @PathVariable UUID id, @PathVariable UUID memberId, @Valid @RequestBody DecisionRequest r) {
        return ReplyResponse.of(
                replies.decide(caller, new MeetingId(id), new MemberId(memberId), r.accepted(), r.note()));
    }

    @GetMapping
    @Operation(summary = "Danh sách trả lời thông báo họp", description = "Chi ủy trở lên")
    public List<ReplyResponse> list(Caller caller, @PathVariable UUID id) {
        return replies.list(caller, new MeetingId(id)).stream()
                .map(ReplyResponse::of)
                .toList();
    }
}

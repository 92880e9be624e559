package vn.partycell.meeting.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.partycell.meeting.adapter.in.web.MeetingController.MeetingResponse;
import vn.partycell.meeting.application.ChangeMeeting;
import vn.partycell.meeting.application.MeetingService;
import vn.partycell.meeting.domain.Meeting;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.web.ETags;
import vn.partycell.platform.web.validation.DateWithin;

/**
 * A meeting's life cycle over HTTP: schedule a draft, change time, place or agenda (announced
 * again), cancel with a reason, start it. Committee or above on the cell; {@code If-Match} takes the
 * version read (409 when it moved on).
 */
@RestController
@RequestMapping("/api/v1/meetings/{id}")
@Tag(name = "Sinh hoạt chi bộ")
public class MeetingLifecycleController {

    private final MeetingService service;

    public MeetingLifecycleController(MeetingService service) {
        this.service = service;
    }

    /** A null field keeps its value. */
    public record ChangeRequest(
            @Size(min = 1, max = 200, message = "từ 1 đến 200 ký tự")
            String title,

            @Size(max = 300, message = "tối đa 300 ký tự") String topic,

            @DateWithin(
                    notBefore = "${partycell.meetings.starts-at.not-before:now}",
                    notAfter = "${partycell.meetings.starts-at.not-after:P5Y}")
            Instant startsAt,

            @Size(min = 1, max = 300, message = "từ 1 đến 300 ký tự")
            String place,

            @Size(min = 1, max = 50, message = "từ 1 đến 50 nội dung")
            List<@NotBlank(message = "không được để trống") @Size(max = 500, message = "tối đa 500 ký tự") String>
                    agenda,

            // Replaces the agenda with presenters and planned minutes (wins over agenda when both are sent).
            @Size(min = 1, max = 50, message = "từ 1 đến 50 nội dung")
            List<@jakarta.validation.Valid @NotNull AgendaItemRequest> agendaItems,

            // The draft resolution prepared in advance (dự thảo nghị quyết).
            @Size(min = 1, max = 20000, message = "từ 1 đến 20000 ký tự")
            String draftResolution) {}

    public record CancelRequest(
            @NotNull(message = "bắt buộc phải có")
            @NotBlank(message = "cần ghi rõ lý do")
            @Size(max = 500, message = "tối đa 500 ký tự")
            String reason) {}

    @PostMapping("/schedule")
    @Operation(summary = "Thông báo buổi sinh hoạt đã dự thảo", description = "Gửi thông báo tới mọi đảng viên")
    public ResponseEntity<MeetingResponse> schedule(
            Caller caller, @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return answer(service.scheduleDraft(caller, new MeetingId(id), ETags.ifMatch(ifMatch)));
    }

    @PostMapping("/reschedule")
    @Operation(
            summary = "Thay đổi thời gian, địa điểm hoặc nội dung",
            description = "Trường để trống giữ nguyên. Sau khi đã thông báo: đảng viên được thông báo lại, thông báo"
                    + " mới thay thế thông báo cũ; bản dự thảo thì chỉ sửa")
    public ResponseEntity<MeetingResponse> change(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ChangeRequest r) {
        return answer(service.change(
                caller,
                new MeetingId(id),
                ETags.ifMatch(ifMatch),
                new ChangeMeeting(
                        r.title(),
                        r.topic(),
                        r.startsAt(),
                        r.place(),
                        r.agenda(),
                        AgendaItemRequest.toDomain(r.agendaItems()),
                        r.draftResolution())));
    }

    @PostMapping("/cancel")
    @Operation(summary = "Hủy buổi sinh hoạt", description = "Cần lý do; đảng viên được thông báo")
    public ResponseEntity<MeetingResponse> cancel(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody CancelRequest r) {
        return answer(service.cancel(caller, new MeetingId(id), ETags.ifMatch(ifMatch), r.reason()));
    }

    @PostMapping("/start")
    @Operation(
            summary = "Bắt đầu buổi sinh hoạt",
            description = "Không sớm hơn giờ bắt đầu trừ khoảng cho phép của năm; đơn xin vắng đã chấp thuận"
                    + " được ghi sẵn là vắng có lý do")
    public ResponseEntity<MeetingResponse> start(
            Caller caller, @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return answer(service.start(caller, new MeetingId(id), ETags.ifMatch(ifMatch)));
    }

    private static ResponseEntity<MeetingResponse> answer(Meeting meeting) {
        return ResponseEntity.ok().eTag(ETags.of(meeting.version())).body(MeetingResponse.of(meeting));
    }
}

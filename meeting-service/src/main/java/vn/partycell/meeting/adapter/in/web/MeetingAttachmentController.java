package vn.partycell.meeting.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.partycell.meeting.application.AttachmentTooLargeException;
import vn.partycell.meeting.application.MeetingAttachments;
import vn.partycell.meeting.domain.AttachmentId;
import vn.partycell.meeting.domain.MeetingAttachment;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.web.Problems;

/**
 * A meeting's documents over HTTP: the file is the raw request body, its type the Content-Type and
 * its name the {@code fileName} parameter, streamed (this route has its own body limit, {@code
 * partycell.web.upload-routes}); listed, downloaded with its name (RFC 6266 / RFC 5987, Vietnamese
 * kept) and removed until the meeting is closed.
 */
@RestController
@Validated
@RequestMapping("/api/v1/meetings/{id}/attachments")
@Tag(name = "Tài liệu sinh hoạt", description = "Tài liệu đính kèm buổi sinh hoạt (dự thảo nghị quyết, báo cáo)")
public class MeetingAttachmentController {

    private final MeetingAttachments attachments;

    public MeetingAttachmentController(MeetingAttachments attachments) {
        this.attachments = attachments;
    }

    public record AttachmentResponse(
            UUID id,
            UUID meetingId,
            String fileName,
            String contentType,
            long size,
            String sha256,
            String uploadedBy,
            Instant uploadedAt,
            String contentUrl) {

        static AttachmentResponse of(MeetingAttachment a) {
            return new AttachmentResponse(
                    a.id().value(),
                    a.meetingId().value(),
                    a.fileName(),
                    a.contentType(),
                    a.size(),
                    a.sha256(),
                    a.uploadedBy(),
                    a.uploadedAt(),
                    "/api/v1/meetings/" + a.meetingId() + "/attachments/" + a.id() + "/content");
        }
    }

    @PostMapping
    @Operation(
            summary = "Đính kèm tài liệu",
            description = "Thân yêu cầu là chính tệp; Content-Type là loại tệp (chỉ các loại được phép, đối chiếu với"
                    + " nội dung tệp), fileName là tên tệp. Cần quyền secretary trên chi bộ; chỉ trước khi buổi sinh"
                    + " hoạt kết thúc. Tệp quá giới hạn: 413; loại không được nhận, không khớp nội dung hoặc không qua"
                    + " kiểm tra virus: 422",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = "application/pdf",
                                            schema = @Schema(type = "string", format = "binary"))))
    public ResponseEntity<AttachmentResponse> upload(
            Caller caller,
            @PathVariable UUID id,
            @Parameter(description = "Tên tệp, để hiển thị và tải về", required = true)
                    @RequestParam
                    @NotBlank(message = "bắt buộc phải có")
                    @Size(max = 255, message = "tối đa 255 ký tự")
                    String fileName,
            HttpServletRequest request)
            throws IOException {
        MeetingAttachment attachment = attachments.upload(
                caller, new MeetingId(id), fileName, request.getContentType(), request.getInputStream());
        return ResponseEntity.created(
                        URI.create(AttachmentResponse.of(attachment).contentUrl()))
                .body(AttachmentResponse.of(attachment));
    }

    @GetMapping
    @Operation(summary = "Danh sách tài liệu của buổi sinh hoạt", description = "Mọi người đọc được buổi sinh hoạt")
    public List<AttachmentResponse> list(Caller caller, @PathVariable UUID id) {
        return attachments.list(caller, new MeetingId(id)).stream()
                .map(AttachmentResponse::of)
                .toList();
    }

    @GetMapping("/{attachmentId}/content")
    @Operation(summary = "Tải tài liệu về", description = "Tên tệp tiếng Việt giữ nguyên (RFC 5987)")
    public ResponseEntity<InputStreamResource> download(
            Caller caller, @PathVariable UUID id, @PathVariable UUID attachmentId) throws IOException {
        MeetingAttachments.Download download =
                attachments.download(caller, new MeetingId(id), new AttachmentId(attachmentId));
        MeetingAttachment a = download.attachment();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(a.contentType()))
                .contentLength(a.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(a.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(download.content()));
    }

    @DeleteMapping("/{attachmentId}")
    @Operation(
            summary = "Gỡ tài liệu",
            description = "Cần quyền secretary trên chi bộ; chỉ trước khi buổi sinh hoạt kết thúc")
    public ResponseEntity<Void> delete(Caller caller, @PathVariable UUID id, @PathVariable UUID attachmentId) {
        attachments.delete(caller, new MeetingId(id), new AttachmentId(attachmentId));
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(AttachmentTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(AttachmentTooLargeException e) {
        ProblemDetail problem = Problems.payloadTooLarge(e.limit());
        return ResponseEntity.status(problem.getStatus())
                .header(HttpHeaders.CONNECTION, "close")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /**
     * {@code attachment; filename="<ASCII>"; filename*=UTF-8''<percent-encoded>}: the RFC 5987 form
     * keeps the Vietnamese name, the plain one (diacritics removed, đ → d) is for clients without it.
     */
    static String contentDisposition(String fileName) {
        String ascii = Normalizer.normalize(fileName.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replaceAll("[^\\x20-\\x7e]|[\"\\\\]", "_");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}

package vn.partycell.notification.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.partycell.notification.application.InboxService;
import vn.partycell.notification.domain.Notice;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.web.PageRequests;
import vn.partycell.platform.web.PageResponse;

/**
 * The caller's own inbox. The member id comes from the token ({@code member_id}); a token without
 * one has no inbox (403). Another person's notice answers 404.
 */
@RestController
@RequestMapping("/api/v1/notices")
@Tag(name = "Thông báo", description = "Hộp thư thông báo của chính người dùng: đọc, đánh dấu đã đọc")
public class NoticeController {

    private final InboxService inbox;

    public NoticeController(InboxService inbox) {
        this.inbox = inbox;
    }

    /**
     * One notice as clients see it.
     *
     * @param createdAt when the fact happened (the event's time), UTC
     * @param readAt when the caller marked it read, or null while unread
     * @param superseded a later notice replaces this one (the meeting changed or was cancelled)
     */
    public record NoticeView(
            UUID id,
            String kind,
            String title,
            String body,
            Instant createdAt,
            Instant readAt,
            UUID meetingId,
            String orgPath,
            boolean superseded) {

        static NoticeView of(Notice n) {
            return new NoticeView(
                    n.id(),
                    n.kind().name(),
                    n.title(),
                    n.body(),
                    n.createdAt(),
                    n.readAt(),
                    n.meetingId() == null ? null : n.meetingId().value(),
                    n.orgPath().value(),
                    n.supersededBy() != null);
        }
    }

    public record UnreadCount(long unread) {}

    public record Marked(long marked) {}

    @GetMapping
    @Operation(summary = "Thông báo của tôi, mới nhất trước")
    public PageResponse<NoticeView> list(
            Caller caller,
            @Parameter(description = "true: chỉ thông báo chưa đọc; false: chỉ thông báo đã đọc; bỏ trống: tất cả")
                    @RequestParam(required = false)
                    Boolean unread,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        // Newest first is the inbox's one order; the repository applies it.
        return PageResponse.of(
                inbox.list(caller, unread, PageRequests.query(page, size, null, Set.of())), NoticeView::of);
    }

    @GetMapping("/unread-count")
    @Operation(summary = "Số thông báo chưa đọc của tôi")
    public UnreadCount unreadCount(Caller caller) {
        return new UnreadCount(inbox.unreadCount(caller));
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Đánh dấu một thông báo là đã đọc (gọi lại không thay đổi gì)")
    public NoticeView markRead(Caller caller, @PathVariable UUID id) {
        return NoticeView.of(inbox.markRead(caller, id));
    }

    @PostMapping("/read-all")
    @Operation(summary = "Đánh dấu mọi thông báo chưa đọc của tôi là đã đọc")
    public Marked markAllRead(Caller caller) {
        return new Marked(inbox.markAllRead(caller));
    }
}

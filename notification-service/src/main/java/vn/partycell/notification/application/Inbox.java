package vn.partycell.notification.application;

import java.time.Clock;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import vn.partycell.notification.domain.Notice;
import vn.partycell.platform.kernel.ForbiddenException;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.security.Caller;

/**
 * A person's own inbox. Only the recipient sees or marks a notice, whatever their grants: the
 * member id comes from the token, and someone else's notice is answered as not found.
 */
@Service
public class Inbox {

    private final NoticeStore notices;
    private final Clock clock;

    public Inbox(NoticeStore notices, Clock clock) {
        this.notices = notices;
        this.clock = clock;
    }

    public Page<Notice> list(Caller caller, Boolean unread, Pageable pageable) {
        return notices.inbox(owner(caller), unread, pageable);
    }

    public long unreadCount(Caller caller) {
        return notices.unreadCount(owner(caller));
    }

    /** Idempotent: a notice already read keeps its first read time. */
    public Notice markRead(Caller caller, UUID noticeId) {
        return notices.markRead(owner(caller), noticeId, clock.instant())
                .orElseThrow(() -> new NotFoundException("thông báo", noticeId));
    }

    public long markAllRead(Caller caller) {
        return notices.markAllRead(owner(caller), clock.instant());
    }

    private static UUID owner(Caller caller) {
        return caller.memberId()
                .orElseThrow(() -> new ForbiddenException(
                        "Mã truy cập không gắn với đảng viên nào (thiếu member_id), nên không có hộp thư thông báo"));
    }
}

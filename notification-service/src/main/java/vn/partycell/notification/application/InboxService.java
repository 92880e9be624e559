package vn.partycell.notification.application;

import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import vn.partycell.notification.domain.MemberId;
import vn.partycell.notification.domain.Notice;
import vn.partycell.platform.kernel.ForbiddenException;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.kernel.ResultPage;
import vn.partycell.platform.security.Caller;

/**
 * A person's own inbox. Only the recipient sees or marks a notice, whatever their grants: the
 * member id comes from the token, and someone else's notice is answered as not found.
 */
@Service
public class InboxService {

    private final NoticeRepository notices;
    private final Clock clock;

    public InboxService(NoticeRepository notices, Clock clock) {
        this.notices = notices;
        this.clock = clock;
    }

    public ResultPage<Notice> list(Caller caller, Boolean unread, PageQuery page) {
        return notices.inbox(owner(caller), unread, page);
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

    private static MemberId owner(Caller caller) {
        return caller.memberId()
                .map(MemberId::new)
                .orElseThrow(() -> new ForbiddenException(
                        "Mã truy cập không gắn với đảng viên nào (thiếu member_id), nên không có hộp thư thông báo"));
    }
}

package vn.partycell.notification.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import vn.partycell.notification.domain.Notice;

/** Port: the inboxes. A notice's id is its (recipient, fact) identity, so inserts never duplicate. */
public interface NoticeStore {

    /** Inserts each notice whose id is not stored yet; existing ones stay untouched. Returns how many were new. */
    int insertIfAbsent(List<Notice> notices);

    /**
     * One recipient's notices, newest first.
     *
     * @param unread true: only unread; false: only read; null: all
     */
    Page<Notice> inbox(UUID recipientMemberId, Boolean unread, Pageable pageable);

    long unreadCount(UUID recipientMemberId);

    /** Marks the recipient's notice read at {@code at} unless already read; empty when it is not theirs. */
    Optional<Notice> markRead(UUID recipientMemberId, UUID noticeId, Instant at);

    /** Marks every unread notice of the recipient read; returns how many changed. */
    long markAllRead(UUID recipientMemberId, Instant at);
}

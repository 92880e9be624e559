package vn.partycell.notification.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.partycell.notification.domain.MeetingId;
import vn.partycell.notification.domain.MemberId;
import vn.partycell.notification.domain.Notice;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.kernel.ResultPage;

/** Port: the inboxes. A notice's id is its (recipient, fact) identity, so inserts never duplicate. */
public interface NoticeRepository {

    /** Inserts each notice whose id is not stored yet; existing ones stay untouched. Returns how many were new. */
    int insertIfAbsent(List<Notice> notices);

    /**
     * One recipient's notices, newest first (the inbox has one order; the page's sort is not used).
     *
     * @param unread true: only unread; false: only read; null: all
     */
    ResultPage<Notice> inbox(MemberId recipient, Boolean unread, PageQuery page);

    long unreadCount(MemberId recipient);

    /** Marks the recipient's notice read at {@code at} unless already read; empty when it is not theirs. */
    Optional<Notice> markRead(MemberId recipient, UUID noticeId, Instant at);

    /** Marks every unread notice of the recipient read; returns how many changed. */
    long markAllRead(MemberId recipient, Instant at);

    /**
     * Marks the notices announcing a meeting's plan (first notice and changes) whose plan version is
     * lower than {@code planVersion} as superseded by {@code byFactKey}, unless a later one already
     * superseded them: whatever order changes are handled in, each notice ends superseded by the
     * latest. Returns how many changed.
     */
    long supersede(MeetingId meetingId, long planVersion, String byFactKey);
}

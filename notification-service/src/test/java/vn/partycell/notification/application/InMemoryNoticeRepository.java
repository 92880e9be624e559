package vn.partycell.notification.application;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.partycell.notification.domain.MeetingId;
import vn.partycell.notification.domain.MeetingNotices;
import vn.partycell.notification.domain.MemberId;
import vn.partycell.notification.domain.Notice;
import vn.partycell.notification.domain.NoticeKind;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.kernel.ResultPage;

/**
 * The inbox port's rules in memory, for use-case tests without Spring or a database: insert only
 * ids not stored yet, newest first (then by id), a read notice keeps its first read time.
 */
public class InMemoryNoticeRepository implements NoticeRepository {

    public final Map<UUID, Notice> notices = new LinkedHashMap<>();

    @Override
    public int insertIfAbsent(List<Notice> toInsert) {
        int inserted = 0;
        for (Notice n : toInsert) {
            if (notices.putIfAbsent(n.id(), n) == null) {
                inserted++;
            }
        }
        return inserted;
    }

    @Override
    public ResultPage<Notice> inbox(MemberId recipient, Boolean unread, PageQuery page) {
        List<Notice> all = notices.values().stream()
                .filter(n -> n.recipientMemberId().equals(recipient))
                .filter(n -> unread == null || n.isRead() != unread)
                .sorted(Comparator.comparing(Notice::createdAt).reversed().thenComparing(n -> n.id().toString()))
                .toList();
        return new ResultPage<>(
                all.stream().skip(page.offset()).limit(page.size()).toList(), page, all.size());
    }

    @Override
    public long unreadCount(MemberId recipient) {
        return notices.values().stream()
                .filter(n -> n.recipientMemberId().equals(recipient) && !n.isRead())
                .count();
    }

    @Override
    public Optional<Notice> markRead(MemberId recipient, UUID noticeId, Instant at) {
        Notice n = notices.get(noticeId);
        if (n == null || !n.recipientMemberId().equals(recipient)) {
            return Optional.empty();
        }
        if (!n.isRead()) {
            n = read(n, at);
            notices.put(noticeId, n);
        }
        return Optional.of(n);
    }

    @Override
    public long markAllRead(MemberId recipient, Instant at) {
        List<Notice> unread = notices.values().stream()
                .filter(n -> n.recipientMemberId().equals(recipient) && !n.isRead())
                .toList();
        unread.forEach(n -> notices.put(n.id(), read(n, at)));
        return unread.size();
    }

    private static Notice read(Notice n, Instant at) {
        return new Notice(
                n.id(),
                n.recipientMemberId(),
                n.factKey(),
                n.kind(),
                n.title(),
                n.body(),
                n.createdAt(),
                at,
                n.meetingId(),
                n.orgPath(),
                n.eventId(),
                n.supersededBy());
    }

    /** Plan versions of superseded notices: a later change wins whatever the order. */
    private final Map<UUID, Long> supersededVersions = new LinkedHashMap<>();

    @Override
    public long supersede(MeetingId meetingId, long planVersion, String byFactKey) {
        long changed = 0;
        for (Notice n : List.copyOf(notices.values())) {
            boolean plan = n.kind() == NoticeKind.MEETING_SCHEDULED || n.kind() == NoticeKind.MEETING_CHANGED;
            if (plan
                    && meetingId.equals(n.meetingId())
                    && MeetingNotices.planVersion(n.factKey()) < planVersion
                    && supersededVersions.getOrDefault(n.id(), -1L) < planVersion) {
                supersededVersions.put(n.id(), planVersion);
                notices.put(
                        n.id(),
                        new Notice(
                                n.id(),
                                n.recipientMemberId(),
                                n.factKey(),
                                n.kind(),
                                n.title(),
                                n.body(),
                                n.createdAt(),
                                n.readAt(),
                                n.meetingId(),
                                n.orgPath(),
                                n.eventId(),
                                byFactKey));
                changed++;
            }
        }
        return changed;
    }
}

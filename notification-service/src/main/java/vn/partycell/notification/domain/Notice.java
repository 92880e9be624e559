package vn.partycell.notification.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import vn.partycell.platform.kernel.OrgPath;

/**
 * One notice in one person's inbox (thông báo). Its identity is the pair (recipient, fact): the
 * same fact never yields two notices for one person, whichever event or redelivery carried it.
 * {@link #id} is derived from that pair, so storing it insert-if-absent is the whole guarantee.
 *
 * @param factKey the fact the notice reports, for example {@code meeting-scheduled:<meetingId>}
 * @param createdAt when the fact happened (the event's time), not when the notice was written
 * @param readAt when the recipient marked it read, or null while unread
 * @param eventId the id of the event that created the notice
 * @param supersededBy the fact key of a later notice that replaces this one (a meeting's new time or
 *     place, its cancellation), or null while it stands
 */
public record Notice(
        UUID id,
        MemberId recipientMemberId,
        String factKey,
        NoticeKind kind,
        String title,
        String body,
        Instant createdAt,
        Instant readAt,
        MeetingId meetingId,
        OrgPath orgPath,
        String eventId,
        String supersededBy) {

    /** A notice nothing has superseded (yet). */
    public Notice(
            UUID id,
            MemberId recipientMemberId,
            String factKey,
            NoticeKind kind,
            String title,
            String body,
            Instant createdAt,
            Instant readAt,
            MeetingId meetingId,
            OrgPath orgPath,
            String eventId) {
        this(id, recipientMemberId, factKey, kind, title, body, createdAt, readAt, meetingId, orgPath, eventId, null);
    }

    public Notice {
        Objects.requireNonNull(recipientMemberId, "recipientMemberId");
        Objects.requireNonNull(factKey, "factKey");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(orgPath, "orgPath");
        if (id == null) {
            id = idOf(recipientMemberId, factKey);
        } else if (!id.equals(idOf(recipientMemberId, factKey))) {
            throw new IllegalArgumentException("Notice id " + id + " does not match its recipient and fact");
        }
    }

    /** The one id a (recipient, fact) pair can have: a name-based UUID of both. */
    public static UUID idOf(MemberId recipientMemberId, String factKey) {
        // The bare UUID text, as before typed ids: stored notice ids must not change.
        return UUID.nameUUIDFromBytes((recipientMemberId.value() + "|" + factKey).getBytes(StandardCharsets.UTF_8));
    }

    public boolean isRead() {
        return readAt != null;
    }
}

package vn.partycell.notification.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partycell.notification.domain.MeetingId;
import vn.partycell.notification.domain.MemberId;
import vn.partycell.notification.domain.Notice;
import vn.partycell.notification.domain.NoticeKind;
import vn.partycell.platform.kernel.ForbiddenException;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.security.Grant;
import vn.partycell.platform.security.Role;

/** The own-inbox rules (read/unread, scope), against the in-memory repository. */
class InboxServiceTest {

    static final OrgPath PATH = OrgPath.of("/hy/a/cb-1/");
    static final Instant NOW = Instant.parse("2026-03-06T02:00:00Z");

    final InMemoryNoticeRepository notices = new InMemoryNoticeRepository();
    final InboxService inbox = new InboxService(notices, Clock.fixed(NOW, ZoneOffset.UTC));
    final MemberId an = new MemberId(UUID.randomUUID());
    final MemberId binh = new MemberId(UUID.randomUUID());

    static Caller caller(MemberId member, Role role) {
        return new Caller("u", Optional.ofNullable(member).map(MemberId::value), List.of(new Grant(PATH, role)));
    }

    Notice notice(MemberId to, String fact, String at) {
        Notice n = new Notice(
                null,
                to,
                fact,
                NoticeKind.MEETING_SCHEDULED,
                "Thông báo họp chi bộ",
                "Nội dung",
                Instant.parse(at),
                null,
                new MeetingId(UUID.randomUUID()),
                PATH,
                "evt-" + fact);
        notices.insertIfAbsent(List.of(n));
        return n;
    }

    @Test
    void aPersonListsTheirOwnNoticesNewestFirstByReadState() {
        Notice older = notice(an, "f-1", "2026-03-01T01:00:00Z");
        Notice newer = notice(an, "f-2", "2026-03-02T01:00:00Z");
        notice(binh, "f-1", "2026-03-03T01:00:00Z");
        Caller me = caller(an, Role.MEMBER);

        assertThat(inbox.list(me, null, PageQuery.of(0, 20)).content()).containsExactly(newer, older);
        assertThat(inbox.unreadCount(me)).isEqualTo(2);

        Notice read = inbox.markRead(me, older.id());
        assertThat(read.readAt()).isEqualTo(NOW);
        assertThat(inbox.list(me, true, PageQuery.of(0, 20)).content()).containsExactly(newer);
        assertThat(inbox.list(me, false, PageQuery.of(0, 20)).content())
                .extracting(Notice::id)
                .containsExactly(older.id());
        assertThat(inbox.unreadCount(me)).isEqualTo(1);
        assertThat(inbox.list(me, null, PageQuery.of(1, 1)).content())
                .extracting(Notice::id)
                .containsExactly(older.id());
    }

    @Test
    void markingReadIsIdempotentAndReadAllCountsWhatChanged() {
        Notice first = notice(an, "f-1", "2026-03-01T01:00:00Z");
        notice(an, "f-2", "2026-03-02T01:00:00Z");
        Caller me = caller(an, Role.MEMBER);
        inbox.markRead(me, first.id());
        InboxService later = new InboxService(notices, Clock.fixed(NOW.plusSeconds(3600), ZoneOffset.UTC));

        // Read again later: the first read time stays.
        assertThat(later.markRead(me, first.id()).readAt()).isEqualTo(NOW);
        assertThat(later.markAllRead(me)).isEqualTo(1);
        assertThat(later.markAllRead(me)).isZero();
        assertThat(later.unreadCount(me)).isZero();
    }

    @Test
    void nobodyElseSeesOrMarksANoticeWhateverTheirGrants() {
        Notice mine = notice(an, "f-1", "2026-03-01T01:00:00Z");
        Caller secretary = caller(binh, Role.SECRETARY);

        assertThat(inbox.list(secretary, null, PageQuery.of(0, 20)).content()).isEmpty();
        assertThatThrownBy(() -> inbox.markRead(secretary, mine.id())).isInstanceOf(NotFoundException.class);
        assertThat(inbox.markAllRead(secretary)).isZero();
        assertThat(notices.notices.get(mine.id()).isRead()).isFalse();
        // A token without a member id has no inbox at all.
        Caller admin = caller(null, Role.ADMIN);
        assertThatThrownBy(() -> inbox.list(admin, null, PageQuery.of(0, 20))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> inbox.unreadCount(admin)).isInstanceOf(ForbiddenException.class);
    }
}

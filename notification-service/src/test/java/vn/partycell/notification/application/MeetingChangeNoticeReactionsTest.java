package vn.partycell.notification.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partycell.notification.domain.CancelledMeeting;
import vn.partycell.notification.domain.CellId;
import vn.partycell.notification.domain.ExcuseDecision;
import vn.partycell.notification.domain.MeetingChange;
import vn.partycell.notification.domain.MeetingId;
import vn.partycell.notification.domain.MeetingKind;
import vn.partycell.notification.domain.MeetingNotices;
import vn.partycell.notification.domain.MemberId;
import vn.partycell.notification.domain.MemberStatus;
import vn.partycell.notification.domain.Notice;
import vn.partycell.notification.domain.NoticeKind;
import vn.partycell.notification.domain.Occurrence;
import vn.partycell.notification.domain.RosterMember;
import vn.partycell.notification.domain.ScheduledMeeting;
import vn.partycell.platform.kernel.OrgPath;

/** A change or cancellation tells the members again and supersedes the earlier notices, in any order. */
class MeetingChangeNoticeReactionsTest {

    static final OrgPath PATH = OrgPath.of("/hy/a/cb-1/");
    static final Instant STARTS = Instant.parse("2026-03-05T12:30:00Z");

    final InMemoryRosterRepository roster = new InMemoryRosterRepository();
    final InMemoryNoticeRepository notices = new InMemoryNoticeRepository();
    final MeetingNoticeReactions reactions = new MeetingNoticeReactions(roster, notices);
    final CellId cell = new CellId(UUID.randomUUID());
    final MeetingId meetingId = new MeetingId(UUID.randomUUID());
    final MemberId an = new MemberId(UUID.randomUUID());

    ScheduledMeeting meeting(Instant startsAt, String place) {
        return new ScheduledMeeting(
                meetingId, cell, PATH, MeetingKind.REGULAR, "Sinh hoạt tháng 3", startsAt, place, List.of("Nội dung"));
    }

    List<Notice> inbox() {
        return notices.notices.values().stream()
                .filter(n -> n.recipientMemberId().equals(an))
                .sorted(Comparator.comparing(Notice::createdAt))
                .toList();
    }

    static Occurrence at(String id, String time) {
        return new Occurrence(id, Instant.parse(time));
    }

    @Test
    void eachChangeSupersedesTheEarlierNoticesAndARedeliveredOlderChangeDoesNotWin() {
        roster.saveIfNewer(new RosterMember(an, cell, PATH, "Nguyễn Văn An", null, MemberStatus.FULL, 1), "m-1");
        reactions.onMeetingScheduled(meeting(STARTS, "Hội trường"), at("e1", "2026-02-20T03:00:00Z"));
        MeetingChange v2 = new MeetingChange(meeting(STARTS.plusSeconds(86_400), "Hội trường"), List.of("startsAt"), 2);
        MeetingChange v3 =
                new MeetingChange(meeting(STARTS.plusSeconds(86_400), "Nhà văn hóa thôn"), List.of("place"), 3);

        assertThat(reactions.onMeetingChanged(v2, at("e2", "2026-02-21T03:00:00Z")))
                .isEqualTo(Effect.APPLIED);
        assertThat(reactions.onMeetingChanged(v3, at("e3", "2026-02-22T03:00:00Z")))
                .isEqualTo(Effect.APPLIED);
        // v2 delivered again after v3: no new notice, and v3 stays the one that stands.
        assertThat(reactions.onMeetingChanged(v2, at("e2", "2026-02-21T03:00:00Z")))
                .isEqualTo(Effect.DUPLICATE);

        List<Notice> inbox = inbox();
        assertThat(inbox)
                .extracting(Notice::kind)
                .containsExactly(NoticeKind.MEETING_SCHEDULED, NoticeKind.MEETING_CHANGED, NoticeKind.MEETING_CHANGED);
        String v3Fact = MeetingNotices.changedFact(meetingId, 3);
        assertThat(inbox).extracting(Notice::supersededBy).containsExactly(v3Fact, v3Fact, null);
        assertThat(inbox.get(2).title()).startsWith("Thay đổi lịch họp chi bộ");
        assertThat(inbox.get(2).body()).contains("thay đổi địa điểm").contains("Nhà văn hóa thôn");
    }

    @Test
    void aCancellationIsToldAndSupersedesEveryNoticeOfThePlan() {
        roster.saveIfNewer(new RosterMember(an, cell, PATH, "Nguyễn Văn An", null, MemberStatus.FULL, 1), "m-1");
        reactions.onMeetingScheduled(meeting(STARTS, "Hội trường"), at("e1", "2026-02-20T03:00:00Z"));
        reactions.onMeetingChanged(
                new MeetingChange(meeting(STARTS, "Nhà văn hóa"), List.of("place"), 2),
                at("e2", "2026-02-21T03:00:00Z"));
        CancelledMeeting cancelled = new CancelledMeeting(
                meetingId, cell, PATH, MeetingKind.REGULAR, "Sinh hoạt tháng 3", STARTS, "Bão số 3", 3);

        assertThat(reactions.onMeetingCancelled(cancelled, at("e3", "2026-02-22T03:00:00Z")))
                .isEqualTo(Effect.APPLIED);
        assertThat(reactions.onMeetingCancelled(cancelled, at("e3", "2026-02-22T03:00:00Z")))
                .isEqualTo(Effect.DUPLICATE);

        List<Notice> inbox = inbox();
        assertThat(inbox).hasSize(3);
        assertThat(inbox.get(2).kind()).isEqualTo(NoticeKind.MEETING_CANCELLED);
        assertThat(inbox.get(2).body()).contains("Lý do: Bão số 3");
        assertThat(inbox.subList(0, 2))
                .extracting(Notice::supersededBy)
                .containsOnly(MeetingNotices.cancelledFact(meetingId));
    }

    @Test
    void theMemberIsToldOnceOfTheDecisionOnTheirExcuse() {
        ExcuseDecision refused = new ExcuseDecision(
                meetingId, an, PATH, MeetingKind.REGULAR, "Sinh hoạt tháng 3", STARTS, false, "Bận", "Đề nghị sắp xếp");
        assertThat(reactions.onExcuseDecided(refused, at("e4", "2026-02-23T03:00:00Z")))
                .isEqualTo(Effect.APPLIED);
        assertThat(reactions.onExcuseDecided(refused, at("e5", "2026-02-23T04:00:00Z")))
                .isEqualTo(Effect.DUPLICATE);
        assertThat(inbox()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NoticeKind.MEETING_EXCUSE_DECIDED);
            assertThat(n.title()).contains("không được chấp thuận");
            assertThat(n.body()).contains("Đề nghị sắp xếp");
        });
    }
}

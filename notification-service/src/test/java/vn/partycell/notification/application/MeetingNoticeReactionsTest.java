package vn.partycell.notification.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partycell.notification.domain.CellId;
import vn.partycell.notification.domain.MeetingId;
import vn.partycell.notification.domain.MeetingKind;
import vn.partycell.notification.domain.MemberId;
import vn.partycell.notification.domain.MemberStatus;
import vn.partycell.notification.domain.Notice;
import vn.partycell.notification.domain.NoticeKind;
import vn.partycell.notification.domain.Occurrence;
import vn.partycell.notification.domain.RosterMember;
import vn.partycell.notification.domain.ScheduledMeeting;
import vn.partycell.platform.kernel.OrgPath;

/** Who gets a notice for which meeting fact, once per person and fact, against in-memory ports. */
class MeetingNoticeReactionsTest {

    static final OrgPath PATH = OrgPath.of("/hy/a/cb-1/");
    static final Instant STARTS = Instant.parse("2026-03-05T12:30:00Z");

    final InMemoryRosterRepository roster = new InMemoryRosterRepository();
    final InMemoryNoticeRepository notices = new InMemoryNoticeRepository();
    final MeetingNoticeReactions reactions = new MeetingNoticeReactions(roster, notices);
    final CellId cell = new CellId(UUID.randomUUID());
    final MeetingId meetingId = new MeetingId(UUID.randomUUID());
    final Occurrence first = new Occurrence("evt-1", Instant.parse("2026-02-20T03:00:00Z"));
    final Occurrence republished = new Occurrence("evt-2", Instant.parse("2026-02-21T03:00:00Z"));

    MemberId member(String name, MemberStatus status) {
        MemberId id = new MemberId(UUID.randomUUID());
        roster.saveIfNewer(new RosterMember(id, cell, PATH, name, null, status, 1), "m-" + id);
        return id;
    }

    ScheduledMeeting scheduled() {
        return new ScheduledMeeting(
                meetingId, cell, PATH, MeetingKind.REGULAR, "Sinh hoạt tháng 3", STARTS, "Hội trường", List.of());
    }

    List<Notice> of(MemberId member) {
        return notices.notices.values().stream()
                .filter(n -> n.recipientMemberId().equals(member))
                .toList();
    }

    @Test
    void aScheduledMeetingReachesEachActiveMemberOnceWhateverEventReportsIt() {
        MemberId an = member("Nguyễn Văn An", MemberStatus.FULL);
        MemberId binh = member("Trần Thị Bình", MemberStatus.PROBATIONARY);
        MemberId cuong = member("Lê Văn Cường", MemberStatus.REMOVED);

        assertThat(reactions.onMeetingScheduled(scheduled(), first)).isEqualTo(Effect.APPLIED);
        // A redelivery, and the same fact under a new event id: nothing new.
        assertThat(reactions.onMeetingScheduled(scheduled(), first)).isEqualTo(Effect.DUPLICATE);
        assertThat(reactions.onMeetingScheduled(scheduled(), republished)).isEqualTo(Effect.DUPLICATE);

        assertThat(of(an)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NoticeKind.MEETING_SCHEDULED);
            assertThat(n.meetingId()).isEqualTo(meetingId);
            assertThat(n.eventId()).isEqualTo("evt-1");
            assertThat(n.createdAt()).isEqualTo(first.at());
        });
        assertThat(of(binh)).hasSize(1);
        assertThat(of(cuong)).isEmpty();
        assertThat(notices.notices).hasSize(2);
    }

    @Test
    void aMemberTheRosterLackedIsReachedByALaterPublicationAndNobodyTwice() {
        MemberId an = member("Nguyễn Văn An", MemberStatus.FULL);
        reactions.onMeetingScheduled(scheduled(), first);
        MemberId lan = member("Nguyễn Thị Lan", MemberStatus.PROBATIONARY);

        assertThat(reactions.onMeetingScheduled(scheduled(), republished)).isEqualTo(Effect.APPLIED);

        assertThat(of(an)).hasSize(1);
        assertThat(of(lan)).singleElement().extracting(Notice::eventId).isEqualTo("evt-2");
    }

    @Test
    void anEmptyRosterHasNobodyToTell() {
        member("Lê Văn Cường", MemberStatus.DECEASED);

        assertThat(reactions.onMeetingScheduled(scheduled(), first)).isEqualTo(Effect.NO_EFFECT);
        assertThat(notices.notices).isEmpty();
    }
}

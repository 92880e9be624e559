package vn.partycell.notification.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partycell.notification.domain.CountedAbsence;
import vn.partycell.notification.domain.MeetingId;
import vn.partycell.notification.domain.MeetingKind;
import vn.partycell.notification.domain.MemberId;
import vn.partycell.notification.domain.NoticeKind;
import vn.partycell.notification.domain.Occurrence;
import vn.partycell.notification.domain.RemovalReviewLevel;
import vn.partycell.platform.kernel.OrgPath;

/** The absence notice comes from evaluation-service's count, once per member and meeting. */
class AbsenceNoticeReactionsTest {

    final InMemoryNoticeRepository notices = new InMemoryNoticeRepository();
    final AbsenceNoticeReactions reactions = new AbsenceNoticeReactions(notices);
    final MemberId an = new MemberId(UUID.randomUUID());
    final MeetingId meeting = new MeetingId(UUID.randomUUID());

    CountedAbsence counted(List<Integer> months, RemovalReviewLevel level) {
        return new CountedAbsence(
                an,
                2026,
                OrgPath.of("/hy/a/cb-1/"),
                meeting,
                MeetingKind.REGULAR,
                "Sinh hoạt tháng 3",
                Instant.parse("2026-03-05T12:30:00Z"),
                months,
                2,
                3,
                level);
    }

    @Test
    void aCountedAbsenceReachesTheMemberOnceWhateverEventReportsIt() {
        Occurrence first = new Occurrence("evt-1", Instant.parse("2026-03-05T15:00:00Z"));
        Occurrence again = new Occurrence("evt-2", Instant.parse("2026-03-06T15:00:00Z"));

        assertThat(reactions.onAbsenceCounted(counted(List.of(3), RemovalReviewLevel.NONE), first))
                .isEqualTo(Effect.APPLIED);
        // A republication (even with later figures) of the same meeting's absence: no second notice.
        assertThat(reactions.onAbsenceCounted(counted(List.of(1, 3), RemovalReviewLevel.WARNING), again))
                .isEqualTo(Effect.DUPLICATE);

        assertThat(notices.notices.values()).singleElement().satisfies(n -> {
            assertThat(n.recipientMemberId()).isEqualTo(an);
            assertThat(n.kind()).isEqualTo(NoticeKind.MEETING_ABSENT);
            assertThat(n.factKey()).isEqualTo("meeting-absent:" + meeting);
            assertThat(n.eventId()).isEqualTo("evt-1");
            assertThat(n.createdAt()).isEqualTo(first.at());
        });
    }
}

package vn.partycell.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partycell.platform.kernel.OrgPath;

class MeetingNoticesTest {

    static final OrgPath CELL_PATH = OrgPath.of("/hy/du-khoi-ccq/cb-so-tu-phap/");
    static final CellId CELL = CellId.of("3f0c6f7e-2b1a-4d35-9a57-0d1e8c2b7a41");
    static final MeetingId MEETING = MeetingId.of("a7b8c9d0-e1f2-4a3b-9c4d-5e6f7a8b9c0d");
    static final Occurrence AT = new Occurrence("evt-1", Instant.parse("2026-02-20T03:00:00Z"));

    static RosterMember member(String name, MemberStatus status) {
        return member(new MemberId(UUID.randomUUID()), CELL, name, status);
    }

    static RosterMember member(MemberId id, CellId cell, String name, MemberStatus status) {
        return new RosterMember(id, cell, CELL_PATH, name, null, status, 1);
    }

    static ScheduledMeeting meeting(MeetingKind kind, List<String> agenda) {
        return new ScheduledMeeting(
                MEETING,
                CELL,
                CELL_PATH,
                kind,
                "Sinh hoạt chi bộ thường kỳ tháng 3/2026",
                Instant.parse("2026-03-05T12:30:00Z"),
                "Phòng họp tầng 2, Sở Tư pháp",
                agenda);
    }

    static CountedAbsence counted(MemberId member, List<Integer> months, RemovalReviewLevel level) {
        return new CountedAbsence(
                member,
                2026,
                CELL_PATH,
                MEETING,
                MeetingKind.REGULAR,
                "Sinh hoạt chi bộ thường kỳ tháng 3/2026",
                Instant.parse("2026-03-05T12:30:00Z"),
                months,
                2,
                3,
                level);
    }

    @Test
    void aScheduledMeetingGoesToTheActiveMembersOfItsCellOnly() {
        RosterMember probationary = member("Nguyễn Văn An", MemberStatus.PROBATIONARY);
        RosterMember full = member("Trần Thị Bình", MemberStatus.FULL);
        List<RosterMember> gone = List.of(
                member("Lê Văn Cường", MemberStatus.REMOVED),
                member("Phạm Văn Dũng", MemberStatus.EXPELLED),
                member("Hoàng Thị Em", MemberStatus.DECEASED),
                member("Vũ Văn Giang", MemberStatus.TRANSFERRED_OUT));
        RosterMember elsewhere =
                member(new MemberId(UUID.randomUUID()), new CellId(UUID.randomUUID()), "Đỗ Thị Hoa", MemberStatus.FULL);
        List<RosterMember> roster = new java.util.ArrayList<>(List.of(probationary, full, elsewhere, full));
        roster.addAll(gone);

        List<RosterMember> recipients = MeetingNotices.recipients(meeting(MeetingKind.REGULAR, List.of()), roster);

        assertThat(recipients).containsExactly(probationary, full);
    }

    @Test
    void theScheduledNoticeSaysWhatWhenWhereAndTheNumberedAgendaInVietnamese() {
        RosterMember an = member("Nguyễn Văn An", MemberStatus.FULL);
        ScheduledMeeting meeting = meeting(
                MeetingKind.REGULAR,
                List.of("Đánh giá kết quả thực hiện nhiệm vụ tháng 2", "Triển khai nhiệm vụ tháng 3"));

        List<Notice> notices = MeetingNotices.scheduled(meeting, List.of(an), AT);

        assertThat(notices).hasSize(1);
        Notice notice = notices.getFirst();
        assertThat(notice.title()).isEqualTo("Thông báo họp chi bộ: Sinh hoạt chi bộ thường kỳ tháng 3/2026");
        assertThat(notice.body()).isEqualTo("""
                        Chi bộ triệu tập sinh hoạt thường kỳ “Sinh hoạt chi bộ thường kỳ tháng 3/2026”.
                        Thời gian: 19:30 thứ Năm, ngày 05/03/2026 (giờ Việt Nam).
                        Địa điểm: Phòng họp tầng 2, Sở Tư pháp.
                        Nội dung:
                        1. Đánh giá kết quả thực hiện nhiệm vụ tháng 2
                        2. Triển khai nhiệm vụ tháng 3
                        Đề nghị đồng chí tham dự đầy đủ, đúng giờ. \
                        Nếu không thể tham dự, đồng chí báo cáo và xin phép chi ủy trước buổi họp.""");
        assertThat(notice.kind()).isEqualTo(NoticeKind.MEETING_SCHEDULED);
        assertThat(notice.recipientMemberId()).isEqualTo(an.memberId());
        assertThat(notice.factKey()).isEqualTo("meeting-scheduled:" + MEETING);
        assertThat(notice.id()).isEqualTo(Notice.idOf(an.memberId(), "meeting-scheduled:" + MEETING));
        assertThat(notice.createdAt()).isEqualTo(AT.at());
        assertThat(notice.eventId()).isEqualTo("evt-1");
        assertThat(notice.readAt()).isNull();
        assertThat(notice.meetingId()).isEqualTo(MEETING);
        assertThat(notice.orgPath()).isEqualTo(CELL_PATH);
    }

    @Test
    void eachKindIsNamedInVietnamese() {
        RosterMember an = member("Nguyễn Văn An", MemberStatus.FULL);
        assertThat(MeetingNotices.scheduled(meeting(MeetingKind.THEMATIC, List.of()), List.of(an), AT)
                        .getFirst()
                        .body())
                .startsWith("Chi bộ triệu tập sinh hoạt chuyên đề “");
        assertThat(MeetingNotices.scheduled(meeting(MeetingKind.CONGRESS, List.of()), List.of(an), AT)
                        .getFirst()
                        .body())
                .startsWith("Chi bộ triệu tập đại hội “");
        assertThat(MeetingNotices.scheduled(meeting(MeetingKind.EXTRAORDINARY, List.of()), List.of(an), AT)
                        .getFirst()
                        .body())
                .startsWith("Chi bộ triệu tập sinh hoạt bất thường “");
        assertThat(MeetingKind.REGULAR.label()).isEqualTo("sinh hoạt thường kỳ");
    }

    @Test
    void anEmptyAgendaIsSaidToComeLater() {
        Notice notice = MeetingNotices.scheduled(
                        meeting(MeetingKind.REGULAR, List.of()), List.of(member("An", MemberStatus.FULL)), AT)
                .getFirst();
        assertThat(notice.body())
                .contains("Nội dung: chi ủy sẽ thông báo sau.\n")
                .doesNotContain("1. ");
    }

    @Test
    void theLocalDateIsUsedWhenTheMeetingStartsAfterMidnightInVietnam() {
        ScheduledMeeting early = new ScheduledMeeting(
                MEETING,
                CELL,
                CELL_PATH,
                MeetingKind.REGULAR,
                "Sinh hoạt tháng 3",
                Instant.parse("2026-02-28T18:30:00Z"),
                "Hội trường",
                List.of());
        assertThat(MeetingNotices.scheduled(early, List.of(member("An", MemberStatus.FULL)), AT)
                        .getFirst()
                        .body())
                .contains("Thời gian: 01:30 Chủ nhật, ngày 01/03/2026 (giờ Việt Nam).");
    }

    @Test
    void theAbsenceNoticeGoesToTheCountedMemberUnderTheMeetingsFact() {
        MemberId absent = new MemberId(UUID.randomUUID());
        Notice notice = MeetingNotices.absence(counted(absent, List.of(3), RemovalReviewLevel.NONE), AT);
        assertThat(notice.recipientMemberId()).isEqualTo(absent);
        assertThat(notice.kind()).isEqualTo(NoticeKind.MEETING_ABSENT);
        assertThat(notice.factKey()).isEqualTo("meeting-absent:" + MEETING);
        assertThat(notice.meetingId()).isEqualTo(MEETING);
        assertThat(notice.orgPath()).isEqualTo(CELL_PATH);
        assertThat(notice.createdAt()).isEqualTo(AT.at());
        assertThat(notice.eventId()).isEqualTo("evt-1");
    }

    @Test
    void theAbsenceNoticeQuotesTheMonthsSoFarAndTheYearsReviewThreshold() {
        Notice notice = MeetingNotices.absence(
                counted(new MemberId(UUID.randomUUID()), List.of(3), RemovalReviewLevel.NONE), AT);

        assertThat(notice.title()).isEqualTo("Vắng họp không lý do: Sinh hoạt chi bộ thường kỳ tháng 3/2026");
        assertThat(notice.body()).isEqualTo("""
                        Đồng chí được ghi nhận vắng mặt không có lý do tại buổi sinh hoạt thường kỳ \
                        “Sinh hoạt chi bộ thường kỳ tháng 3/2026” (thứ Năm, ngày 05/03/2026).
                        Trong năm 2026, đồng chí đã vắng sinh hoạt không lý do trong 1 tháng (tháng 3).
                        Theo quy định năm 2026, đảng viên vắng sinh hoạt đảng không có lý do chính đáng từ 3 tháng \
                        trở lên trong năm thì chi bộ phải xem xét, đề nghị xóa tên.
                        Nếu có lý do chính đáng, đồng chí báo cáo với chi ủy.""");
    }

    @Test
    void atTheWarningLevelTheNoticeSaysHowCloseTheReviewIs() {
        Notice notice = MeetingNotices.absence(
                counted(new MemberId(UUID.randomUUID()), List.of(1, 3), RemovalReviewLevel.WARNING), AT);

        assertThat(notice.body())
                .contains("trong 2 tháng (các tháng 1 và 3).\n")
                .contains("Đồng chí đã đến mức cảnh báo (2 tháng): nếu vắng không lý do thêm 1 tháng nữa, chi bộ sẽ"
                        + " phải xem xét, đề nghị xóa tên đồng chí.\n")
                .endsWith("Nếu có lý do chính đáng, đồng chí báo cáo với chi ủy.");
    }

    @Test
    void atTheReviewLevelTheNoticeSaysTheCellMustConsiderRemoval() {
        Notice notice = MeetingNotices.absence(
                counted(new MemberId(UUID.randomUUID()), List.of(1, 2, 3), RemovalReviewLevel.REVIEW), AT);

        assertThat(notice.body())
                .contains("trong 3 tháng (các tháng 1, 2 và 3).\n")
                .contains("Số tháng vắng của đồng chí đã đến mức này: chi bộ phải xem xét, đề nghị xóa tên đồng chí.\n")
                .doesNotContain("mức cảnh báo");
    }

    @Test
    void aNoticeIsIdentifiedByItsRecipientAndFact() {
        MemberId an = new MemberId(UUID.randomUUID());
        MemberId binh = new MemberId(UUID.randomUUID());
        String fact = MeetingNotices.scheduledFact(MEETING);
        assertThat(Notice.idOf(an, fact)).isEqualTo(Notice.idOf(an, fact));
        assertThat(Notice.idOf(an, fact)).isNotEqualTo(Notice.idOf(binh, fact));
        assertThat(Notice.idOf(an, fact)).isNotEqualTo(Notice.idOf(an, MeetingNotices.absentFact(MEETING)));
        // The id stays what it was before typed ids (a name-based UUID of the bare UUID text), so
        // stored notices keep matching their facts.
        assertThat(Notice.idOf(MemberId.of("5e8a2f10-7c3b-4d9e-a1f2-3b4c5d6e7f80"), fact))
                .isEqualTo(UUID.fromString("536a7676-a195-3eda-a5d3-dae14ff024dc"));

        // Two events reporting the same fact make notices with the same ids.
        RosterMember member = member(an, CELL, "An", MemberStatus.FULL);
        Notice first = MeetingNotices.scheduled(meeting(MeetingKind.REGULAR, List.of()), List.of(member), AT)
                .getFirst();
        Notice again = MeetingNotices.scheduled(
                        meeting(MeetingKind.REGULAR, List.of()),
                        List.of(member),
                        new Occurrence("evt-2", Instant.parse("2026-02-21T03:00:00Z")))
                .getFirst();
        assertThat(again.id()).isEqualTo(first.id());

        assertThatThrownBy(() -> new Notice(
                        UUID.randomUUID(),
                        an,
                        fact,
                        NoticeKind.MEETING_SCHEDULED,
                        "t",
                        "b",
                        AT.at(),
                        null,
                        MEETING,
                        CELL_PATH,
                        "evt-1"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

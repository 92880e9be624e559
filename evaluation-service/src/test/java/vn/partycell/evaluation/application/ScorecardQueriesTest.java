package vn.partycell.evaluation.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partycell.evaluation.domain.AttendanceStatus;
import vn.partycell.evaluation.domain.CellId;
import vn.partycell.evaluation.domain.ClosedMeeting;
import vn.partycell.evaluation.domain.MeetingId;
import vn.partycell.evaluation.domain.MemberId;
import vn.partycell.evaluation.domain.RemovalReview;
import vn.partycell.platform.kernel.ForbiddenException;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.kernel.ResultPage;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.security.Grant;
import vn.partycell.platform.security.Role;

/** Who reads which scorecard, and the removal-review list by the year's policy, in memory. */
class ScorecardQueriesTest {

    static final OrgPath CELL_PATH = OrgPath.of("/hy/a/cb-1/");

    final InMemoryScorecardRepository repository = new InMemoryScorecardRepository();
    final PolicyProperties policy = new PolicyProperties(
            new PolicyProperties.YearPolicy(new PolicyProperties.RemovalReviewSettings(2, 3), null), Map.of());
    // 17:30 UTC on 31 December 2025 is already 2026 in Viet Nam.
    final Clock clock = Clock.fixed(Instant.parse("2025-12-31T17:30:00Z"), ZoneOffset.UTC);
    final ScorecardQueries queries = new ScorecardQueries(repository, new InMemoryMemberTasks(), policy, clock);
    final CellId cell = new CellId(UUID.randomUUID());
    final MemberId an = new MemberId(UUID.randomUUID());
    final MemberId binh = new MemberId(UUID.randomUUID());
    final MemberId cuong = new MemberId(UUID.randomUUID());

    static Caller caller(MemberId member, String org, Role role) {
        return new Caller(
                "u", Optional.ofNullable(member).map(MemberId::value), List.of(new Grant(OrgPath.of(org), role)));
    }

    /** One meeting a month in 2025 from January to {@code months}: An always absent, Bình absent twice, Cường never. */
    void meetings(int months) {
        ScorecardProjection projection = new ScorecardProjection(repository, policy);
        for (int month = 1; month <= months; month++) {
            projection.onMeetingClosed(ScorecardProjectionTest.closed(
                    new MeetingId(UUID.randomUUID()),
                    cell,
                    CELL_PATH,
                    "2025-%02d-05T01:00:00Z".formatted(month),
                    "Tháng " + month,
                    new ClosedMeeting.Attendance(an, AttendanceStatus.ABSENT, false),
                    new ClosedMeeting.Attendance(
                            binh, month <= 2 ? AttendanceStatus.ABSENT : AttendanceStatus.PRESENT, true),
                    new ClosedMeeting.Attendance(cuong, AttendanceStatus.PRESENT, true)));
        }
    }

    @Test
    void theCurrentYearIsTheYearInVietNam() {
        assertThat(queries.currentYear()).isEqualTo(2026);
    }

    @Test
    void aMemberReadsTheirOwnScorecardEvenWithoutAGrantOverItsCell() {
        meetings(3);
        Caller moved = caller(an, "/hy/b/cb-khac/", Role.MEMBER);

        ScorecardQueries.ScorecardView view = queries.scorecard(moved, an, 2025);

        assertThat(view.scorecard().memberId()).isEqualTo(an);
        assertThat(view.review()).map(RemovalReview::level).contains(RemovalReview.Level.REVIEW);
        assertThat(view.policy().reviewMonths()).isEqualTo(3);
    }

    @Test
    void aColleagueNeedsACommitteeGrantOverTheCellAndOutOfScopeIsNotFound() {
        meetings(2);
        // A plain member of the same cell: 403 on a colleague's scorecard.
        assertThatThrownBy(() -> queries.scorecard(caller(binh, "/hy/a/cb-1/", Role.MEMBER), an, 2025))
                .isInstanceOf(ForbiddenException.class);
        // The cell's committee and a superior above it read it.
        assertThat(queries.scorecard(caller(null, "/hy/a/cb-1/", Role.COMMITTEE), an, 2025)
                        .review())
                .map(RemovalReview::level)
                .contains(RemovalReview.Level.WARNING);
        assertThat(queries.scorecard(caller(null, "/hy/a/", Role.SUPERIOR), an, 2025)
                        .scorecard()
                        .memberId())
                .isEqualTo(an);
        // Another committee's secretary: it does not exist for them, exactly as a missing year.
        assertThatThrownBy(() -> queries.scorecard(caller(null, "/hy/b/", Role.SECRETARY), an, 2025))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining(an.value().toString());
        assertThatThrownBy(() -> queries.scorecard(caller(an, "/hy/a/cb-1/", Role.MEMBER), an, 2024))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theRemovalReviewListFollowsTheYearsPolicyMostMonthsFirst() {
        meetings(3);
        Caller secretary = caller(null, "/hy/a/cb-1/", Role.SECRETARY);

        ResultPage<ScorecardQueries.Flagged> list = queries.removalReviews(secretary, cell, 2025, PageQuery.of(0, 20));

        assertThat(list.content()).extracting(f -> f.scorecard().memberId()).containsExactly(an, binh);
        assertThat(list.content())
                .extracting(f -> f.review().level())
                .containsExactly(RemovalReview.Level.REVIEW, RemovalReview.Level.WARNING);
        assertThat(list.totalElements()).isEqualTo(2);
        ResultPage<ScorecardQueries.Flagged> second = queries.removalReviews(secretary, cell, 2025, PageQuery.of(1, 1));
        assertThat(second.content()).extracting(f -> f.scorecard().memberId()).containsExactly(binh);
        assertThat(second.totalPages()).isEqualTo(2);
    }

    @Test
    void theRemovalReviewListIsForTheCommitteeAndHiddenOutsideItsScope() {
        meetings(2);
        assertThatThrownBy(() ->
                        queries.removalReviews(caller(an, "/hy/a/cb-1/", Role.MEMBER), cell, 2025, PageQuery.of(0, 20)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() ->
                        queries.removalReviews(caller(null, "/hy/b/", Role.SUPERIOR), cell, 2025, PageQuery.of(0, 20)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> queries.removalReviews(
                        caller(null, "/hy/", Role.SUPERIOR), new CellId(UUID.randomUUID()), 2025, PageQuery.of(0, 20)))
                .isInstanceOf(NotFoundException.class);
        assertThat(queries.removalReviews(caller(null, "/hy/a/", Role.SUPERIOR), cell, 2025, PageQuery.of(0, 20))
                        .totalElements())
                .isEqualTo(2);
    }
}

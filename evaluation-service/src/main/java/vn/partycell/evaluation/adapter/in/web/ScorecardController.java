package vn.partycell.evaluation.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Set;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.partycell.evaluation.adapter.in.web.ScorecardResponses.FlaggedMemberResponse;
import vn.partycell.evaluation.adapter.in.web.ScorecardResponses.ScorecardResponse;
import vn.partycell.evaluation.application.ScorecardQueries;
import vn.partycell.evaluation.domain.CellId;
import vn.partycell.evaluation.domain.MemberId;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.web.PageRequests;
import vn.partycell.platform.web.PageResponse;

/** Yearly scorecards built from closed meetings, and the removal-review list of a cell. */
@RestController
@Tag(name = "Bảng điểm", description = "Bảng điểm năm của đảng viên, dựng từ biên bản các cuộc sinh hoạt chi bộ")
public class ScorecardController {

    private static final String YEAR_RANGE = "phải từ 1930 đến 2100";

    private final ScorecardQueries scorecards;

    public ScorecardController(ScorecardQueries scorecards) {
        this.scorecards = scorecards;
    }

    @GetMapping("/api/v1/scorecards/{memberId}")
    @Operation(
            summary = "Bảng điểm năm của đảng viên",
            description = "Số buổi dự, đến muộn, vắng có lý do, vắng không lý do, số lần phát biểu; theo năm và"
                    + " từng tháng, kèm danh sách cuộc họp tạo nên mỗi con số. Nhiệm vụ được giao có hạn trong"
                    + " năm: số được giao, hoàn thành đúng hạn, trễ hạn, quá hạn, chưa có kết quả, vượt yêu cầu;"
                    + " theo năm và từng quý, kèm danh sách nhiệm vụ và điều kiện về nhiệm vụ của năm. Năm mặc định là năm hiện tại"
                    + " (giờ Việt Nam). Đảng viên xem được bảng điểm của mình.")
    public ScorecardResponse scorecard(
            Caller caller,
            @PathVariable UUID memberId,
            @RequestParam(required = false)
                    @Min(value = 1930, message = YEAR_RANGE)
                    @Max(value = 2100, message = YEAR_RANGE)
                    Integer year) {
        int y = year == null ? scorecards.currentYear() : year;
        ScorecardQueries.ScorecardView view = scorecards.scorecard(caller, new MemberId(memberId), y);
        return ScorecardResponse.of(
                view.scorecard(), view.policy(), view.review().orElse(null), view.tasks(), view.taskCondition());
    }

    @GetMapping("/api/v1/removal-reviews")
    @Operation(
            summary = "Đảng viên cần cảnh báo hoặc xem xét xóa tên",
            description = "Đảng viên của chi bộ có số tháng vắng sinh hoạt không lý do trong năm từ mức cảnh báo trở"
                    + " lên (WARNING), hoặc tới mức phải xem xét xóa tên (REVIEW), theo chính sách của năm. Cần"
                    + " quyền committee trở lên trên chi bộ.")
    public PageResponse<FlaggedMemberResponse> removalReviews(
            Caller caller,
            @RequestParam UUID cellId,
            @RequestParam(required = false)
                    @Min(value = 1930, message = YEAR_RANGE)
                    @Max(value = 2100, message = YEAR_RANGE)
                    Integer year,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        int y = year == null ? scorecards.currentYear() : year;
        // The order is fixed (most months first, then member id); the repository applies it.
        return PageResponse.of(
                scorecards.removalReviews(
                        caller, new CellId(cellId), y, PageRequests.query(page, size, null, Set.of())),
                f -> FlaggedMemberResponse.of(f.scorecard(), f.review()));
    }
}

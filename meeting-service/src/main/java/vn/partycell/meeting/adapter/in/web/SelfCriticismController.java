package vn.partycell.meeting.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.partycell.meeting.application.SelfCriticismService;
import vn.partycell.meeting.application.SelfCriticismService.GroupSuggestion;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.MemberId;
import vn.partycell.meeting.domain.MemberStatus;
import vn.partycell.meeting.domain.Nomination;
import vn.partycell.meeting.domain.OrgUnitId;
import vn.partycell.meeting.domain.SelfCriticismOutcome;
import vn.partycell.meeting.domain.SelfCriticismRotation.Candidate;
import vn.partycell.meeting.domain.SelfCriticismRound;
import vn.partycell.platform.kernel.InvalidInputException;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.web.ETags;

/**
 * A cell's self-criticism of a month over HTTP (tự phê bình): the rotation's suggestions, each party
 * group's nomination, the committee's pick and the outcome. The members of a cell in no party group
 * are nominated under the cell's own id as {@code partyGroupId}.
 */
@RestController
@RequestMapping("/api/v1/cells/{cellId}/self-criticism/{month}")
@Tag(name = "Tự phê bình", description = "Đề cử của tổ đảng, chi ủy chọn người tự phê bình, ghi kết quả")
public class SelfCriticismController {

    /**
     * Checked here rather than by a constraint on the path variable: a constraint there would turn
     * the body's field errors into errors of the whole body parameter.
     */
    private static final java.util.regex.Pattern MONTH = java.util.regex.Pattern.compile("[0-9]{4}-(0[1-9]|1[0-2])");

    static final String MONTH_MESSAGE = "tháng theo dạng yyyy-MM, ví dụ 2026-03";

    private final SelfCriticismService service;

    public SelfCriticismController(SelfCriticismService service) {
        this.service = service;
    }

    public record NominationRequest(
            @NotNull(message = "bắt buộc phải có") UUID memberId,
            @Size(max = 500, message = "tối đa 500 ký tự") String note) {}

    public record PickRequest(
            @NotNull(message = "bắt buộc phải có") UUID memberId) {}

    public record OutcomeRequest(
            @NotNull(message = "bắt buộc phải có (true: đã tự phê bình)")
            Boolean done,

            @Size(max = 500, message = "tối đa 500 ký tự") String reason,
            @Size(max = 1000, message = "tối đa 1000 ký tự") String note) {}

    public record NominationView(
            UUID partyGroupId, UUID memberId, String note, String nominatedBy, Instant nominatedAt) {

        static NominationView of(Nomination n) {
            return new NominationView(
                    n.groupId().value(), n.memberId().value(), n.note(), n.nominatedBy(), n.nominatedAt());
        }
    }

    public record OutcomeView(boolean done, String reason, String note, String recordedBy, Instant recordedAt) {

        static OutcomeView of(SelfCriticismOutcome o) {
            return o == null ? null : new OutcomeView(o.done(), o.reason(), o.note(), o.recordedBy(), o.recordedAt());
        }
    }

    public record RoundResponse(
            UUID cellId,
            String month,
            List<NominationView> nominations,
            UUID picked,
            String pickedBy,
            OutcomeView outcome,
            long version) {

        static RoundResponse of(SelfCriticismRound r) {
            return new RoundResponse(
                    r.id().cellId().value(),
                    r.month().toString(),
                    r.nominations().values().stream().map(NominationView::of).toList(),
                    r.picked() == null ? null : r.picked().value(),
                    r.pickedBy(),
                    OutcomeView.of(r.outcome()),
                    r.version());
        }
    }

    public record CandidateView(UUID memberId, String fullName, MemberStatus status, String lastTurn, int turns) {

        static CandidateView of(Candidate c) {
            return new CandidateView(
                    c.member().memberId().value(),
                    c.member().fullName(),
                    c.member().status(),
                    c.lastTurn() == null ? null : c.lastTurn().toString(),
                    c.turns());
        }
    }

    public record GroupView(
            UUID partyGroupId,
            String name,
            boolean cellLevel,
            CandidateView suggested,
            List<CandidateView> candidates,
            UUID nominated) {

        static GroupView of(GroupSuggestion s) {
            return new GroupView(
                    s.group().id().value(),
                    s.group().name(),
                    s.group().cellLevel(),
                    s.suggested() == null ? null : CandidateView.of(s.suggested()),
                    s.candidates().stream().map(CandidateView::of).toList(),
                    s.nomination() == null ? null : s.nomination().memberId().value());
        }
    }

    public record SuggestionsResponse(UUID cellId, String month, List<GroupView> groups) {}

    @GetMapping
    @Operation(summary = "Xem đợt tự phê bình của tháng", description = "Đề cử, người được chọn, kết quả")
    public ResponseEntity<RoundResponse> round(
            Caller caller,
            @PathVariable UUID cellId,
            @PathVariable @Parameter(description = MONTH_MESSAGE, example = "2026-03") String month) {
        return answer(service.round(caller, new CellId(cellId), month(month)));
    }

    @GetMapping("/suggestions")
    @Operation(
            summary = "Gợi ý người tự phê bình của từng tổ đảng",
            description = "Luân phiên: không ai tự phê bình lần thứ hai khi còn người trong tổ chưa đến lượt;"
                    + " bỏ qua người được miễn sinh hoạt hoặc đang chuyển sinh hoạt. Cần quyền committee")
    public SuggestionsResponse suggestions(
            Caller caller,
            @PathVariable UUID cellId,
            @PathVariable @Parameter(description = MONTH_MESSAGE, example = "2026-03") String month) {
        YearMonth m = month(month);
        List<GroupView> groups = service.suggestions(caller, new CellId(cellId), m).stream()
                .map(GroupView::of)
                .toList();
        return new SuggestionsResponse(cellId, m.toString(), groups);
    }

    @PutMapping("/nominations/{partyGroupId}")
    @Operation(
            summary = "Ghi đề cử của một tổ đảng",
            description = "Đảng viên phải thuộc tổ, đang sinh hoạt và không được miễn; cần quyền committee")
    public ResponseEntity<RoundResponse> nominate(
            Caller caller,
            @PathVariable UUID cellId,
            @PathVariable @Parameter(description = MONTH_MESSAGE, example = "2026-03") String month,
            @PathVariable UUID partyGroupId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody NominationRequest r) {
        return answer(service.nominate(
                caller,
                new CellId(cellId),
                month(month),
                new OrgUnitId(partyGroupId),
                new MemberId(r.memberId()),
                r.note(),
                ETags.ifMatch(ifMatch)));
    }

    @PutMapping("/pick")
    @Operation(summary = "Chi ủy chọn người tự phê bình", description = "Một trong những người được đề cử")
    public ResponseEntity<RoundResponse> pick(
            Caller caller,
            @PathVariable UUID cellId,
            @PathVariable @Parameter(description = MONTH_MESSAGE, example = "2026-03") String month,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody PickRequest r) {
        return answer(service.pick(
                caller, new CellId(cellId), month(month), new MemberId(r.memberId()), ETags.ifMatch(ifMatch)));
    }

    @PutMapping("/outcome")
    @Operation(
            summary = "Ghi kết quả tự phê bình",
            description = "Đã tự phê bình, hoặc chưa kèm lý do; ghi một lần và phát sự kiện cho việc chấm điểm")
    public ResponseEntity<RoundResponse> outcome(
            Caller caller,
            @PathVariable UUID cellId,
            @PathVariable @Parameter(description = MONTH_MESSAGE, example = "2026-03") String month,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody OutcomeRequest r) {
        return answer(service.recordOutcome(
                caller, new CellId(cellId), month(month), r.done(), r.reason(), r.note(), ETags.ifMatch(ifMatch)));
    }

    private static YearMonth month(String month) {
        if (month == null || !MONTH.matcher(month).matches()) {
            throw new InvalidInputException("month", MONTH_MESSAGE, month);
        }
        return YearMonth.parse(month);
    }

    private static ResponseEntity<RoundResponse> answer(SelfCriticismRound round) {
        return ResponseEntity.ok().eTag(ETags.of(round.version())).body(RoundResponse.of(round));
    }
}

package vn.partycell.meeting.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.partycell.meeting.application.ProceedingsService;
import vn.partycell.meeting.application.ProceedingsService.ProceedingsView;
import vn.partycell.meeting.domain.Ballot;
import vn.partycell.meeting.domain.CommitteeRole;
import vn.partycell.meeting.domain.Election;
import vn.partycell.meeting.domain.ElectionBallot;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.MeetingKind;
import vn.partycell.meeting.domain.MemberId;
import vn.partycell.meeting.domain.Proceedings;
import vn.partycell.meeting.domain.RemarkKind;
import vn.partycell.meeting.domain.Resolution;
import vn.partycell.meeting.domain.VoteChoice;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.web.ETags;

/**
 * What happens during a meeting over HTTP: speeches, commendations and criticisms, resolutions and
 * their votes, the congress's elections. Every change needs COMMITTEE on the cell and the meeting in
 * progress; If-Match carries the proceedings' version.
 */
@RestController
@RequestMapping("/api/v1/meetings/{id}/proceedings")
@Tag(
        name = "Diễn biến buổi sinh hoạt",
        description = "Phát biểu, biểu dương, phê bình, biểu quyết nghị quyết, bầu cử tại đại hội")
public class ProceedingsController {

    private final ProceedingsService service;

    public ProceedingsController(ProceedingsService service) {
        this.service = service;
    }

    public record SpeechRequest(
            @NotNull(message = "bắt buộc phải có") UUID memberId,
            @Size(max = 500, message = "tối đa 500 ký tự") String subject) {}

    public record RemarkRequest(
            @NotNull(message = "bắt buộc phải có (COMMENDATION: biểu dương, CRITICISM: phê bình)")
            RemarkKind kind,

            @NotNull(message = "bắt buộc phải có") UUID memberId,

            @NotBlank(message = "bắt buộc phải có lý do") @Size(max = 500, message = "tối đa 500 ký tự")
            String reason) {}

    public record ResolutionRequest(
            @NotBlank(message = "bắt buộc phải có") @Size(max = 300, message = "tối đa 300 ký tự")
            String title,

            @Size(max = 20000, message = "tối đa 20000 ký tự")
            String text) {}

    public record VoteLine(
            @NotNull(message = "bắt buộc phải có") UUID memberId,

            @NotNull(message = "bắt buộc phải có (FOR, AGAINST, ABSTAIN)")
            VoteChoice choice) {}

    public record VotesRequest(
            @NotEmpty(message = "cần ít nhất một phiếu") @Size(max = 500, message = "tối đa 500 phiếu mỗi lần")
            List<@Valid @NotNull VoteLine> ballots) {}

    public record ElectionRequest(
            @NotNull(message = "bắt buộc phải có (SECRETARY, DEPUTY_SECRETARY, COMMITTEE_MEMBER)")
            CommitteeRole role,

            @NotNull(message = "bắt buộc phải có")
            @Min(value = 1, message = "ít nhất 1")
            @Max(value = 100, message = "tối đa 100")
            Integer seats,

            @NotEmpty(message = "cần ít nhất một người ứng cử") @Size(max = 200, message = "tối đa 200 người")
            List<@NotNull UUID> candidates) {}

    public record ElectionBallotLine(
            @NotNull(message = "bắt buộc phải có") UUID voterId,

            @NotNull(message = "bắt buộc phải có (có thể rỗng)") @Size(max = 100, message = "tối đa 100 người")
            List<@NotNull UUID> chosen) {}

    public record ElectionBallotsRequest(
            @NotEmpty(message = "cần ít nhất một phiếu") @Size(max = 500, message = "tối đa 500 phiếu mỗi lần")
            List<@Valid @NotNull ElectionBallotLine> ballots) {}

    public record SpeakersView(int count, int target, boolean met) {}

    public record SpeechView(UUID memberId, String subject, Instant recordedAt) {}

    public record RemarkView(RemarkKind kind, UUID memberId, String reason, Instant recordedAt) {}

    public record BallotView(UUID memberId, VoteChoice choice) {}

    public record ResolutionView(
            UUID id,
            String title,
            String text,
            int votesFor,
            int votesAgainst,
            int abstentions,
            int eligible,
            int required,
            boolean passed,
            List<BallotView> ballots) {

        static ResolutionView of(Resolution r) {
            return new ResolutionView(
                    r.id(),
                    r.title(),
                    r.text(),
                    r.count(VoteChoice.FOR),
                    r.count(VoteChoice.AGAINST),
                    r.count(VoteChoice.ABSTAIN),
                    r.eligible(),
                    r.required(),
                    r.passed(),
                    r.ballots().stream()
                            .map(b -> new BallotView(b.memberId().value(), b.choice()))
                            .toList());
        }
    }

    public record CandidateView(UUID memberId, int votes) {}

    public record ElectionView(
            UUID id,
            CommitteeRole role,
            int seats,
            List<UUID> candidates,
            List<UUID> voted,
            boolean counted,
            Integer ballotsCast,
            Integer required,
            List<CandidateView> votes,
            List<UUID> elected,
            LocalDate electedFrom) {

        static ElectionView of(Election e) {
            var r = e.result();
            return new ElectionView(
                    e.id(),
                    e.role(),
                    e.seats(),
                    ids(e.candidates()),
                    e.ballots().stream().map(b -> b.voterId().value()).toList(),
                    e.counted(),
                    r == null ? null : r.ballotsCast(),
                    r == null ? null : r.required(),
                    r == null
                            ? List.of()
                            : r.votes().stream()
                                    .map(v -> new CandidateView(v.memberId().value(), v.votes()))
                                    .toList(),
                    r == null ? List.of() : ids(r.elected()),
                    r == null ? null : r.electedFrom());
        }
    }

    public record ProceedingsResponse(
            UUID meetingId,
            MeetingKind kind,
            LocalDate heldOn,
            SpeakersView speakers,
            List<SpeechView> speeches,
            List<RemarkView> remarks,
            List<ResolutionView> resolutions,
            List<ElectionView> elections,
            long version) {

        static ProceedingsResponse of(ProceedingsView v) {
            Proceedings p = v.proceedings();
            return new ProceedingsResponse(
                    p.meetingId().value(),
                    p.kind(),
                    p.heldOn(),
                    new SpeakersView(v.speakers(), v.speakersTarget(), v.speakersTargetMet()),
                    p.speeches().stream()
                            .map(s -> new SpeechView(s.memberId().value(), s.subject(), s.recordedAt()))
                            .toList(),
                    p.remarks().stream()
                            .map(r -> new RemarkView(r.kind(), r.memberId().value(), r.reason(), r.recordedAt()))
                            .toList(),
                    p.resolutions().stream().map(ResolutionView::of).toList(),
                    p.elections().stream().map(ElectionView::of).toList(),
                    p.version());
        }
    }

    @GetMapping
    @Operation(
            summary = "Xem diễn biến buổi sinh hoạt",
            description =
                    "Phát biểu (số người phát biểu so với chỉ tiêu của năm), biểu dương, phê bình, nghị quyết, bầu cử")
    public ResponseEntity<ProceedingsResponse> get(Caller caller, @PathVariable UUID id) {
        return answer(service.get(caller, new MeetingId(id)));
    }

    @PostMapping("/speeches")
    @Operation(
            summary = "Ghi một ý kiến phát biểu",
            description = "Chỉ khi buổi sinh hoạt đang diễn ra; đảng viên của chi bộ")
    public ResponseEntity<ProceedingsResponse> speech(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody SpeechRequest r) {
        return answer(service.recordSpeech(
                caller, new MeetingId(id), ETags.ifMatch(ifMatch), new MemberId(r.memberId()), r.subject()));
    }

    @PostMapping("/remarks")
    @Operation(summary = "Ghi biểu dương hoặc phê bình một đảng viên", description = "Kèm lý do ngắn gọn")
    public ResponseEntity<ProceedingsResponse> remark(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody RemarkRequest r) {
        return answer(service.recordRemark(
                caller, new MeetingId(id), ETags.ifMatch(ifMatch), r.kind(), new MemberId(r.memberId()), r.reason()));
    }

    @PostMapping("/resolutions")
    @Operation(summary = "Đưa một nghị quyết ra biểu quyết")
    public ResponseEntity<ProceedingsResponse> resolution(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ResolutionRequest r) {
        UUID resolutionId = UUID.randomUUID();
        ProceedingsView view = service.proposeResolution(
                caller, new MeetingId(id), ETags.ifMatch(ifMatch), resolutionId, r.title(), r.text());
        return created("/resolutions/" + resolutionId, id, view);
    }

    @PostMapping("/resolutions/{resolutionId}/votes")
    @Operation(
            summary = "Ghi phiếu biểu quyết của đảng viên chính thức có mặt",
            description =
                    "Mỗi đảng viên một phiếu; đảng viên dự bị không biểu quyết; thông qua khi quá nửa số đảng viên chính thức tán thành")
    public ResponseEntity<ProceedingsResponse> votes(
            Caller caller,
            @PathVariable UUID id,
            @PathVariable UUID resolutionId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody VotesRequest r) {
        return answer(service.castVotes(
                caller,
                new MeetingId(id),
                ETags.ifMatch(ifMatch),
                resolutionId,
                r.ballots().stream()
                        .map(b -> new Ballot(new MemberId(b.memberId()), b.choice()))
                        .toList()));
    }

    @PostMapping("/elections")
    @Operation(
            summary = "Mở một cuộc bầu tại đại hội",
            description =
                    "Bí thư, phó bí thư hoặc chi ủy viên; người ứng cử là đảng viên chính thức; đại hội mỗi nhiệm kỳ một lần")
    public ResponseEntity<ProceedingsResponse> election(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ElectionRequest r) {
        UUID electionId = UUID.randomUUID();
        ProceedingsView view = service.openElection(
                caller,
                new MeetingId(id),
                ETags.ifMatch(ifMatch),
                electionId,
                r.role(),
                r.seats(),
                r.candidates().stream().map(MemberId::new).toList());
        return created("/elections/" + electionId, id, view);
    }

    @PostMapping("/elections/{electionId}/ballots")
    @Operation(summary = "Ghi phiếu bầu của đảng viên chính thức có mặt", description = "Mỗi đảng viên một phiếu")
    public ResponseEntity<ProceedingsResponse> ballots(
            Caller caller,
            @PathVariable UUID id,
            @PathVariable UUID electionId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ElectionBallotsRequest r) {
        return answer(service.castElectionBallots(
                caller,
                new MeetingId(id),
                ETags.ifMatch(ifMatch),
                electionId,
                r.ballots().stream()
                        .map(b -> new ElectionBallot(
                                new MemberId(b.voterId()),
                                b.chosen().stream().map(MemberId::new).toList()))
                        .toList()));
    }

    @PostMapping("/elections/{electionId}/count")
    @Operation(
            summary = "Kiểm phiếu và công bố kết quả bầu",
            description = "Trúng cử: nhiều phiếu nhất và quá nửa số phiếu bầu; kết quả được gửi để cập nhật chức danh")
    public ResponseEntity<ProceedingsResponse> count(
            Caller caller,
            @PathVariable UUID id,
            @PathVariable UUID electionId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return answer(service.countElection(caller, new MeetingId(id), ETags.ifMatch(ifMatch), electionId));
    }

    private static List<UUID> ids(List<MemberId> members) {
        return members.stream().map(MemberId::value).toList();
    }

    private static ResponseEntity<ProceedingsResponse> created(String path, UUID meetingId, ProceedingsView view) {
        return ResponseEntity.created(URI.create("/api/v1/meetings/" + meetingId + "/proceedings" + path))
                .eTag(ETags.of(view.proceedings().version()))
                .body(ProceedingsResponse.of(view));
    }

    private static ResponseEntity<ProceedingsResponse> answer(ProceedingsView view) {
        return ResponseEntity.ok().eTag(ETags.of(view.proceedings().version())).body(ProceedingsResponse.of(view));
    }
}

package vn.partycell.meeting.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.partycell.meeting.application.RosterQueries;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.MemberStatus;
import vn.partycell.meeting.domain.RosterMember;
import vn.partycell.platform.security.Caller;

/** The roster meeting-service holds for a cell: who counts for quorum and who may vote. */
@RestController
@Tag(name = "Danh sách chi bộ", description = "Bản sao danh sách đảng viên mà dịch vụ sinh hoạt dùng để tính số lượng")
public class RosterController {

    private final RosterQueries queries;

    public RosterController(RosterQueries queries) {
        this.queries = queries;
    }

    public record RosterEntry(
            UUID memberId,
            String fullName,
            UUID partyGroupId,
            MemberStatus status,
            boolean exempted,
            boolean countsForQuorum,
            boolean mayVote,
            long version) {}

    public record RosterResponse(UUID cellId, int active, int quorumBase, List<RosterEntry> members) {}

    @GetMapping("/api/v1/cells/{cellId}/roster")
    @Operation(summary = "Danh sách đảng viên của chi bộ (bản sao từ sự kiện)")
    public RosterResponse roster(Caller caller, @PathVariable UUID cellId) {
        List<RosterMember> members = queries.roster(caller, new CellId(cellId));
        List<RosterEntry> entries = members.stream()
                .map(m -> new RosterEntry(
                        m.memberId().value(),
                        m.fullName(),
                        m.partyGroupId() == null ? null : m.partyGroupId().value(),
                        m.status(),
                        m.exempted(),
                        m.countsForQuorum(),
                        m.mayVote(),
                        m.version()))
                .toList();
        return new RosterResponse(
                cellId,
                (int) members.stream().filter(RosterMember::isActive).count(),
                (int) members.stream().filter(RosterMember::countsForQuorum).count(),
                entries);
    }
}

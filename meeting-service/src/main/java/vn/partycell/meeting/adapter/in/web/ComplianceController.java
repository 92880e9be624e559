package vn.partycell.meeting.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.partycell.meeting.application.ComplianceQueries;
import vn.partycell.meeting.application.ComplianceWatch;
import vn.partycell.meeting.domain.CellCompliance;
import vn.partycell.meeting.domain.ComplianceStatus;
import vn.partycell.meeting.domain.MeetingKind;
import vn.partycell.meeting.domain.OrgUnitId;
import vn.partycell.meeting.domain.Period;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.web.PageRequests;
import vn.partycell.platform.web.PageResponse;

/**
 * The compliance watch over HTTP: a superior's list of the cells under a node, per month or
 * quarter; and an operator's run of the daily watch now.
 */
@RestController
@RequestMapping("/api/v1/compliance")
@Tag(
        name = "Theo dõi sinh hoạt chi bộ",
        description = "Chi bộ chậm sinh hoạt, tỷ lệ dự họp, số người phát biểu theo tháng/quý")
public class ComplianceController {

    private final ComplianceQueries queries;
    private final ComplianceWatch watch;

    public ComplianceController(ComplianceQueries queries, ComplianceWatch watch) {
        this.queries = queries;
        this.watch = watch;
    }

    /** One cell's line: its standing, its facts in the period and the kinds the period requires. */
    public record CellComplianceResponse(
            UUID cellId,
            String code,
            String name,
            String orgPath,
            String period,
            ComplianceStatus compliance,
            List<MeetingKind> required,
            int closedMeetings,
            int regularMeetings,
            int thematicMeetings,
            Double attendanceRate,
            Double averageSpeakers,
            String grade) {

        static CellComplianceResponse of(CellCompliance c) {
            return new CellComplianceResponse(
                    c.cell().id().value(),
                    c.cell().code(),
                    c.cell().name(),
                    c.cell().orgPath().value(),
                    c.facts().period().key(),
                    c.status(),
                    c.required(),
                    c.facts().closed(),
                    c.facts().regular(),
                    c.facts().thematic(),
                    c.facts().attendanceRate(),
                    c.facts().averageSpeakers(),
                    c.facts().grade());
        }
    }

    public record WatchRunResponse(
            boolean ran, LocalDate on, List<String> periods, long cellsChecked, long overdue, long published) {

        static WatchRunResponse of(ComplianceWatch.Run r) {
            return new WatchRunResponse(r.ran(), r.on(), r.periods(), r.cellsChecked(), r.overdue(), r.published());
        }
    }

    @GetMapping
    @Operation(
            summary = "Danh sách chi bộ theo tình hình sinh hoạt",
            description = "Cấp ủy cấp trên (superior) xem các chi bộ trực thuộc một tổ chức theo tháng (2026-11) hoặc"
                    + " quý (2026-Q4); sắp xếp theo compliance, attendanceRate, averageSpeakers, grade, closedMeetings,"
                    + " code, name, orgPath")
    public PageResponse<CellComplianceResponse> list(
            Caller caller,
            @RequestParam UUID unitId,
            @RequestParam String period,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @RequestParam(required = false) String sort) {
        Period p = Period.parse(period, "period");
        PageQuery query = PageRequests.query(
                page, size, sort, ComplianceQueries.SORTS.keySet(), PageQuery.Order.asc("compliance"));
        return PageResponse.of(queries.list(caller, new OrgUnitId(unitId), p, query), CellComplianceResponse::of);
    }

    @PostMapping("/watch-runs")
    @Operation(
            summary = "Chạy ngay việc rà soát chi bộ chậm sinh hoạt",
            description = "Chỉ quản trị (admin) toàn hệ thống; mỗi chi bộ, loại và kỳ chỉ được thông báo một lần")
    public WatchRunResponse run(
            Caller caller,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        return WatchRunResponse.of(watch.runFor(caller, on));
    }
}

package vn.partycell.localstack.seed;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.partycell.localstack.seed.DemoProvincePlan.MemberPlan;
import vn.partycell.localstack.seed.DemoProvincePlan.Unit;

/**
 * The demo province's life after its members are registered, so that the README's tour shows the
 * member features: committee terms (2015–2020, 2020–2025, 2025–2030) on every cell and committee, a
 * secretary in every cell (slot 0) and a deputy in every second one (slot 2), so the composition
 * warnings are real; the first committee's secretary; in cb-01 an exemption (slot 17), an attachment
 * to cb-11 (slot 18), an official transfer to cb-02 accepted (slot 19), a reprimand (slot 15) and the
 * year's dues sheets with two members behind (slots 13, 14); in cb-02 a temporary transfer to cb-01
 * waiting for cb-01's answer (slot 16).
 *
 * <p>Every step looks first and writes only what is missing, so a run interrupted anywhere is
 * finished by the next one and nothing is written twice (the dues sheets are idempotent themselves:
 * a row already recorded the same way is skipped by member-service).
 */
final class DemoProvinceStory {

    static final String[][] TERMS = {
        {"Nhiệm kỳ 2015–2020", "2015-07-01", "2020-06-30"},
        {"Nhiệm kỳ 2020–2025", "2020-07-01", "2025-06-30"},
        {"Nhiệm kỳ 2025–2030", "2025-07-01", "2030-06-30"}
    };
    static final String ROLES_FROM = "2025-07-01";

    static final int SECRETARY = 0;
    static final int DEPUTY = 2;
    static final int BEHIND_TWO_MONTHS = 13;
    static final int BEHIND_THREE_MONTHS = 14;
    static final int REPRIMANDED = 15;
    static final int IN_TRANSIT = 16;
    static final int EXEMPTED = 17;
    static final int ATTACHED = 18;
    static final int TRANSFERRED = 19;

    /** Slots the story moves out of a cell (to another cell, or attached to one), by cell code. */
    static Set<Integer> movedOut(String cellCode) {
        return switch (cellCode) {
            case "cb-01" -> Set.of(ATTACHED, TRANSFERRED);
            case "cb-02" -> Set.of(IN_TRANSIT);
            default -> Set.of();
        };
    }

    private final GatewayApi api;
    private final JsonMapper json;
    private final DemoProvincePlan plan;
    private final Map<Unit, String> unitIds;
    private final Map<String, List<String>> memberIdsByCell;
    private final LocalDate today;
    private final PrintStream out;
    private int writes;

    DemoProvinceStory(
            GatewayApi api,
            DemoProvincePlan plan,
            Map<Unit, String> unitIds,
            Map<String, List<String>> memberIdsByCell,
            LocalDate today,
            PrintStream out) {
        this.api = api;
        this.json = api.json();
        this.plan = plan;
        this.unitIds = unitIds;
        this.memberIdsByCell = memberIdsByCell;
        this.today = today;
        this.out = out;
    }

    /** Writes what is missing; returns how many writes it made (0 when the story is already there). */
    int run(String admin) {
        List<Unit> cells = plan.units(DemoProvincePlan.Kind.CELL);
        Unit firstCommittee = plan.province().children().getFirst();
        Unit committeeSecretaryCell =
                firstCommittee.children().getLast().children().getFirst();
        Unit cb01 = cells.get(0);
        Unit cb02 = cells.get(1);
        Unit cb11 =
                cells.stream().filter(c -> c.code().equals("cb-11")).findFirst().orElse(cells.getLast());
        step("terms and roles", () -> {
            for (Unit committee : plan.province().children()) {
                terms(admin, committee);
            }
            role(admin, firstCommittee, member(committeeSecretaryCell, SECRETARY), "SECRETARY");
            for (int i = 0; i < cells.size(); i++) {
                Unit cell = cells.get(i);
                terms(admin, cell);
                role(admin, cell, member(cell, SECRETARY), "SECRETARY");
                if (i % 2 == 1) {
                    role(admin, cell, member(cell, DEPUTY), "DEPUTY_SECRETARY");
                }
            }
        });
        step("dues", () -> dues(admin, cb01));
        step("exemption", () -> exemption(admin, member(cb01, EXEMPTED)));
        step("attachment", () -> attachment(admin, member(cb01, ATTACHED), cb11));
        step("official transfer", () -> transfer(admin, member(cb01, TRANSFERRED), cb02, "OFFICIAL", true));
        step("temporary transfer", () -> transfer(admin, member(cb02, IN_TRANSIT), cb01, "TEMPORARY", false));
        step("discipline", () -> reprimand(admin, member(cb01, REPRIMANDED), cb01));
        out.printf(
                "  demo story: %d writes (terms, roles, dues, exemption, attachment, transfers, discipline)%n", writes);
        return writes;
    }

    /**
     * One step of the story. A refusal (4xx) is the story's own fault and would be refused again at
     * every start, so it is reported and the stack goes on without that step; a transient failure
     * propagates, and the next start resumes the story.
     */
    private void step(String name, Runnable step) {
        try {
            step.run();
        } catch (GatewayApi.ClientError refused) {
            out.println("  demo story: step '" + name + "' was refused and is skipped: " + refused.getMessage());
        }
    }

    private String member(Unit cell, int slot) {
        return memberIdsByCell.get(cell.code()).get(slot);
    }

    /** {@code date}, or the day the member joined if that is later (a newly admitted member). */
    private LocalDate sinceJoining(String memberId, LocalDate date) {
        for (Map.Entry<String, List<String>> cell : memberIdsByCell.entrySet()) {
            int slot = cell.getValue().indexOf(memberId);
            if (slot >= 0) {
                LocalDate joined =
                        plan.membersByCell().get(cell.getKey()).get(slot).joinedOn();
                return date.isBefore(joined) ? joined : date;
            }
        }
        return date;
    }

    private void terms(String admin, Unit unit) {
        String id = unitIds.get(unit);
        List<String> have =
                api.get("/api/v1/org-units/" + id, admin).path("terms").findValuesAsString("name");
        for (String[] term : TERMS) {
            if (!have.contains(term[0])) {
                api.post(
                        "/api/v1/org-units/" + id + "/terms",
                        admin,
                        json.createObjectNode()
                                .put("name", term[0])
                                .put("start", term[1])
                                .put("end", term[2]));
                writes++;
            }
        }
    }

    private void role(String admin, Unit unit, String memberId, String role) {
        String id = unitIds.get(unit);
        for (JsonNode held : api.get("/api/v1/org-units/" + id, admin).path("roles")) {
            if (held.path("role").asString().equals(role)
                    && held.path("memberId").asString().equals(memberId)) {
                return;
            }
        }
        api.post(
                "/api/v1/org-units/" + id + "/roles",
                admin,
                json.createObjectNode()
                        .put("memberId", memberId)
                        .put("role", role)
                        .put("from", ROLES_FROM));
        writes++;
    }

    /**
     * The cell's sheet for every month of this year up to the one before last (the last month is left
     * for the README's tour to record by hand): every member who had joined by
     * then, except the one transferred out (in another cell by now) and the one in transit; two
     * members stop paying two and three months before the last, for the missing-dues list.
     */
    private void dues(String admin, Unit cell) {
        List<MemberPlan> planned = plan.membersByCell().get(cell.code());
        List<String> ids = memberIdsByCell.get(cell.code());
        YearMonth last = YearMonth.from(today).minusMonths(2);
        for (YearMonth month = YearMonth.of(last.getYear(), 1); !month.isAfter(last); month = month.plusMonths(1)) {
            LocalDate paidOn = month.atEndOfMonth();
            ObjectNode sheet = json.createObjectNode();
            ArrayNode rows = sheet.putArray("rows");
            for (int slot = 0; slot < ids.size(); slot++) {
                boolean behind = (slot == BEHIND_TWO_MONTHS && month.isAfter(last.minusMonths(2)))
                        || (slot == BEHIND_THREE_MONTHS && month.isAfter(last.minusMonths(3)));
                if (slot == TRANSFERRED
                        || behind
                        || planned.get(slot).joinedOn().isAfter(paidOn)) {
                    continue;
                }
                rows.addObject()
                        .put("memberId", ids.get(slot))
                        .put("amount", 30_000 + 1_000L * slot)
                        .put("paidOn", paidOn.toString());
            }
            if (!rows.isEmpty()) {
                JsonNode result =
                        api.command("/api/v1/org-units/" + unitIds.get(cell) + "/dues/" + month, admin, sheet);
                writes += result.path("recorded").asInt();
            }
        }
    }

    private JsonNode memberNow(String admin, String memberId) {
        return api.get("/api/v1/members/" + memberId, admin);
    }

    private static boolean has(JsonNode member, String kind) {
        return member.path("history").findValuesAsString("kind").contains(kind);
    }

    private void exemption(String admin, String memberId) {
        if (!has(memberNow(admin, memberId), "EXEMPTION")) {
            api.command(
                    "/api/v1/members/" + memberId + "/exemptions",
                    admin,
                    json.createObjectNode()
                            .put(
                                    "from",
                                    sinceJoining(memberId, today.minusMonths(1)).toString())
                            .put("until", today.plusMonths(3).toString())
                            .put("reason", "Ốm dài ngày, điều trị tại bệnh viện tỉnh"));
            writes++;
        }
    }

    private void attachment(String admin, String memberId, Unit host) {
        if (!has(memberNow(admin, memberId), "ATTACHMENT")) {
            api.command(
                    "/api/v1/members/" + memberId + "/attachments",
                    admin,
                    json.createObjectNode()
                            .put("hostCellId", unitIds.get(host))
                            .put(
                                    "from",
                                    sinceJoining(memberId, today.minusMonths(2)).toString())
                            .put("until", today.plusMonths(4).toString())
                            .put("reason", "Đi học lớp trung cấp lý luận chính trị"));
            writes++;
        }
    }

    /** Requests the transfer unless one is recorded; with {@code accept}, answers a pending one. */
    private void transfer(String admin, String memberId, Unit to, String kind, boolean accept) {
        JsonNode member = memberNow(admin, memberId);
        if (!has(member, "TRANSFER_REQUESTED")) {
            member = api.command(
                    "/api/v1/members/" + memberId + "/transfers",
                    admin,
                    json.createObjectNode()
                            .put("toCellId", unitIds.get(to))
                            .put("kind", kind)
                            .put(
                                    "from",
                                    sinceJoining(memberId, today.minusDays(7)).toString())
                            .put("reason", "Chuyển công tác"));
            writes++;
        }
        if (accept && member.path("inTransit").asBoolean()) {
            String transferId = null;
            for (JsonNode line : member.path("history")) {
                if (line.path("kind").asString().equals("TRANSFER_REQUESTED")) {
                    transferId = line.path("entryId").asString();
                }
            }
            api.command(
                    "/api/v1/members/" + memberId + "/transfers/" + transferId + "/acceptance",
                    admin,
                    json.createObjectNode()
                            .put("effectiveOn", today.toString())
                            .put("reason", "Chi bộ đồng ý tiếp nhận"));
            writes++;
        }
    }

    private void reprimand(String admin, String memberId, Unit cell) {
        if (memberNow(admin, memberId).path("discipline").isEmpty()) {
            LocalDate decided = sinceJoining(memberId, today.minusMonths(2));
            api.command(
                    "/api/v1/members/" + memberId + "/discipline-decisions",
                    admin,
                    json.createObjectNode()
                            .put("kind", "REPRIMAND")
                            .put("decidedOn", decided.toString())
                            .put("issuingBody", cell.name())
                            .put("reason", "Nhiều lần không tham gia sinh hoạt chi bộ không có lý do")
                            .put("year", decided.getYear()));
            writes++;
        }
    }
}

package vn.partycell.localstack.seed;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.partycell.localstack.LaunchException;
import vn.partycell.localstack.seed.DemoMeetingHistoryPlan.CellHistory;
import vn.partycell.localstack.seed.DemoMeetingHistoryPlan.Meeting;
import vn.partycell.localstack.seed.DemoMeetingHistoryPlan.Remark;

/**
 * Records {@link DemoMeetingHistoryPlan} through the gateway as the dev administrator: each meeting
 * as held ({@code POST /api/v1/meetings/held}), its attendance and speakers, remarks, the resolution
 * and the full members' votes, a task for every present member, the close, the superior's grade and
 * the tasks' outcomes (done on a date, from the paper minutes, or overdue); then one run of the
 * compliance watch as of today.
 * Cells in parallel, each cell's meetings in order, after meeting-service's roster of the cell holds
 * the seeded members (it learns them from member-service's events).
 *
 * <p>Resumable: a meeting is found by cell and title before it is created; one left in progress is
 * finished (attendance is a PUT; remarks, the resolution, votes and tasks are read first and only what
 * is missing is added); a closed one gets only its missing grade and outcomes. A refusal (4xx) skips
 * that meeting and is printed; a transient failure propagates and the next start resumes.
 *
 * <p>Not recorded: the members' progress reports (only a task's owner may report, and the
 * administrator is no member); the done dates come with the outcomes, as the secretary records them
 * from paper.
 */
final class DemoMeetingHistory {

    /** How long to wait for meeting-service's rosters, and how often to look. */
    record Waits(Duration rosterTimeout, Duration rosterPoll) {
        static final Waits DEFAULT = new Waits(Duration.ofMinutes(3), Duration.ofMillis(500));
    }

    private final GatewayApi api;
    private final JsonMapper json;
    private final DemoMeetingHistoryPlan plan;
    private final Map<String, String> cellIds;
    private final Map<String, List<String>> memberIdsByCell;
    private final LocalDate today;
    private final ExecutorService pool;
    private final Waits waits;
    private final PrintStream out;
    private final AtomicInteger writes = new AtomicInteger();

    DemoMeetingHistory(
            GatewayApi api,
            DemoMeetingHistoryPlan plan,
            Map<String, String> cellIds,
            Map<String, List<String>> memberIdsByCell,
            LocalDate today,
            ExecutorService pool,
            Waits waits,
            PrintStream out) {
        this.api = api;
        this.json = api.json();
        this.plan = plan;
        this.cellIds = cellIds;
        this.memberIdsByCell = memberIdsByCell;
        this.today = today;
        this.pool = pool;
        this.waits = waits;
        this.out = out;
    }

    /** Writes what is missing; returns how many writes it made (0 when the history is already there). */
    int run(String admin) {
        long begun = System.nanoTime();
        List<int[]> counts = DemoProvinceSeeder.inParallel(pool, plan.cells(), cell -> cell(admin, cell));
        int recorded = counts.stream().mapToInt(c -> c[0]).sum();
        int found = counts.stream().mapToInt(c -> c[1]).sum();
        try {
            JsonNode watch = api.command("/api/v1/compliance/watch-runs?on=" + today, admin, json.createObjectNode());
            writes.incrementAndGet();
            out.printf(
                    "  compliance watch as of %s: %d cells checked, %d overdue, %d newly published%n",
                    today,
                    watch.path("cellsChecked").asLong(),
                    watch.path("overdue").asLong(),
                    watch.path("published").asLong());
        } catch (GatewayApi.ClientError refused) {
            out.println("  meeting history: the compliance watch run was refused: " + refused.getMessage());
        }
        out.printf(
                "  meeting history: %d meetings recorded, %d found, in %d cells; %d writes (%d s)%n",
                recorded, found, plan.cells().size(), writes.get(), (System.nanoTime() - begun) / 1_000_000_000L);
        return writes.get();
    }

    /** One roster entry as meeting-service shows it, with the member's slot in the plan (-1: unknown). */
    private record OnRoster(String memberId, int slot, boolean exempted, boolean mayVote) {}

    /** One attendance line to send. */
    private record Line(OnRoster member, String status, String reason, boolean spoke) {

        boolean present() {
            return status.equals("PRESENT");
        }
    }

    /** {recorded, found} */
    private int[] cell(String admin, CellHistory history) {
        String code = history.cell().code();
        String cellId = cellIds.get(code);
        List<OnRoster> roster = awaitRoster(admin, code, cellId);
        Map<String, JsonNode> existing = existingMeetings(admin, cellId);
        int recorded = 0;
        int found = 0;
        for (Meeting meeting : history.meetings()) {
            try {
                JsonNode held = existing.get(meeting.title());
                boolean fresh = held == null;
                if (fresh) {
                    held = api.post("/api/v1/meetings/held", admin, heldBody(meeting, cellId));
                    writes.incrementAndGet();
                    recorded++;
                } else {
                    found++;
                }
                finish(admin, meeting, held, fresh, roster);
            } catch (GatewayApi.ClientError refused) {
                out.println("  meeting history: " + code + " '" + meeting.title() + "' was refused and is skipped: "
                        + refused.getMessage());
            }
        }
        out.printf("  meeting history %s: %d meetings recorded, %d found%n", code, recorded, found);
        return new int[] {recorded, found};
    }

    /** Polls the cell's roster until every seeded member still in the cell is on it. */
    private List<OnRoster> awaitRoster(String admin, String code, String cellId) {
        List<String> ids = memberIdsByCell.get(code);
        Set<String> expected = new HashSet<>();
        Set<Integer> moved = DemoProvinceStory.movedOut(code);
        for (int slot = 0; slot < ids.size(); slot++) {
            if (!moved.contains(slot)) {
                expected.add(ids.get(slot));
            }
        }
        long deadline = System.nanoTime() + waits.rosterTimeout().toNanos();
        while (true) {
            List<OnRoster> roster = new ArrayList<>();
            try {
                for (JsonNode entry :
                        api.get("/api/v1/cells/" + cellId + "/roster", admin).path("members")) {
                    String status = entry.path("status").asString();
                    if (status.equals("FULL") || status.equals("PROBATIONARY")) {
                        String id = entry.path("memberId").asString();
                        roster.add(new OnRoster(
                                id,
                                ids.indexOf(id),
                                entry.path("exempted").asBoolean(),
                                entry.path("mayVote").asBoolean()));
                    }
                }
            } catch (GatewayApi.ClientError notYet) {
                if (notYet.status() != 404) { // the cell itself not known yet
                    throw notYet;
                }
            }
            long have =
                    roster.stream().filter(m -> expected.contains(m.memberId())).count();
            if (have == expected.size()) {
                return roster;
            }
            if (System.nanoTime() > deadline) {
                throw new LaunchException("meeting-service's roster of " + code + " holds " + have + " of its "
                        + expected.size() + " members after "
                        + waits.rosterTimeout().toSeconds()
                        + " s (member events not consumed yet?); the next start resumes the meeting history");
            }
            try {
                Thread.sleep(waits.rosterPoll().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LaunchException("Interrupted while waiting for the roster of " + code, e);
            }
        }
    }

    private Map<String, JsonNode> existingMeetings(String admin, String cellId) {
        Map<String, JsonNode> byTitle = new HashMap<>();
        for (int page = 0; ; page++) {
            JsonNode answer = api.get("/api/v1/meetings?cellId=" + cellId + "&page=" + page + "&size=100", admin);
            for (JsonNode meeting : answer.path("content")) {
                byTitle.putIfAbsent(meeting.path("title").asString(), meeting);
            }
            if (page + 1 >= answer.path("page").path("totalPages").asInt()) {
                return byTitle;
            }
        }
    }

    private ObjectNode heldBody(Meeting meeting, String cellId) {
        ObjectNode body = json.createObjectNode()
                .put("cellId", cellId)
                .put("kind", meeting.kind().name())
                .put("title", meeting.title())
                .put("startsAt", meeting.startsAt().toString())
                .put("place", meeting.place())
                .put("draftResolution", meeting.draftResolution());
        if (meeting.topic() != null) {
            body.put("topic", meeting.topic());
        }
        ArrayNode agenda = body.putArray("agenda");
        meeting.agenda().forEach(agenda::add);
        return body;
    }

    private List<Line> attendance(Meeting meeting, List<OnRoster> roster) {
        List<Line> lines = new ArrayList<>();
        for (OnRoster member : roster) {
            if (member.exempted()) {
                continue; // exempted from activities: no line expected
            }
            DemoMeetingHistoryPlan.Absence absence = meeting.absences().get(member.slot());
            lines.add(
                    absence == null
                            ? new Line(
                                    member, "PRESENT", null, meeting.speakers().contains(member.slot()))
                            : new Line(member, absence.status(), absence.reason(), false));
        }
        return lines;
    }

    private void finish(String admin, Meeting meeting, JsonNode held, boolean fresh, List<OnRoster> roster) {
        String id = held.path("id").asString();
        String status = held.path("status").asString();
        if (status.equals("CLOSED")) {
            afterClose(admin, meeting, id, false, null);
            return;
        }
        if (!status.equals("IN_PROGRESS")) {
            out.println("  meeting history: '" + meeting.title() + "' is " + status + " and is left as it is");
            return;
        }
        String base = "/api/v1/meetings/" + id;
        List<Line> lines = attendance(meeting, roster);
        if (fresh || !recorded(held.path("attendance"), lines)) {
            ObjectNode body = json.createObjectNode();
            ArrayNode entries = body.putArray("entries");
            for (Line line : lines) {
                ObjectNode entry = entries.addObject()
                        .put("memberId", line.member().memberId())
                        .put("status", line.status())
                        .put("spoke", line.spoke());
                if (line.reason() != null) {
                    entry.put("reason", line.reason());
                }
            }
            api.put(base + "/attendance", admin, body);
            writes.incrementAndGet();
        }

        JsonNode proceedings = fresh ? json.createObjectNode() : api.get(base + "/proceedings", admin);
        List<String> ids = memberIdsByCell.get(meeting.cellCode());
        // Remarks only for members on the attendance list (an exempted member has no line).
        Set<String> listed = new HashSet<>();
        lines.forEach(line -> listed.add(line.member().memberId()));
        for (Remark remark : meeting.remarks()) {
            String memberId = ids.get(remark.slot());
            boolean there = false;
            for (JsonNode done : proceedings.path("remarks")) {
                there |= done.path("kind").asString().equals(remark.kind())
                        && done.path("memberId").asString().equals(memberId);
            }
            if (!there && listed.contains(memberId)) {
                api.command(
                        base + "/proceedings/remarks",
                        admin,
                        json.createObjectNode()
                                .put("kind", remark.kind())
                                .put("memberId", memberId)
                                .put("reason", remark.reason()));
                writes.incrementAndGet();
            }
        }
        JsonNode resolution = resolution(proceedings, meeting.resolutionTitle());
        if (resolution == null) {
            JsonNode answer = api.post(
                    base + "/proceedings/resolutions",
                    admin,
                    json.createObjectNode()
                            .put("title", meeting.resolutionTitle())
                            .put("text", meeting.resolutionText()));
            writes.incrementAndGet();
            resolution = resolution(answer, meeting.resolutionTitle());
            if (resolution == null) {
                throw new LaunchException("The resolution just proposed is not in the proceedings: " + answer);
            }
        }
        Set<String> voted = new HashSet<>(resolution.findValuesAsString("memberId"));
        ObjectNode votes = json.createObjectNode();
        ArrayNode ballots = votes.putArray("ballots");
        for (Line line : lines) {
            if (line.present()
                    && line.member().mayVote()
                    && !voted.contains(line.member().memberId())) {
                ballots.addObject()
                        .put("memberId", line.member().memberId())
                        .put(
                                "choice",
                                meeting.abstaining().contains(line.member().slot()) ? "ABSTAIN" : "FOR");
            }
        }
        if (!ballots.isEmpty()) {
            api.command(
                    base + "/proceedings/resolutions/" + resolution.path("id").asString() + "/votes", admin, votes);
            writes.incrementAndGet();
        }

        List<JsonNode> tasks = new ArrayList<>();
        Set<String> owners = new HashSet<>();
        if (!fresh) {
            for (JsonNode task : api.get(base + "/tasks", admin).path("tasks")) {
                tasks.add(task);
                owners.add(task.path("ownerId").asString());
            }
        }
        for (Line line : lines) {
            if (line.present() && !owners.contains(line.member().memberId())) {
                DemoMeetingHistoryPlan.Task task = meeting.task(line.member().slot());
                tasks.add(api.post(
                        base + "/tasks",
                        admin,
                        json.createObjectNode()
                                .put("ownerId", line.member().memberId())
                                .put("title", task.title())
                                .put("dueOn", task.dueOn().toString())));
                writes.incrementAndGet();
            }
        }
        api.command(base + "/close", admin, json.createObjectNode());
        writes.incrementAndGet();
        afterClose(admin, meeting, id, true, tasks);
    }

    private static JsonNode resolution(JsonNode proceedings, String title) {
        for (JsonNode resolution : proceedings.path("resolutions")) {
            if (resolution.path("title").asString().equals(title)) {
                return resolution;
            }
        }
        return null;
    }

    /** Whether the meeting's attendance already has every line (same member and status). */
    private static boolean recorded(JsonNode attendance, List<Line> lines) {
        Map<String, String> have = new LinkedHashMap<>();
        attendance.forEach(
                a -> have.put(a.path("memberId").asString(), a.path("status").asString()));
        return lines.stream()
                .allMatch(l -> l.status().equals(have.get(l.member().memberId())));
    }

    /** The grade if the plan has one and the meeting has none; the tasks' outcomes not confirmed yet. */
    private void afterClose(String admin, Meeting meeting, String id, boolean justClosed, List<JsonNode> tasks) {
        String base = "/api/v1/meetings/" + id;
        if (meeting.grade() != null && (justClosed || !graded(admin, base))) {
            api.post(
                    base + "/grade",
                    admin,
                    json.createObjectNode()
                            .put("grade", meeting.grade().grade())
                            .put("comment", meeting.grade().comment())
                            .put("attended", meeting.grade().attended()));
            writes.incrementAndGet();
        }
        if (meeting.overdue().isEmpty() && meeting.done().isEmpty()) {
            return;
        }
        List<JsonNode> sheet = tasks;
        if (sheet == null) {
            sheet = new ArrayList<>();
            api.get(base + "/tasks", admin).path("tasks").forEach(sheet::add);
        }
        List<String> ids = memberIdsByCell.get(meeting.cellCode());
        for (JsonNode task : sheet) {
            if (!task.path("outcomes").isEmpty()) {
                continue;
            }
            int slot = ids.indexOf(task.path("ownerId").asString());
            boolean due = LocalDate.parse(task.path("dueOn").asString()).isBefore(today);
            DemoMeetingHistoryPlan.Done done = meeting.done().get(slot);
            ObjectNode outcome = json.createObjectNode();
            if (meeting.overdue().contains(slot) && due) {
                outcome.put("beyondAsked", false).put("note", "Đảng viên chưa hoàn thành nhiệm vụ, đã quá hạn");
            } else if (done != null) {
                outcome.put("beyondAsked", done.beyondAsked())
                        .put("note", "Theo biên bản sinh hoạt chi bộ kỳ sau")
                        .put("doneOn", done.doneOn().toString());
            } else {
                continue;
            }
            api.command("/api/v1/tasks/" + task.path("id").asString() + "/outcome", admin, outcome);
            writes.incrementAndGet();
        }
    }

    private boolean graded(String admin, String base) {
        try {
            api.get(base + "/grade", admin);
            return true;
        } catch (GatewayApi.ClientError notGraded) {
            if (notGraded.status() == 404) {
                return false;
            }
            throw notGraded;
        }
    }
}

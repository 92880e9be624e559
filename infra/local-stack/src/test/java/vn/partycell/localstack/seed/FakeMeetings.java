package vn.partycell.localstack.seed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.partycell.localstack.seed.FakeGateway.Reply;

/**
 * meeting-service as the meeting history sees it, written from its controllers and the spec of
 * {@code POST /api/v1/meetings/held}: a cell's roster (from the fake's members), meetings held and
 * their attendance, remarks, resolutions and votes, tasks and their outcomes, close, grade, and the
 * compliance watch run. It checks what the real service checks on these paths (required fields,
 * enums, the date windows, present members, full members voting once, a task for every present member
 * before closing, one grade) and answers 400/409/422 problems. Calls are serialised (one lock).
 */
final class FakeMeetings {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Set<String> HELD_FIELDS =
            Set.of("cellId", "kind", "title", "topic", "startsAt", "place", "agenda", "agendaItems", "draftResolution");
    private static final Set<String> KINDS = Set.of("REGULAR", "THEMATIC", "EXTRAORDINARY", "CONGRESS");
    private static final Set<String> ATTENDANCE = Set.of("PRESENT", "LATE", "EXCUSED", "ABSENT");
    private static final Set<String> GRADES = Set.of("GOOD", "FAIR", "AVERAGE", "POOR");

    private final FakeGateway gateway;
    private final JsonMapper json;

    final Map<String, ObjectNode> meetings = new LinkedHashMap<>();
    final Map<String, ObjectNode> proceedings = new LinkedHashMap<>();
    final Map<String, ObjectNode> tasks = new LinkedHashMap<>();
    final Map<String, ObjectNode> grades = new LinkedHashMap<>();
    /** Every write (POST, PUT) answered with success, as "METHOD path". */
    final List<String> writes = new ArrayList<>();
    /** Every request to these paths. */
    final AtomicInteger requests = new AtomicInteger();

    /** Writes answer 503 once this many were made (-1: never): a start stopped mid-history. */
    volatile int unavailableAfterWrites = -1;
    /** Held meetings refused with 422. */
    volatile Predicate<JsonNode> refuseHeld = body -> false;
    /** The roster answers 404 this many times first (meeting-service not caught up yet). */
    final AtomicInteger rosterMissingFirst = new AtomicInteger();

    FakeMeetings(FakeGateway gateway) {
        this.gateway = gateway;
        this.json = gateway.json;
    }

    static boolean handles(String path) {
        return path.startsWith("/api/v1/meetings")
                || path.startsWith("/api/v1/tasks/")
                || path.startsWith("/api/v1/compliance/")
                || path.startsWith("/api/v1/cells/");
    }

    synchronized Reply reply(String method, String path, Map<String, String> query, JsonNode body) {
        requests.incrementAndGet();
        boolean write = !method.equals("GET");
        if (write && unavailableAfterWrites >= 0 && writes.size() >= unavailableAfterWrites) {
            return problem(503, "tạm thời không phục vụ");
        }
        Reply reply = route(method, path.split("/"), query, body);
        if (write && reply.status() < 300) {
            writes.add(method + " " + path);
        }
        return reply;
    }

    private Reply route(String method, String[] p, Map<String, String> query, JsonNode body) {
        // p: "", "api", "v1", resource, ...
        String resource = p[3];
        if (resource.equals("cells") && p.length == 6 && p[5].equals("roster") && method.equals("GET")) {
            return roster(p[4]);
        }
        if (resource.equals("compliance") && p.length == 5 && p[4].equals("watch-runs") && method.equals("POST")) {
            return watchRun(query.get("on"));
        }
        if (resource.equals("meetings") && p.length == 4 && method.equals("GET")) {
            return list(query);
        }
        if (resource.equals("meetings") && p.length == 5 && p[4].equals("held") && method.equals("POST")) {
            return held(body);
        }
        if (resource.equals("tasks") && p.length == 6) {
            ObjectNode task = tasks.get(p[4]);
            if (task == null) {
                return problem(404, "không tìm thấy nhiệm vụ");
            }
            return switch (method + " " + p[5]) {
                case "POST outcome" -> outcome(task, body);
                case "POST reports" -> problem(403, "Chỉ người được giao mới báo cáo tiến độ nhiệm vụ");
                default -> problem(404, "không có " + method + " " + String.join("/", p));
            };
        }
        if (!resource.equals("meetings") || p.length < 5) {
            return problem(404, "không có " + method + " " + String.join("/", p));
        }
        ObjectNode meeting = meetings.get(p[4]);
        if (meeting == null) {
            return problem(404, "không tìm thấy buổi sinh hoạt");
        }
        String sub = String.join("/", java.util.Arrays.copyOfRange(p, 5, p.length));
        if (sub.startsWith("proceedings/resolutions/") && sub.endsWith("/votes") && method.equals("POST")) {
            return votes(meeting, p[7], body);
        }
        return switch (method + " " + sub) {
            case "GET " -> new Reply(200, meeting);
            case "PUT attendance" -> attendance(meeting, body);
            case "GET proceedings" -> new Reply(200, proceedingsOf(meeting));
            case "POST proceedings/remarks" -> remark(meeting, body);
            case "POST proceedings/resolutions" -> resolution(meeting, body);
            case "GET tasks" -> sheet(meeting);
            case "POST tasks" -> assign(meeting, body);
            case "POST close" -> close(meeting);
            case "GET grade" ->
                grades.containsKey(id(meeting))
                        ? new Reply(200, grades.get(id(meeting)))
                        : problem(404, "không tìm thấy kết quả đánh giá buổi sinh hoạt");
            case "POST grade" -> grade(meeting, body);
            default -> problem(404, "không có " + method + " " + sub);
        };
    }

    // --- roster -------------------------------------------------------------------------------

    /** The cell's roster: the fake's members of the cell; exempted by the flag or by an exemption. */
    private List<ObjectNode> rosterOf(String cellId) {
        List<ObjectNode> roster = new ArrayList<>();
        for (ObjectNode member : gateway.members.values()) {
            if (member.path("cellId").asString().equals(cellId)) {
                boolean full = member.path("status").asString().equals("FULL");
                boolean exempted = member.path("exempted").asBoolean()
                        || member.path("history").findValuesAsString("kind").contains("EXEMPTION");
                roster.add(json.createObjectNode()
                        .put("memberId", member.path("id").asString())
                        .put("fullName", member.path("fullName").asString())
                        .put("status", member.path("status").asString())
                        .put("exempted", exempted)
                        .put("countsForQuorum", full && !exempted)
                        .put("mayVote", full));
            }
        }
        return roster;
    }

    private Reply roster(String cellId) {
        ObjectNode cell = gateway.units.get(cellId);
        if (cell == null
                || !cell.path("kind").asString().equals("CELL")
                || rosterMissingFirst.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return problem(404, "không tìm thấy chi bộ");
        }
        ObjectNode answer = json.createObjectNode().put("cellId", cellId);
        answer.putArray("members").addAll(rosterOf(cellId));
        return new Reply(200, answer);
    }

    private ObjectNode onRoster(ObjectNode meeting, String memberId) {
        return rosterOf(meeting.path("cellId").asString()).stream()
                .filter(m -> m.path("memberId").asString().equals(memberId))
                .findFirst()
                .orElse(null);
    }

    // --- meetings -----------------------------------------------------------------------------

    private Reply list(Map<String, String> query) {
        int page = Integer.parseInt(query.getOrDefault("page", "0"));
        int size = Integer.parseInt(query.getOrDefault("size", "20"));
        if (page < 0 || size < 1 || size > 200) {
            return problem(400, "page/size ngoài khoảng cho phép");
        }
        List<ObjectNode> found = meetings.values().stream()
                .filter(m -> !query.containsKey("cellId")
                        || m.path("cellId").asString().equals(query.get("cellId")))
                .sorted(Comparator.comparing(
                                (ObjectNode m) -> m.path("startsAt").asString())
                        .reversed())
                .toList();
        ObjectNode answer = json.createObjectNode();
        answer.putArray("content")
                .addAll(found.stream().skip((long) page * size).limit(size).toList());
        answer.putObject("page")
                .put("size", size)
                .put("number", page)
                .put("totalElements", found.size())
                .put("totalPages", (found.size() + size - 1) / size);
        return new Reply(200, answer);
    }

    private Reply held(JsonNode body) {
        List<String> errors = new ArrayList<>();
        body.propertyNames().forEach(field -> {
            if (!HELD_FIELDS.contains(field)) {
                errors.add(field + ": trường không có trong API");
            }
        });
        ObjectNode cell = gateway.units.get(text(body, "cellId"));
        if (cell == null || !cell.path("kind").asString().equals("CELL")) {
            errors.add("cellId: phải là một chi bộ");
        }
        String kind = text(body, "kind");
        if (!KINDS.contains(String.valueOf(kind))) {
            errors.add("kind: không hợp lệ");
        }
        requireText(body, "title", 200, errors);
        requireText(body, "place", 300, errors);
        boolean agenda = body.path("agenda").isArray() && !body.path("agenda").isEmpty();
        boolean items =
                body.path("agendaItems").isArray() && !body.path("agendaItems").isEmpty();
        if (agenda == items) {
            errors.add("agenda: cần agenda hoặc agendaItems (một trong hai)");
        }
        body.path("agenda").forEach(item -> {
            if (!item.isString() || item.asString().isBlank() || item.asString().length() > 500) {
                errors.add("agenda: nội dung không hợp lệ");
            }
        });
        if (text(body, "topic") != null && text(body, "topic").length() > 300) {
            errors.add("topic: tối đa 300 ký tự");
        }
        if (text(body, "draftResolution") != null
                && text(body, "draftResolution").length() > 20000) {
            errors.add("draftResolution: tối đa 20000 ký tự");
        }
        Instant startsAt = null;
        try {
            startsAt = Instant.parse(String.valueOf(text(body, "startsAt")));
            Instant now = Instant.now();
            if (!startsAt.isBefore(now)
                    || startsAt.isBefore(
                            ZonedDateTime.now(VIETNAM).minusMonths(13).toInstant())) {
                errors.add("startsAt: phải ở quá khứ, không sớm hơn 13 tháng trước");
            }
        } catch (DateTimeParseException invalid) {
            errors.add("startsAt: ISO-8601");
        }
        if (!errors.isEmpty()) {
            return problem(400, "Dữ liệu không hợp lệ: " + errors);
        }
        if (kind.equals("THEMATIC")
                && (text(body, "topic") == null || text(body, "topic").isBlank())) {
            return problem(422, "Sinh hoạt chuyên đề cần có chuyên đề");
        }
        if (refuseHeld.test(body)) {
            return problem(422, "bị từ chối trong bài kiểm thử");
        }
        String id = UUID.randomUUID().toString();
        ObjectNode meeting = ((ObjectNode) body.deepCopy())
                .put("id", id)
                .put("orgPath", cell.path("orgPath").asString())
                .put("status", "IN_PROGRESS")
                .put("startedAt", startsAt.toString())
                .put("version", 1);
        meeting.putArray("attendance");
        meetings.put(id, meeting);
        return new Reply(201, meeting);
    }

    private Reply attendance(ObjectNode meeting, JsonNode body) {
        Reply notHeld = requireInProgress(meeting);
        if (notHeld != null) {
            return notHeld;
        }
        JsonNode entries = body.path("entries");
        if (!entries.isArray() || entries.isEmpty() || entries.size() > 500) {
            return problem(400, "entries: cần 1..500 dòng điểm danh");
        }
        Map<String, JsonNode> next = new LinkedHashMap<>();
        meeting.path("attendance").forEach(a -> next.put(a.path("memberId").asString(), a));
        Set<String> seen = new HashSet<>();
        for (JsonNode entry : entries) {
            String memberId = text(entry, "memberId");
            String status = text(entry, "status");
            if (memberId == null || !ATTENDANCE.contains(String.valueOf(status))) {
                return problem(400, "memberId và status (PRESENT, LATE, EXCUSED, ABSENT) bắt buộc");
            }
            boolean attended = status.equals("PRESENT") || status.equals("LATE");
            if (!seen.add(memberId)
                    || onRoster(meeting, memberId) == null
                    || (status.equals("EXCUSED") && text(entry, "reason") == null)
                    || (entry.path("spoke").asBoolean() && !attended)) {
                return problem(422, "Có dòng điểm danh không hợp lệ: " + entry);
            }
            next.put(memberId, entry);
        }
        ArrayNode lines = meeting.putArray("attendance");
        next.values().forEach(lines::add);
        bump(meeting);
        return new Reply(200, meeting);
    }

    private Reply close(ObjectNode meeting) {
        Reply notHeld = requireInProgress(meeting);
        if (notHeld != null) {
            return notHeld;
        }
        List<String> missing = new ArrayList<>();
        int eligible = 0;
        int present = 0;
        for (ObjectNode member : rosterOf(meeting.path("cellId").asString())) {
            if (member.path("exempted").asBoolean()) {
                continue;
            }
            JsonNode line = line(meeting, member.path("memberId").asString());
            if (line == null) {
                missing.add(member.path("memberId").asString());
            } else if (member.path("countsForQuorum").asBoolean()) {
                eligible++;
                present += attended(line) ? 1 : 0;
            }
        }
        if (!missing.isEmpty()) {
            return problem(422, "attendance-incomplete: chưa điểm danh " + missing);
        }
        if (present * 2 <= eligible) {
            return problem(422, "quorum-not-met: " + present + "/" + eligible);
        }
        List<String> withoutTask = withoutTask(meeting);
        if (!withoutTask.isEmpty()) {
            return problem(422, "tasks-missing: " + withoutTask);
        }
        meeting.put("status", "CLOSED").put("closedAt", Instant.now().toString());
        bump(meeting);
        return new Reply(200, meeting);
    }

    private Reply grade(ObjectNode meeting, JsonNode body) {
        String status = meeting.path("status").asString();
        if (!status.equals("CLOSED") && !status.equals("IN_PROGRESS")) {
            return problem(422, "chỉ buổi đang diễn ra hoặc đã kết thúc");
        }
        if (text(body, "grade") == null || !body.path("attended").isBoolean()) {
            return problem(400, "grade và attended bắt buộc");
        }
        if (text(body, "comment") != null && text(body, "comment").length() > 2000) {
            return problem(400, "comment: tối đa 2000 ký tự");
        }
        if (!GRADES.contains(text(body, "grade"))) {
            return problem(422, "grade: không có trong thang của năm");
        }
        if (grades.containsKey(id(meeting))) {
            return problem(409, "meeting-already-graded");
        }
        ObjectNode grade = json.createObjectNode()
                .put("meetingId", id(meeting))
                .put("grade", text(body, "grade"))
                .put("version", 1);
        grade.putArray("records").add(body);
        grades.put(id(meeting), grade);
        return new Reply(201, grade);
    }

    // --- proceedings --------------------------------------------------------------------------

    private ObjectNode proceedingsOf(ObjectNode meeting) {
        return proceedings.computeIfAbsent(id(meeting), id -> {
            ObjectNode p = json.createObjectNode().put("meetingId", id).put("version", 0);
            p.putArray("speeches");
            p.putArray("remarks");
            p.putArray("resolutions");
            return p;
        });
    }

    private Reply remark(ObjectNode meeting, JsonNode body) {
        Reply notHeld = requireInProgress(meeting);
        if (notHeld != null) {
            return notHeld;
        }
        String kind = text(body, "kind");
        if (!Set.of("COMMENDATION", "CRITICISM").contains(String.valueOf(kind))
                || text(body, "memberId") == null
                || text(body, "reason") == null
                || text(body, "reason").isBlank()
                || text(body, "reason").length() > 500) {
            return problem(400, "kind, memberId và reason bắt buộc");
        }
        if (onRoster(meeting, text(body, "memberId")) == null) {
            return problem(422, "not-on-roster");
        }
        ObjectNode p = proceedingsOf(meeting);
        ((ArrayNode) p.get("remarks")).add(body);
        bump(p);
        return new Reply(200, p);
    }

    private Reply resolution(ObjectNode meeting, JsonNode body) {
        Reply notHeld = requireInProgress(meeting);
        if (notHeld != null) {
            return notHeld;
        }
        String title = text(body, "title");
        if (title == null || title.isBlank() || title.length() > 300) {
            return problem(400, "title: bắt buộc, tối đa 300 ký tự");
        }
        ObjectNode p = proceedingsOf(meeting);
        ObjectNode resolution = ((ArrayNode) p.get("resolutions"))
                .addObject()
                .put("id", UUID.randomUUID().toString())
                .put("title", title)
                .put("text", text(body, "text"));
        resolution.putArray("ballots");
        bump(p);
        return new Reply(201, p);
    }

    private Reply votes(ObjectNode meeting, String resolutionId, JsonNode body) {
        Reply notHeld = requireInProgress(meeting);
        if (notHeld != null) {
            return notHeld;
        }
        ObjectNode p = proceedingsOf(meeting);
        ObjectNode resolution = null;
        for (JsonNode r : p.path("resolutions")) {
            if (r.path("id").asString().equals(resolutionId)) {
                resolution = (ObjectNode) r;
            }
        }
        if (resolution == null) {
            return problem(422, "resolution-not-found");
        }
        JsonNode ballots = body.path("ballots");
        if (!ballots.isArray() || ballots.isEmpty()) {
            return problem(400, "ballots: cần ít nhất một phiếu");
        }
        Set<String> voted = new HashSet<>(resolution.findValuesAsString("memberId"));
        for (JsonNode ballot : ballots) {
            String voter = text(ballot, "memberId");
            ObjectNode member = onRoster(meeting, voter);
            JsonNode line = line(meeting, voter);
            if (!Set.of("FOR", "AGAINST", "ABSTAIN").contains(String.valueOf(text(ballot, "choice")))) {
                return problem(400, "choice: FOR, AGAINST, ABSTAIN");
            }
            if (member == null || !member.path("mayVote").asBoolean() || line == null || !attended(line)) {
                return problem(422, "votes-invalid: " + voter + " không được biểu quyết");
            }
            if (!voted.add(voter)) {
                return problem(422, "votes-invalid: " + voter + " đã biểu quyết");
            }
        }
        ArrayNode all = (ArrayNode) resolution.get("ballots");
        ballots.forEach(all::add);
        long eligible = rosterOf(meeting.path("cellId").asString()).stream()
                .filter(m -> m.path("countsForQuorum").asBoolean())
                .count();
        long votesFor =
                all.findValuesAsString("choice").stream().filter("FOR"::equals).count();
        resolution.put("eligible", eligible).put("votesFor", votesFor).put("passed", votesFor * 2 > eligible);
        bump(p);
        return new Reply(200, p);
    }

    // --- tasks --------------------------------------------------------------------------------

    private List<ObjectNode> tasksOf(ObjectNode meeting) {
        return tasks.values().stream()
                .filter(t -> t.path("meetingId").asString().equals(id(meeting)))
                .toList();
    }

    private List<String> withoutTask(ObjectNode meeting) {
        Set<String> owners = new HashSet<>();
        tasksOf(meeting).forEach(t -> owners.add(t.path("ownerId").asString()));
        List<String> without = new ArrayList<>();
        meeting.path("attendance").forEach(line -> {
            if (attended(line) && !owners.contains(line.path("memberId").asString())) {
                without.add(line.path("memberId").asString());
            }
        });
        return without;
    }

    private Reply sheet(ObjectNode meeting) {
        ObjectNode sheet = json.createObjectNode().put("meetingId", id(meeting));
        sheet.putArray("tasks").addAll(tasksOf(meeting));
        sheet.putArray("waivers");
        ArrayNode without = sheet.putArray("withoutTask");
        withoutTask(meeting).forEach(id -> without.addObject().put("memberId", id));
        return new Reply(200, sheet);
    }

    private Reply assign(ObjectNode meeting, JsonNode body) {
        LocalDate today = LocalDate.now(VIETNAM);
        String owner = text(body, "ownerId");
        String title = text(body, "title");
        LocalDate dueOn;
        try {
            dueOn = LocalDate.parse(String.valueOf(text(body, "dueOn")));
        } catch (DateTimeParseException invalid) {
            return problem(400, "dueOn: bắt buộc (yyyy-MM-dd)");
        }
        if (owner == null || title == null || title.isBlank() || title.length() > 200) {
            return problem(400, "ownerId và title bắt buộc");
        }
        if (dueOn.isBefore(today.minusYears(1)) || dueOn.isAfter(today.plusYears(2))) {
            return problem(400, "dueOn: từ một năm trước đến hai năm tới");
        }
        Reply notHeld = requireInProgress(meeting);
        if (notHeld != null) {
            return notHeld;
        }
        LocalDate meetingDay = Instant.parse(meeting.path("startsAt").asString())
                .atZone(VIETNAM)
                .toLocalDate();
        if (dueOn.isBefore(meetingDay)) {
            return problem(422, "due-before-meeting");
        }
        JsonNode line = line(meeting, owner);
        if (onRoster(meeting, owner) == null || line == null || !attended(line)) {
            return problem(422, "owner-not-present");
        }
        String id = UUID.randomUUID().toString();
        ObjectNode task = json.createObjectNode()
                .put("id", id)
                .put("meetingId", id(meeting))
                .put("cellId", meeting.path("cellId").asString())
                .put("ownerId", owner)
                // A held meeting's task was assigned at the meeting (meeting-service's rule).
                .put("assignedOn", meetingDay.toString())
                .put("title", title)
                .put("dueOn", dueOn.toString())
                .put("open", true)
                .put("version", 1);
        task.putArray("reports");
        task.putArray("outcomes");
        tasks.put(id, task);
        return new Reply(201, task);
    }

    /**
     * No reports can be made by the admin: an outcome takes the done date the secretary records
     * ({@code doneOn}: from the day the task was assigned to today; on time or late against the due
     * date), else it is overdue once the due date is past.
     */
    private Reply outcome(ObjectNode task, JsonNode body) {
        if (!body.path("beyondAsked").isBoolean()) {
            return problem(400, "beyondAsked: bắt buộc");
        }
        LocalDate today = LocalDate.now(VIETNAM);
        LocalDate doneOn = null;
        if (body.hasNonNull("doneOn")) {
            try {
                doneOn = LocalDate.parse(body.path("doneOn").asString());
            } catch (DateTimeParseException invalid) {
                return problem(400, "doneOn: yyyy-MM-dd");
            }
            if (doneOn.isAfter(today)) {
                return problem(400, "doneOn: không được sau hôm nay");
            }
        }
        if (!task.path("outcomes").isEmpty()) {
            return problem(409, "task-outcome-confirmed");
        }
        if (task.path("reports").findValuesAsString("progress").contains("DONE")) {
            return problem(500, "the fake records no reports");
        }
        LocalDate dueOn = LocalDate.parse(task.path("dueOn").asString());
        if (doneOn != null
                && doneOn.isBefore(LocalDate.parse(task.path("assignedOn").asString()))) {
            return problem(422, "done-date-invalid (doneOn)");
        }
        if (doneOn == null && !today.isAfter(dueOn)) {
            return problem(422, "task-not-done");
        }
        if (doneOn == null && body.path("beyondAsked").asBoolean()) {
            return problem(422, "beyond-asked-not-done");
        }
        String timing = doneOn == null ? "OVERDUE" : doneOn.isAfter(dueOn) ? "LATE" : "ON_TIME";
        ObjectNode outcome = ((ArrayNode) task.get("outcomes"))
                .addObject()
                .put("timing", timing)
                .put("beyondAsked", body.path("beyondAsked").asBoolean());
        if (doneOn != null) {
            outcome.put("doneOn", doneOn.toString());
        }
        task.put("outcome", timing).put("open", false);
        bump(task);
        return new Reply(200, task);
    }

    // --- compliance ---------------------------------------------------------------------------

    final List<String> watchRuns = new ArrayList<>();

    private Reply watchRun(String on) {
        LocalDate today = LocalDate.now(VIETNAM);
        LocalDate day = on == null ? today : LocalDate.parse(on);
        if (day.isAfter(today)) {
            return problem(400, "on: không được là ngày trong tương lai");
        }
        watchRuns.add(day.toString());
        return new Reply(
                200,
                json.createObjectNode()
                        .put("ran", true)
                        .put("on", day.toString())
                        .put("cellsChecked", 30)
                        .put("overdue", 0)
                        .put("published", 0));
    }

    // --- helpers ------------------------------------------------------------------------------

    private Reply requireInProgress(ObjectNode meeting) {
        return meeting.path("status").asString().equals("IN_PROGRESS")
                ? null
                : problem(
                        409,
                        "Buổi sinh hoạt không đang diễn ra ("
                                + meeting.path("status").asString() + ")");
    }

    private static JsonNode line(ObjectNode meeting, String memberId) {
        for (JsonNode line : meeting.path("attendance")) {
            if (line.path("memberId").asString().equals(memberId)) {
                return line;
            }
        }
        return null;
    }

    private static boolean attended(JsonNode line) {
        String status = line.path("status").asString();
        return status.equals("PRESENT") || status.equals("LATE");
    }

    private static String id(ObjectNode meeting) {
        return meeting.path("id").asString();
    }

    private static void bump(ObjectNode node) {
        node.put("version", node.path("version").asLong() + 1);
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static void requireText(JsonNode body, String field, int max, List<String> errors) {
        String value = text(body, field);
        if (value == null || value.isBlank() || value.length() > max) {
            errors.add(field + ": bắt buộc, tối đa " + max + " ký tự");
        }
    }

    private Reply problem(int status, String detail) {
        return new Reply(status, gateway.problem(status, detail, List.of()));
    }
}

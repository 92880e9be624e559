package vn.partycell.localstack.seed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The gateway as the seeder sees it, written from the shared API spec: the local profile's dev
 * issuer ({@code GET /dev/tokens}, users re-read from the users file) and member-service's
 * {@code /api/v1/org-units} and {@code /api/v1/members}, validating every request the way the spec
 * says and answering RFC 9457 problems, and meeting-service's paths the meeting history uses
 * ({@link FakeMeetings}). Requests are recorded for assertions.
 */
final class FakeGateway implements AutoCloseable {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final Set<String> KINDS = Set.of("PROVINCE", "COMMITTEE", "GRASSROOTS", "CELL", "PARTY_GROUP");
    private static final Set<String> ORG_UNIT_FIELDS = Set.of("code", "name", "kind", "parentId", "establishedOn");
    private static final Set<String> MEMBER_FIELDS = Set.of(
            "fullName",
            "gender",
            "dateOfBirth",
            "citizenId",
            "partyCardNumber",
            "phone",
            "email",
            "address",
            "cellId",
            "partyGroupId",
            "status",
            "joinedOn",
            "exempted");
    private static final Map<String, Set<String>> ALLOWED_PARENTS = Map.of(
            "COMMITTEE", Set.of("PROVINCE", "COMMITTEE"),
            "GRASSROOTS", Set.of("PROVINCE", "COMMITTEE"),
            "CELL", Set.of("PROVINCE", "COMMITTEE", "GRASSROOTS"),
            "PARTY_GROUP", Set.of("CELL"));

    final JsonMapper json = JsonMapper.builder().build();
    final String adminToken;
    final Map<String, ObjectNode> units = new ConcurrentHashMap<>();
    final Map<String, ObjectNode> members = new ConcurrentHashMap<>();
    final Set<String> citizenIds = ConcurrentHashMap.newKeySet();
    final AtomicInteger posts = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    final FakeMeetings meetings = new FakeMeetings(this);

    /** Answer 503 to this many POSTs first (to exercise retries). */
    final AtomicInteger unavailableFirst = new AtomicInteger();

    /** A request the fake rejects with 400 although it is valid (to exercise the 4xx path). */
    volatile Predicate<JsonNode> rejectWith400 = body -> false;

    private final AtomicInteger inFlight = new AtomicInteger();
    private final Path usersFile;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);

    FakeGateway(Path usersFile) throws IOException {
        this.usersFile = usersFile;
        this.adminToken = jwt("admin", null, List.of(Map.of("org", "/", "role", "admin")));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private String jwt(String username, String memberId, List<Map<String, String>> grants) {
        ObjectNode claims = json.createObjectNode().put("iss", "fake").put("sub", username);
        if (memberId != null) {
            claims.put("member_id", memberId);
        }
        ArrayNode array = claims.putArray("grants");
        grants.forEach(grant -> array.addObject().put("org", grant.get("org")).put("role", grant.get("role")));
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(json.writeValueAsBytes(claims)) + ".c2ln";
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        Reply reply;
        try {
            reply = reply(exchange);
        } catch (RuntimeException e) {
            reply = new Reply(500, problem(500, e.toString(), List.of()));
        } finally {
            // Before answering: once the client has the answer it may send its next request.
            inFlight.decrementAndGet();
        }
        respond(exchange, reply.status(), reply.body());
    }

    private Reply reply(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        if (method.equals("GET") && path.equals("/dev/tokens")) {
            return new Reply(200, tokens());
        }
        if (!("Bearer " + adminToken).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return new Reply(401, problem(401, "token thiếu hoặc sai", List.of()));
        }
        if (method.equals("GET") && path.equals("/api/v1/org-units")) {
            return new Reply(200, listUnits(query(exchange.getRequestURI())));
        }
        if (method.equals("POST") && path.equals("/api/v1/org-units")) {
            return post(exchange, this::createUnit);
        }
        if (method.equals("POST") && path.equals("/api/v1/members")) {
            return post(exchange, this::createMember);
        }
        if (method.equals("GET") && path.equals("/api/v1/members")) {
            return new Reply(200, listMembers(query(exchange.getRequestURI())));
        }
        if (FakeMeetings.handles(path)) {
            JsonNode body = null;
            if (!method.equals("GET")) {
                if (!"application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                    return new Reply(415, problem(415, "cần application/json", List.of()));
                }
                if (method.equals("POST")) {
                    posts.incrementAndGet();
                }
                body = json.readTree(exchange.getRequestBody().readAllBytes());
            }
            return meetings.reply(method, path, query(exchange.getRequestURI()), body);
        }
        Reply story = story(exchange, method, path);
        if (story != null) {
            return story;
        }
        return new Reply(404, problem(404, "không có " + method + " " + path, List.of()));
    }

    record Reply(int status, JsonNode body) {}

    private Reply post(HttpExchange exchange, java.util.function.Function<JsonNode, Reply> handler) throws IOException {
        posts.incrementAndGet();
        if (!"application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
            return new Reply(415, problem(415, "cần application/json", List.of()));
        }
        JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
        if (unavailableFirst.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new Reply(503, problem(503, "tạm thời không phục vụ", List.of()));
        }
        if (rejectWith400.test(body)) {
            return new Reply(
                    400,
                    problem(
                            400,
                            "bị từ chối trong bài kiểm thử",
                            List.of(Map.of("field", "fullName", "message", "thử"))));
        }
        return handler.apply(body);
    }

    private JsonNode tokens() {
        ObjectNode tokens = json.createObjectNode().put("admin", adminToken);
        if (Files.exists(usersFile)) {
            JsonNode file = json.readTree(usersFile.toFile());
            for (JsonNode user : file.path("users")) {
                List<Map<String, String>> grants = new ArrayList<>();
                user.path("grants")
                        .forEach(grant -> grants.add(Map.of(
                                "org",
                                grant.path("org").asString(),
                                "role",
                                grant.path("role").asString())));
                String memberId =
                        user.hasNonNull("memberId") ? user.path("memberId").asString() : null;
                tokens.put(
                        user.path("username").asString(),
                        jwt(user.path("username").asString(), memberId, grants));
            }
        }
        return tokens;
    }

    /** Writes of the demo story (terms, roles, dues sheets, member commands), in order, as "METHOD path". */
    final List<String> storyWrites = java.util.Collections.synchronizedList(new ArrayList<>());

    /** The story write with this index answers 503 {@link #storyUnavailableLeft} times: a stop mid-story. */
    volatile int unavailableAtStoryWrite = -1;

    final AtomicInteger storyUnavailableLeft = new AtomicInteger();

    /** Story writes to these paths are refused (422). */
    volatile Predicate<String> refuseStoryWrite = path -> false;

    /** Dues recorded, as "memberId/yyyy-MM". */
    final Set<String> duesRecorded = ConcurrentHashMap.newKeySet();

    /**
     * The endpoints the demo story uses, kept as simple as the seeder's needs: a node's terms and
     * roles, a cell's monthly dues sheet (rows already recorded are skipped), and a member's history
     * and discipline, which the member commands append to.
     */
    private Reply story(HttpExchange exchange, String method, String path) throws IOException {
        String[] part = path.split("/");
        if (part.length < 5 || !part[1].equals("api") || !part[2].equals("v1")) {
            return null;
        }
        boolean unit = part[3].equals("org-units");
        ObjectNode target = unit ? units.get(part[4]) : part[3].equals("members") ? members.get(part[4]) : null;
        if (target == null) {
            return new Reply(404, problem(404, "không tìm thấy " + path, List.of()));
        }
        if (method.equals("GET") && part.length == 5) {
            return new Reply(200, target);
        }
        if (!method.equals("POST")) {
            return null;
        }
        JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
        posts.incrementAndGet();
        if (storyWrites.size() == unavailableAtStoryWrite && storyUnavailableLeft.getAndDecrement() > 0) {
            return new Reply(503, problem(503, "tạm thời không phục vụ", List.of()));
        }
        if (refuseStoryWrite.test(path)) {
            return new Reply(422, problem(422, "bị từ chối trong bài kiểm thử", List.of()));
        }
        storyWrites.add(method + " " + path);
        synchronized (target) {
            if (unit && part.length == 6 && part[5].equals("terms")) {
                arrayOf(target, "terms").add(body);
                return new Reply(201, target);
            }
            if (unit && part.length == 6 && part[5].equals("roles")) {
                arrayOf(target, "roles").add(((ObjectNode) body.deepCopy()).put("current", true));
                return new Reply(201, target);
            }
            if (unit && part.length == 7 && part[5].equals("dues")) {
                int recorded = 0;
                for (JsonNode row : body.path("rows")) {
                    if (!members.containsKey(row.path("memberId").asString())) {
                        return new Reply(422, problem(422, "không có đảng viên", List.of()));
                    }
                    if (duesRecorded.add(row.path("memberId").asString() + "/" + part[6])) {
                        recorded++;
                    }
                }
                return new Reply(
                        200, json.createObjectNode().put("month", part[6]).put("recorded", recorded));
            }
            if (!unit) {
                String command = part[5];
                if (command.equals("discipline-decisions")) {
                    arrayOf(target, "discipline").add(body);
                    return new Reply(200, target);
                }
                String kind = switch (command) {
                    case "exemptions" -> "EXEMPTION";
                    case "attachments" -> "ATTACHMENT";
                    case "transfers" ->
                        part.length == 8 && part[7].equals("acceptance")
                                ? "TRANSFER_ACCEPTED"
                                : part.length == 6 ? "TRANSFER_REQUESTED" : null;
                    default -> null;
                };
                if (kind == null) {
                    return new Reply(404, problem(404, "không có POST " + path, List.of()));
                }
                arrayOf(target, "history")
                        .addObject()
                        .put("entryId", UUID.randomUUID().toString())
                        .put("kind", kind);
                target.put("inTransit", kind.equals("TRANSFER_REQUESTED"));
                return new Reply(200, target);
            }
        }
        return new Reply(404, problem(404, "không có POST " + path, List.of()));
    }

    private ArrayNode arrayOf(ObjectNode node, String field) {
        if (!(node.get(field) instanceof ArrayNode)) {
            node.putArray(field);
        }
        return (ArrayNode) node.get(field);
    }

    private JsonNode listMembers(Map<String, String> query) {
        List<ObjectNode> found = members.values().stream()
                .filter(m -> !query.containsKey("citizenId")
                        || m.path("citizenId").asString().equals(query.get("citizenId")))
                .toList();
        ObjectNode page = json.createObjectNode();
        page.putArray("content").addAll(found);
        return page;
    }

    private JsonNode listUnits(Map<String, String> query) {
        List<ObjectNode> found = units.values().stream()
                .filter(unit -> !query.containsKey("code")
                        || unit.path("code").asString().equals(query.get("code")))
                .filter(unit -> !query.containsKey("parentId")
                        || unit.path("parentId").asString().equals(query.get("parentId")))
                .toList();
        ObjectNode page = json.createObjectNode();
        page.putArray("content").addAll(found);
        page.putObject("page")
                .put("size", 20)
                .put("number", 0)
                .put("totalElements", found.size())
                .put("totalPages", found.isEmpty() ? 0 : 1);
        return page;
    }

    private Reply createUnit(JsonNode body) {
        List<Map<String, String>> errors = new ArrayList<>();
        unknownFields(body, ORG_UNIT_FIELDS, errors);
        String code = text(body, "code");
        if (code == null || !CODE.matcher(code).matches()) {
            errors.add(error("code", "phải khớp " + CODE));
        }
        String name = text(body, "name");
        if (name == null || name.isBlank() || name.length() > 200) {
            errors.add(error("name", "bắt buộc, tối đa 200 ký tự"));
        }
        String kind = text(body, "kind");
        if (kind == null || !KINDS.contains(kind)) {
            errors.add(error("kind", "không hợp lệ"));
        }
        LocalDate establishedOn = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        if (body.has("establishedOn")) {
            establishedOn = date(body, "establishedOn", errors);
            if (establishedOn != null
                    && establishedOn.isAfter(LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")))) {
                errors.add(error("establishedOn", "không được ở tương lai"));
            }
        }
        String parentId = text(body, "parentId");
        ObjectNode parent = parentId == null ? null : units.get(parentId);
        if (parentId != null && parent == null) {
            errors.add(error("parentId", "không tồn tại"));
        }
        if (!errors.isEmpty()) {
            return new Reply(400, problem(400, "Dữ liệu không hợp lệ", errors));
        }
        if (parent == null && !"PROVINCE".equals(kind)) {
            return new Reply(422, problem(422, "Chỉ tỉnh ủy ở gốc", List.of()));
        }
        if (parent != null
                && !ALLOWED_PARENTS.get(kind).contains(parent.path("kind").asString())) {
            return new Reply(
                    422,
                    problem(
                            422,
                            "Không thể đặt " + kind + " dưới "
                                    + parent.path("kind").asString(),
                            List.of()));
        }
        String orgPath = (parent == null ? "/" : parent.path("orgPath").asString()) + code + "/";
        boolean duplicate = units.values().stream()
                .anyMatch(unit -> unit.path("orgPath").asString().equals(orgPath));
        if (duplicate) {
            return new Reply(409, problem(409, "Đã có " + orgPath, List.of()));
        }
        String id = UUID.randomUUID().toString();
        ObjectNode unit = json.createObjectNode()
                .put("id", id)
                .put("code", code)
                .put("name", name)
                .put("kind", kind)
                .put("parentId", parentId)
                .put("orgPath", orgPath)
                .put("establishedOn", String.valueOf(establishedOn))
                .put("version", 1);
        units.put(id, unit);
        return new Reply(201, unit);
    }

    private Reply createMember(JsonNode body) {
        List<Map<String, String>> errors = new ArrayList<>();
        unknownFields(body, MEMBER_FIELDS, errors);
        String fullName = text(body, "fullName");
        if (fullName == null || fullName.isBlank() || fullName.length() > 200) {
            errors.add(error("fullName", "bắt buộc"));
        }
        if (!Set.of("MALE", "FEMALE").contains(String.valueOf(text(body, "gender")))) {
            errors.add(error("gender", "MALE hoặc FEMALE"));
        }
        LocalDate dateOfBirth = date(body, "dateOfBirth", errors);
        String citizenId = text(body, "citizenId");
        if (citizenId == null || !citizenId.matches("\\d{12}")) {
            errors.add(error("citizenId", "12 chữ số"));
        }
        String partyCard = text(body, "partyCardNumber");
        if (partyCard != null && partyCard.length() > 20) {
            errors.add(error("partyCardNumber", "tối đa 20 ký tự"));
        }
        String phone = text(body, "phone");
        if (phone != null && !phone.matches("\\+?\\d{9,12}")) {
            errors.add(error("phone", "9–12 chữ số"));
        }
        String email = text(body, "email");
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[a-z]+")) {
            errors.add(error("email", "không hợp lệ"));
        }
        String address = text(body, "address");
        if (address != null && address.length() > 300) {
            errors.add(error("address", "tối đa 300 ký tự"));
        }
        if (!Set.of("PROBATIONARY", "FULL").contains(String.valueOf(text(body, "status")))) {
            errors.add(error("status", "PROBATIONARY hoặc FULL"));
        }
        LocalDate joinedOn = date(body, "joinedOn", errors);
        if (body.has("exempted") && !body.get("exempted").isBoolean()) {
            errors.add(error("exempted", "true/false"));
        }
        ObjectNode cell = units.get(String.valueOf(text(body, "cellId")));
        if (cell == null || !cell.path("kind").asString().equals("CELL")) {
            errors.add(error("cellId", "phải là một chi bộ"));
        }
        String partyGroupId = text(body, "partyGroupId");
        if (partyGroupId != null) {
            ObjectNode group = units.get(partyGroupId);
            if (group == null
                    || !group.path("kind").asString().equals("PARTY_GROUP")
                    || cell == null
                    || !group.path("parentId").asString().equals(cell.path("id").asString())) {
                errors.add(error("partyGroupId", "phải là tổ đảng của chi bộ"));
            }
        }
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        if (dateOfBirth != null && !dateOfBirth.isBefore(today)) {
            errors.add(error("dateOfBirth", "phải ở quá khứ"));
        }
        if (joinedOn != null && joinedOn.isAfter(today)) {
            errors.add(error("joinedOn", "không được ở tương lai"));
        }
        if (joinedOn != null && dateOfBirth != null && !dateOfBirth.isBefore(joinedOn)) {
            errors.add(error("dateOfBirth", "phải trước ngày vào Đảng"));
        }
        if (!errors.isEmpty()) {
            return new Reply(400, problem(400, "Dữ liệu không hợp lệ", errors));
        }
        if (!citizenIds.add(citizenId)) {
            return new Reply(409, problem(409, "Số CCCD đã có", List.of()));
        }
        String id = UUID.randomUUID().toString();
        ObjectNode member = (ObjectNode) body.deepCopy();
        member.put("id", id).put("orgPath", cell.path("orgPath").asString()).put("version", 1);
        members.put(id, member);
        return new Reply(201, member);
    }

    private static void unknownFields(JsonNode body, Set<String> known, List<Map<String, String>> errors) {
        for (String field : body.propertyNames()) {
            if (!known.contains(field)) {
                errors.add(error(field, "trường không có trong API"));
            }
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static LocalDate date(JsonNode body, String field, List<Map<String, String>> errors) {
        String value = text(body, field);
        try {
            if (value != null && value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(value);
            }
        } catch (DateTimeParseException invalid) {
            // reported below
        }
        errors.add(error(field, "yyyy-MM-dd"));
        return null;
    }

    private static Map<String, String> error(String field, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        return error;
    }

    JsonNode problem(int status, String detail, List<Map<String, String>> errors) {
        ObjectNode problem = json.createObjectNode()
                .put("type", "about:blank")
                .put("title", "Lỗi")
                .put("status", status)
                .put("detail", detail);
        ArrayNode array = problem.putArray("errors");
        errors.forEach(
                error -> array.addObject().put("field", error.get("field")).put("message", error.get("message")));
        return problem;
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                query.put(
                        URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders()
                .set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var stream = exchange.getResponseBody()) {
            stream.write(bytes);
        }
    }
}

package vn.partycell.localstack.seed;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.partycell.localstack.LaunchException;
import vn.partycell.localstack.seed.DemoProvincePlan.Kind;
import vn.partycell.localstack.seed.DemoProvincePlan.MemberPlan;
import vn.partycell.localstack.seed.DemoProvincePlan.Unit;

/**
 * Creates the demo province through the gateway (as the dev issuer's administrator) and writes the
 * demo users the gateway's dev issuer signs tokens for, then the demo story ({@link DemoProvinceStory}:
 * terms, roles, dues, exemption, attachment, transfers, a discipline decision) and a year of meeting
 * history in eight cells ({@link DemoMeetingHistory}). The users file is
 * written last and marks a finished seed: with province {@code hy} present and the file there, it
 * does nothing; with the province present and no file (a first start interrupted), it finishes the
 * seed, finding every unit (by parent and code) and member (by citizen ID) already created and
 * writing only what is missing, so nothing is created twice.
 *
 * <p>Users file ({@code demo-users.json}, read by the gateway on every /dev/tokens request):
 * {@code {"users":[{"username":..,"displayName":..,"memberId":..,"grants":[{"org":..,"role":..}]}]}}.
 */
public final class DemoProvinceSeeder {

    /** A demo user: one grant on an org path, and the member it is (null for a pure admin). */
    public record DemoUser(String username, String displayName, String memberId, String org, String role) {}

    /** What the seeder did. */
    public record Outcome(boolean created, int orgUnits, int members, String firstCellId, List<DemoUser> users) {}

    /** An org unit still to create, under {@code parent}. */
    private record Pending(Unit unit, Unit parent) {}

    /** An org unit as the member service returned it. */
    private record Created(String id, String orgPath) {}

    private final GatewayApi api;
    private final JsonMapper json;
    private final Path usersFile;
    private final DemoProvincePlan plan;
    private final int concurrency;
    private final PrintStream out;
    private final DemoMeetingHistory.Waits waits;

    public DemoProvinceSeeder(GatewayApi api, Path usersFile, DemoProvincePlan plan, int concurrency, PrintStream out) {
        this(api, usersFile, plan, concurrency, out, DemoMeetingHistory.Waits.DEFAULT);
    }

    DemoProvinceSeeder(
            GatewayApi api,
            Path usersFile,
            DemoProvincePlan plan,
            int concurrency,
            PrintStream out,
            DemoMeetingHistory.Waits waits) {
        this.api = api;
        this.json = api.json();
        this.usersFile = usersFile;
        this.plan = plan;
        this.concurrency = concurrency;
        this.out = out;
        this.waits = waits;
    }

    public Outcome run() {
        String admin = DevTokens.fetch(api).adminToken(json);
        String provinceCode = plan.province().code();
        boolean started = findUnit(admin, provinceCode).isPresent();
        // The users file is written last: with it, an earlier seed finished; without it, it was interrupted.
        if (started && Files.exists(usersFile)) {
            out.println("Demo data already present, skipping the seed");
            String firstCellId = findUnit(admin, firstCellCode())
                    .map(unit -> unit.path("id").asString())
                    .orElse(null);
            return new Outcome(false, 0, 0, firstCellId, List.of());
        }
        if (started) {
            out.println("An earlier seed was interrupted: finishing it (what exists is found, not created again)");
        }
        long begun = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            return create(admin, pool, begun, started);
        } finally {
            pool.shutdownNow();
        }
    }

    private Outcome create(String admin, ExecutorService pool, long started, boolean resume) {
        out.println("Seeding demo data: " + plan.province().name() + "…");
        // Records compare by value and party groups look alike (to-1 under every cell): key by identity.
        Map<Unit, Created> created = new IdentityHashMap<>();
        created.put(plan.province(), ensureUnit(admin, plan.province(), null, resume));

        // Level by level: committees, grassroots committees, cells, party groups.
        List<Pending> level = children(plan.province());
        while (!level.isEmpty()) {
            List<Pending> current = level;
            List<Created> results = inParallel(
                    pool, current, pending -> ensureUnit(admin, pending.unit(), created.get(pending.parent()), resume));
            for (int i = 0; i < current.size(); i++) {
                created.put(current.get(i).unit(), results.get(i));
            }
            level = current.stream()
                    .flatMap(pending -> children(pending.unit()).stream())
                    .toList();
        }
        out.printf(
                "  %d org units (%d committees, %d grassroots committees, %d cells, %d party groups)%n",
                created.size(),
                plan.units(Kind.COMMITTEE).size(),
                plan.units(Kind.GRASSROOTS).size(),
                plan.units(Kind.CELL).size(),
                plan.units(Kind.PARTY_GROUP).size());

        Map<String, Unit> cellsByCode = new LinkedHashMap<>();
        plan.units(Kind.CELL).forEach(cell -> cellsByCode.put(cell.code(), cell));
        List<MemberPlan> members = plan.members();
        AtomicInteger done = new AtomicInteger();
        List<String> memberIds = inParallel(pool, members, member -> {
            Unit cell = cellsByCode.get(member.cellCode());
            Unit group = cell.children().stream()
                    .filter(child -> child.code().equals(member.partyGroupCode()))
                    .findFirst()
                    .orElseThrow();
            String id = resume
                    ? findMember(admin, member)
                            .orElseGet(() -> createMember(admin, member, created.get(cell), created.get(group)))
                    : createMember(admin, member, created.get(cell), created.get(group));
            int count = done.incrementAndGet();
            if (count % 100 == 0 || count == members.size()) {
                out.printf("  %d/%d members%n", count, members.size());
            }
            return id;
        });
        Map<String, List<String>> memberIdsByCell = new LinkedHashMap<>();
        for (int i = 0; i < members.size(); i++) {
            memberIdsByCell
                    .computeIfAbsent(members.get(i).cellCode(), code -> new ArrayList<>())
                    .add(memberIds.get(i));
        }

        Map<Unit, String> unitIds = new IdentityHashMap<>();
        created.forEach((unit, c) -> unitIds.put(unit, c.id()));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        new DemoProvinceStory(api, plan, unitIds, memberIdsByCell, today, out).run(admin);
        Map<String, String> cellIds = new LinkedHashMap<>();
        plan.units(Kind.CELL)
                .forEach(cell -> cellIds.put(cell.code(), created.get(cell).id()));
        new DemoMeetingHistory(
                        api,
                        DemoMeetingHistoryPlan.generate(plan, today),
                        cellIds,
                        memberIdsByCell,
                        today,
                        pool,
                        waits,
                        out)
                .run(admin);

        List<DemoUser> users = demoUsers(created, memberIdsByCell);
        writeUsersFile(users);
        out.printf(
                "Demo data seeded: %d org units, %d members (%d s); demo users written to %s%n",
                created.size(), members.size(), (System.nanoTime() - started) / 1_000_000_000L, usersFile);
        Unit firstCell = plan.units(Kind.CELL).getFirst();
        return new Outcome(
                true, created.size(), members.size(), created.get(firstCell).id(), users);
    }

    private String firstCellCode() {
        return plan.units(Kind.CELL).getFirst().code();
    }

    private Optional<JsonNode> findUnit(String token, String code) {
        JsonNode page = api.get("/api/v1/org-units?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8), token);
        for (JsonNode unit : page.path("content")) {
            if (code.equals(unit.path("code").asString())) {
                return Optional.of(unit);
            }
        }
        return Optional.empty();
    }

    /** On a resumed seed, the unit already created under the same parent (by its code), else a new one. */
    private Created ensureUnit(String token, Unit unit, Created parent, boolean resume) {
        if (resume) {
            String query = "/api/v1/org-units?code=" + URLEncoder.encode(unit.code(), StandardCharsets.UTF_8)
                    + (parent == null ? "" : "&parentId=" + parent.id());
            for (JsonNode found : api.get(query, token).path("content")) {
                boolean sameParent = parent == null
                        ? found.path("parentId").isNull()
                                || found.path("parentId").isMissingNode()
                        : parent.id().equals(found.path("parentId").asString());
                if (unit.code().equals(found.path("code").asString()) && sameParent) {
                    return new Created(required(found, "id"), required(found, "orgPath"));
                }
            }
        }
        return createUnit(token, unit, parent);
    }

    /** A member already registered, by their citizen ID (unique in member-service). */
    private Optional<String> findMember(String token, MemberPlan member) {
        JsonNode page = api.get("/api/v1/members?citizenId=" + member.person().citizenId(), token);
        for (JsonNode found : page.path("content")) {
            return Optional.of(required(found, "id"));
        }
        return Optional.empty();
    }

    private Created createUnit(String token, Unit unit, Created parent) {
        ObjectNode body = json.createObjectNode()
                .put("code", unit.code())
                .put("name", unit.name())
                .put("kind", unit.kind().name())
                .put("establishedOn", unit.establishedOn().toString());
        if (parent != null) {
            body.put("parentId", parent.id());
        }
        JsonNode response = api.post("/api/v1/org-units", token, body);
        return new Created(required(response, "id"), required(response, "orgPath"));
    }

    private String createMember(String token, MemberPlan member, Created cell, Created group) {
        PersonGenerator.Person person = member.person();
        ObjectNode body = json.createObjectNode()
                .put("fullName", person.fullName())
                .put("gender", person.gender().name())
                .put("dateOfBirth", person.dateOfBirth().toString())
                .put("citizenId", person.citizenId())
                .put("partyCardNumber", person.partyCardNumber())
                .put("phone", person.phone())
                .put("email", person.email())
                .put("address", member.address())
                .put("cellId", cell.id())
                .put("partyGroupId", group.id())
                .put("status", member.status().name())
                .put("joinedOn", member.joinedOn().toString())
                .put("exempted", member.exempted());
        return required(api.post("/api/v1/members", token, body), "id");
    }

    private static String required(JsonNode response, String field) {
        JsonNode value = response.path(field);
        if (!value.isString() || value.asString().isBlank()) {
            throw new LaunchException("The response lacks the field '" + field + "': " + response);
        }
        return value.asString();
    }

    /**
     * tinh-uy (admin of the province), bi-thu-cb01 and dang-vien-cb01 (secretary and an ordinary
     * member of the first cell), bi-thu-cb11 (secretary of the first cell under the second
     * committee), dang-uy-khoi and huyen-uy-vl (superiors of the first and second committees,
     * each a member of a cell below it).
     */
    private List<DemoUser> demoUsers(Map<Unit, Created> created, Map<String, List<String>> memberIdsByCell) {
        Unit province = plan.province();
        Unit firstCommittee = province.children().get(0);
        Unit secondCommittee = province.children().get(1);
        Unit firstCell = cellsOf(firstCommittee).getFirst();
        Unit otherCell = cellsOf(secondCommittee).getFirst();
        Unit firstCommitteeMemberCell =
                firstCommittee.children().getLast().children().getFirst();
        Unit secondCommitteeMemberCell =
                secondCommittee.children().getLast().children().getFirst();

        List<DemoUser> users = new ArrayList<>();
        users.add(new DemoUser(
                "tinh-uy",
                "Văn phòng " + province.name(),
                null,
                created.get(province).orgPath(),
                "admin"));
        users.add(memberUser("bi-thu-" + compact(firstCell), firstCell, 0, "secretary", created, memberIdsByCell));
        users.add(memberUser("dang-vien-" + compact(firstCell), firstCell, 1, "member", created, memberIdsByCell));
        users.add(memberUser("bi-thu-" + compact(otherCell), otherCell, 0, "secretary", created, memberIdsByCell));
        users.add(new DemoUser(
                "dang-uy-khoi",
                name(firstCommitteeMemberCell, 0),
                memberIdsByCell.get(firstCommitteeMemberCell.code()).get(0),
                created.get(firstCommittee).orgPath(),
                "superior"));
        users.add(new DemoUser(
                "huyen-uy-vl",
                name(secondCommitteeMemberCell, 0),
                memberIdsByCell.get(secondCommitteeMemberCell.code()).get(0),
                created.get(secondCommittee).orgPath(),
                "superior"));
        return users;
    }

    private DemoUser memberUser(
            String username,
            Unit cell,
            int slot,
            String role,
            Map<Unit, Created> created,
            Map<String, List<String>> memberIdsByCell) {
        return new DemoUser(
                username,
                name(cell, slot),
                memberIdsByCell.get(cell.code()).get(slot),
                created.get(cell).orgPath(),
                role);
    }

    private String name(Unit cell, int slot) {
        return plan.membersByCell().get(cell.code()).get(slot).person().fullName();
    }

    /** cb-01 → cb01 */
    private static String compact(Unit cell) {
        return cell.code().replace("-", "");
    }

    private static List<Unit> cellsOf(Unit unit) {
        List<Unit> cells = new ArrayList<>();
        for (Unit child : unit.children()) {
            if (child.kind() == Kind.CELL) {
                cells.add(child);
            } else {
                cells.addAll(cellsOf(child));
            }
        }
        return cells;
    }

    /** Writes the users file for the gateway's dev issuer (to a temporary file, then moved in place). */
    void writeUsersFile(List<DemoUser> users) {
        ObjectNode root = json.createObjectNode();
        ArrayNode array = root.putArray("users");
        for (DemoUser user : users) {
            ObjectNode node = array.addObject().put("username", user.username()).put("displayName", user.displayName());
            if (user.memberId() != null) {
                node.put("memberId", user.memberId());
            }
            node.putArray("grants").addObject().put("org", user.org()).put("role", user.role());
        }
        try {
            Path target = usersFile.toAbsolutePath();
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), ".demo-users", ".tmp");
            try {
                Files.writeString(
                        temporary,
                        json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n",
                        StandardCharsets.UTF_8);
                try {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException notAtomic) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + usersFile, e);
        }
    }

    private static List<Pending> children(Unit parent) {
        return parent.children().stream()
                .map(child -> new Pending(child, parent))
                .toList();
    }

    /** Runs {@code task} on every item, at most {@code concurrency} at a time; results in item order. */
    static <T, R> List<R> inParallel(ExecutorService pool, List<T> items, Function<T, R> task) {
        List<Future<R>> futures = new ArrayList<>(items.size());
        for (T item : items) {
            futures.add(pool.submit(() -> task.apply(item)));
        }
        List<R> results = new ArrayList<>(items.size());
        try {
            for (Future<R> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (ExecutionException e) {
            futures.forEach(future -> future.cancel(true));
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new LaunchException("Seeding the demo data failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            futures.forEach(future -> future.cancel(true));
            Thread.currentThread().interrupt();
            throw new LaunchException("Interrupted while seeding the demo data", e);
        }
    }
}

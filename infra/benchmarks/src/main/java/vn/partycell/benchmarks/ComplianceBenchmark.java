package vn.partycell.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import tools.jackson.databind.JsonNode;

/**
 * The compliance watch at province scale: writes a province of BENCH_COMPLIANCE_CELLS cells (10,000)
 * under BENCH_COMPLIANCE_COMMITTEES committees with a year of closed meetings straight into
 * meeting-service's store (meetings, the org-unit read model and the per-cell month/quarter documents
 * in the shape its projection writes), then times, on that same store and in the same run: the daily
 * watch (an operator's run over HTTP, first and second time), the province-wide compliance list
 * (month and quarter, sorted by attendance rate), and one aggregation pass over the same meetings
 * (the floor any design that reads the meetings would pay). Prints the ratios.
 */
public final class ComplianceBenchmark {

    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    record Config(
            String gateway,
            String meetingService,
            String mongo,
            int cells,
            int committees,
            int members,
            double regularShare,
            double thematicShare,
            int listRounds) {}

    private final Config config;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private String token;

    ComplianceBenchmark(Config config) {
        this.config = config;
    }

    public static void main(String[] args) throws Exception {
        Config config = new Config(
                System.getProperty("bench.gateway", "http://localhost:8080"),
                System.getProperty("bench.meeting-service", "http://localhost:8082"),
                System.getProperty("bench.mongo", "mongodb://localhost:27017"),
                Integer.parseInt(env("BENCH_COMPLIANCE_CELLS", "10000")),
                Integer.parseInt(env("BENCH_COMPLIANCE_COMMITTEES", "20")),
                Integer.parseInt(env("BENCH_COMPLIANCE_MEMBERS", "8")),
                Double.parseDouble(env("BENCH_COMPLIANCE_REGULAR_SHARE", "0.92")),
                Double.parseDouble(env("BENCH_COMPLIANCE_THEMATIC_SHARE", "0.9")),
                Integer.parseInt(env("BENCH_COMPLIANCE_LIST_ROUNDS", "5")));
        new ComplianceBenchmark(config).run();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    void run() throws Exception {
        Api gateway = new Api(URI.create(config.gateway() + "/"));
        token = gateway.get("/dev/tokens").path("admin").asString();
        LocalDate today = LocalDate.now(VN);
        YearMonth last = YearMonth.from(today).minusMonths(1);
        YearMonth first = last.minusMonths(11);
        try (MongoClient client = MongoClients.create(config.mongo())) {
            MongoDatabase db = client.getDatabase("meetings");
            System.out.printf(
                    "Compliance benchmark: %d cells under %d committees, meetings %s..%s (regular %.0f%% of months, thematic %.0f%% of quarters)%n",
                    config.cells(),
                    config.committees(),
                    first,
                    last,
                    config.regularShare() * 100,
                    config.thematicShare() * 100);
            long t0 = System.nanoTime();
            UUID province = seed(db, first, last);
            long meetings = db.getCollection("meetings").countDocuments();
            System.out.printf(
                    "Seeded %d meetings and %d period documents in %.1f s%n",
                    meetings, db.getCollection("cell_periods").countDocuments(), (System.nanoTime() - t0) / 1e9);

            double aggregation = aggregationPass(db.getCollection("meetings"));
            double firstRun = timeWatch();
            double secondRun = timeWatch();
            double month = timeList(province, last.toString(), "attendanceRate,asc");
            String quarter = last.getYear() + "-Q" + ((last.getMonthValue() - 1) / 3 + 1);
            double quarterList = timeList(province, quarter, "attendanceRate,asc");
            double byGrade = timeList(province, last.toString(), "grade,desc");

            System.out.println();
            System.out.printf(
                    "one aggregation pass over %d meetings ($group by cell and kind): %8.0f ms%n",
                    meetings, aggregation);
            System.out.printf(
                    "daily watch, first run (publishes):                    %8.0f ms  (%.2f x the pass)%n",
                    firstRun, firstRun / aggregation);
            System.out.printf(
                    "daily watch, second run (nothing new):                 %8.0f ms  (%.2f x the pass)%n",
                    secondRun, secondRun / aggregation);
            System.out.printf(
                    "province list %s, sort=attendanceRate, median of %d: %8.0f ms  (%.2f x the pass)%n",
                    last, config.listRounds(), month, month / aggregation);
            System.out.printf(
                    "province list %s, sort=attendanceRate, median of %d: %8.0f ms  (%.2f x the pass)%n",
                    quarter, config.listRounds(), quarterList, quarterList / aggregation);
            System.out.printf(
                    "province list %s, sort=grade,desc, median of %d:         %8.0f ms  (%.2f x the pass)%n",
                    last, config.listRounds(), byGrade, byGrade / aggregation);
        }
    }

    /** Documents per insertMany: the store's cost is per round trip on a loaded machine, not per document. */
    private static final int BATCH = 10_000;

    /**
     * The province, its committees and cells, a year of meetings and the facts the projection keeps,
     * written in bulk: unordered insertMany of {@link #BATCH} documents, the meetings and the period
     * documents on two writers at once (the store locks per collection). Before, the period documents
     * went one cell (16 documents) per round trip, 10,000 round trips that took most of 13 minutes.
     */
    private UUID seed(MongoDatabase db, YearMonth first, YearMonth last) throws Exception {
        Random random = new Random(42);
        MongoCollection<Document> units = db.getCollection("compliance_units");
        MongoCollection<Document> meetings = db.getCollection("meetings");
        MongoCollection<Document> periods = db.getCollection("cell_periods");
        UUID province = UUID.randomUUID();
        String root = "/bench-" + province.toString().substring(0, 6) + "/";
        units.insertOne(unit(province, null, "PROVINCE", root));
        List<UUID> committees = new ArrayList<>();
        List<Document> unitBatch = new ArrayList<>();
        for (int c = 0; c < config.committees(); c++) {
            UUID id = UUID.randomUUID();
            committees.add(id);
            unitBatch.add(unit(id, province, "COMMITTEE", root + "h" + c + "/"));
        }
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            Future<?> meetingWrites = CompletableFuture.completedFuture(null);
            Future<?> periodWrites = CompletableFuture.completedFuture(null);
            List<Document> meetingBatch = new ArrayList<>();
            List<Document> periodBatch = new ArrayList<>();
            // Random cell ids, written in _id order: the period documents (keyed <cellId>:<period>) and the
            // cells then go in as appends to the store's B-tree, whose pages otherwise stop fitting its
            // cache after ~100,000 random inserts; the stored tree is the same as for any insert order.
            List<UUID> cells = new ArrayList<>();
            for (int i = 0; i < config.cells(); i++) {
                cells.add(UUID.randomUUID());
            }
            cells.sort(java.util.Comparator.comparing(UUID::toString));
            for (int i = 0; i < config.cells(); i++) {
                int c = i % config.committees();
                UUID cell = cells.get(i);
                String path = root + "h" + c + "/cb-" + i + "/";
                unitBatch.add(unit(cell, committees.get(c), "CELL", path));
                Map<String, Document> facts = new LinkedHashMap<>();
                for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                    if (random.nextDouble() < config.regularShare()) {
                        meetingBatch.add(meeting(cell, path, "REGULAR", m.atDay(5), random, facts));
                    }
                    boolean quarterMonth = (m.getMonthValue() - 1) % 3 == 1;
                    if (quarterMonth && random.nextDouble() < config.thematicShare()) {
                        meetingBatch.add(meeting(cell, path, "THEMATIC", m.atDay(20), random, facts));
                    }
                }
                periodBatch.addAll(facts.values());
                if (meetingBatch.size() >= BATCH) {
                    meetingWrites = write(writers, meetingWrites, meetings, meetingBatch);
                    meetingBatch = new ArrayList<>();
                }
                if (periodBatch.size() >= BATCH) {
                    periodWrites = write(writers, periodWrites, periods, periodBatch);
                    periodBatch = new ArrayList<>();
                }
            }
            meetingWrites = write(writers, meetingWrites, meetings, meetingBatch);
            periodWrites = write(writers, periodWrites, periods, periodBatch);
            for (int from = 0; from < unitBatch.size(); from += BATCH) {
                units.insertMany(unitBatch.subList(from, Math.min(unitBatch.size(), from + BATCH)), UNORDERED);
            }
            meetingWrites.get();
            periodWrites.get();
        } finally {
            writers.shutdown();
        }
        return province;
    }

    private static final InsertManyOptions UNORDERED = new InsertManyOptions().ordered(false);

    /** Writes the batch after the collection's previous one (one writer per collection, at most one batch queued). */
    private static Future<?> write(
            ExecutorService writers, Future<?> previous, MongoCollection<Document> collection, List<Document> batch)
            throws Exception {
        previous.get();
        if (batch.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return writers.submit(() -> collection.insertMany(batch, UNORDERED));
    }

    private static Document unit(UUID id, UUID parent, String kind, String path) {
        String code = path.substring(path.lastIndexOf('/', path.length() - 2) + 1, path.length() - 1);
        return new Document("_id", id.toString())
                .append("kind", kind)
                .append("code", code)
                .append("name", "Đơn vị " + code)
                .append("parentId", parent == null ? null : parent.toString())
                .append("orgPath", path)
                .append("dissolvedOn", null)
                .append("version", 1L)
                .append("since", "2020-01-01");
    }

    /** The default scale of the superior's grade, best first (meeting-service's policy). */
    private static final List<String> SCALE = List.of("GOOD", "FAIR", "AVERAGE", "POOR");

    private long meetingSeq;

    /**
     * A closed meeting as MongoMeetingRepository stores it, and its share of the month and quarter
     * facts in the shape MongoCellPeriods keeps them: the counters, the meeting's own facts, and (for
     * 80% of the meetings) the superior's grade.
     */
    private Document meeting(
            UUID cell, String path, String kind, LocalDate day, Random random, Map<String, Document> facts) {
        // Time-ordered ids (as UUIDv7 would give): appends, for the same reason. Only the aggregation
        // pass reads the meetings, by a full scan, which key order does not change.
        String id = new UUID(
                        0x0190_0000_0000_7000L | (meetingSeq++ << 16),
                        random.nextLong() & 0x3fff_ffff_ffff_ffffL | 0x8000_0000_0000_0000L)
                .toString();
        List<Document> attendance = new ArrayList<>();
        int attended = 0;
        int speakers = 0;
        for (int k = 0; k < config.members(); k++) {
            boolean present = random.nextDouble() < 0.85;
            boolean spoke = present && random.nextDouble() < 0.6;
            attended += present ? 1 : 0;
            speakers += spoke ? 1 : 0;
            attendance.add(new Document("memberId", UUID.randomUUID().toString())
                    .append("status", present ? "PRESENT" : "ABSENT")
                    .append("reason", null)
                    .append("spoke", spoke));
        }
        String meetingGrade = random.nextDouble() < 0.8 ? SCALE.get(random.nextInt(SCALE.size())) : null;
        String month = YearMonth.from(day).toString();
        String quarter = day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
        for (String period : Arrays.asList(month, quarter)) {
            Document f = facts.computeIfAbsent(
                    period,
                    p -> new Document("_id", cell + ":" + p)
                            .append("cellId", cell.toString())
                            .append("period", p)
                            .append("meetings", new ArrayList<String>())
                            .append("facts", new Document())
                            .append("closed", 0)
                            .append("regular", 0)
                            .append("thematic", 0)
                            .append("expected", 0L)
                            .append("attended", 0L)
                            .append("speakers", 0L));
            f.getList("meetings", String.class).add(id);
            f.put("closed", f.getInteger("closed") + 1);
            f.put("regular", f.getInteger("regular") + (kind.equals("REGULAR") ? 1 : 0));
            f.put("thematic", f.getInteger("thematic") + (kind.equals("THEMATIC") ? 1 : 0));
            f.put("expected", f.getLong("expected") + config.members());
            f.put("attended", f.getLong("attended") + attended);
            f.put("speakers", f.getLong("speakers") + speakers);
            f.get("facts", Document.class)
                    .append(
                            id,
                            new Document("kind", kind)
                                    .append("expected", config.members())
                                    .append("attended", attended)
                                    .append("speakers", speakers));
            if (meetingGrade != null) {
                Document grades = (Document) f.computeIfAbsent("grades", k -> new Document());
                grades.append(
                        id,
                        new Document("revision", 1)
                                .append("grade", meetingGrade)
                                .append("rank", SCALE.indexOf(meetingGrade)));
            }
        }
        Date startsAt = Date.from(day.atTime(8, 0).atZone(VN).toInstant());
        return new Document("_id", id)
                .append("cellId", cell.toString())
                .append("orgPath", path)
                .append("kind", kind)
                .append("title", "Sinh hoạt " + kind + " " + day)
                .append("startsAt", startsAt)
                .append("place", "Hội trường")
                .append("agenda", List.of("Nội dung"))
                .append("status", "CLOSED")
                .append("attendance", attendance)
                .append("closedAt", startsAt)
                .append("closedBy", "bench")
                .append("version", 3L);
    }

    private static double aggregationPass(MongoCollection<Document> meetings) {
        long t0 = System.nanoTime();
        List<Document> groups = meetings.aggregate(List.of(
                        new Document("$match", new Document("status", "CLOSED")),
                        new Document(
                                "$group",
                                new Document("_id", new Document("cellId", "$cellId").append("kind", "$kind"))
                                        .append("meetings", new Document("$sum", 1)))))
                .into(new ArrayList<>());
        double ms = (System.nanoTime() - t0) / 1e6;
        System.out.printf("aggregation pass: %d groups%n", groups.size());
        return ms;
    }

    private double timeWatch() {
        long t0 = System.nanoTime();
        JsonNode run = call("POST", "/api/v1/compliance/watch-runs");
        double ms = (System.nanoTime() - t0) / 1e6;
        System.out.printf("watch run: %s%n", run);
        return ms;
    }

    private double timeList(UUID province, String period, String sort) {
        double[] rounds = new double[config.listRounds()];
        String path = "/api/v1/compliance?unitId=" + province + "&period=" + period + "&sort=" + sort + "&size=50";
        call("GET", path);
        for (int r = 0; r < rounds.length; r++) {
            long t0 = System.nanoTime();
            JsonNode page = call("GET", path);
            rounds[r] = (System.nanoTime() - t0) / 1e6;
            if (r == 0) {
                System.out.printf(
                        "list %s: %d cells, first %s%n",
                        period,
                        page.path("page").path("totalElements").asLong(),
                        page.path("content").path(0));
            }
        }
        Arrays.sort(rounds);
        return rounds[rounds.length / 2];
    }

    private JsonNode call(String method, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.meetingService() + path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(10))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(path + " -> " + response.statusCode() + " " + response.body());
            }
            return Api.JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

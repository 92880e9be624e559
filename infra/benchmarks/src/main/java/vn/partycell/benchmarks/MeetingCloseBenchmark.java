package vn.partycell.benchmarks;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * Closes meetings of 30-member cells at a fixed rate through the gateway and measures, per meeting,
 * the time from the close being acknowledged to the last member's scorecard holding it
 * (evaluation-service) and to the last absence notice written (notification-service). Then measures,
 * on the same broker and store, the two baselines the pipeline is made of: raw Kafka
 * produce→consume of the same MeetingClosed payloads, and raw bulk upserts of the same per-member
 * scorecard rows. Prints the ratios of the pipeline to each.
 *
 * <p>The harness reads the services' databases only to observe completion; it never writes to them.
 */
public final class MeetingCloseBenchmark {

    record Config(
            URI gateway,
            String kafka,
            String mongo,
            int cells,
            int meetingsPerCell,
            double rate,
            int members,
            int absent) {

        static Config fromSystem() {
            return new Config(
                    URI.create(prop("bench.gateway", "http://localhost:8080")),
                    prop("bench.kafka", "localhost:9092"),
                    prop("bench.mongo", "mongodb://localhost:27017"),
                    Integer.parseInt(prop("bench.cells", "10")),
                    Integer.parseInt(prop("bench.meetings-per-cell", "6")),
                    Double.parseDouble(prop("bench.rate", "4")),
                    Integer.parseInt(prop("bench.members", "30")),
                    Integer.parseInt(prop("bench.absent", "2")));
        }

        private static String prop(String name, String fallback) {
            String env = System.getenv(
                    name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
            return System.getProperty(name, env == null || env.isBlank() ? fallback : env);
        }
    }

    record Cell(String id, List<String> members) {}

    record Prepared(String meetingId, Cell cell, int year) {}

    private final Config config;
    private final Api api;
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    MeetingCloseBenchmark(Config config) {
        this.config = config;
        this.api = new Api(config.gateway());
    }

    public static void main(String[] args) throws Exception {
        Config config = Config.fromSystem();
        System.out.printf(
                "Meeting-close benchmark: %d cells x %d members, %d meetings, %.1f closes/s offered, %d absent per meeting%n",
                config.cells(),
                config.members(),
                config.cells() * config.meetingsPerCell(),
                config.rate(),
                config.absent());
        new MeetingCloseBenchmark(config).run();
    }

    void run() throws Exception {
        api.token(api.get("/dev/tokens").path("admin").asString());
        List<Cell> cells = setUp();
        List<Prepared> meetings = prepare(cells);
        try (MongoClient mongo = MongoClients.create(config.mongo())) {
            PipelineResult pipeline = closeAtFixedRate(meetings, mongo);
            Baselines baselines = new Baselines(config.kafka(), mongo, run);
            Baselines.Result kafka = baselines.kafka(meetingIds(meetings), Math.max(2000, meetings.size()));
            Baselines.Result upsert =
                    baselines.upserts(mongo, meetingIds(meetings), config.members(), Math.max(2000, meetings.size()));
            report(pipeline, kafka, upsert);
        }
    }

    private static Set<String> meetingIds(List<Prepared> meetings) {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        meetings.forEach(m -> ids.add(m.meetingId()));
        return ids;
    }

    /** A province of its own for this run, so runs never collide: committee, cells, 30 full members each. */
    private List<Cell> setUp() throws Exception {
        long start = System.nanoTime();
        String province = api.post(
                        "/api/v1/org-units",
                        Map.of("code", "bm-" + run, "name", "Tỉnh ủy đo tải " + run, "kind", "PROVINCE"))
                .path("id")
                .asString();
        String committee = api.post(
                        "/api/v1/org-units",
                        Map.of("code", "du", "name", "Đảng ủy đo tải", "kind", "COMMITTEE", "parentId", province))
                .path("id")
                .asString();
        List<Cell> cells = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int c = 0; c < config.cells(); c++) {
                String cellId = api.post(
                                "/api/v1/org-units",
                                Map.of(
                                        "code",
                                        String.format("cb-%03d", c),
                                        "name",
                                        "Chi bộ đo tải " + c,
                                        "kind",
                                        "CELL",
                                        "parentId",
                                        committee))
                        .path("id")
                        .asString();
                List<Future<String>> members = new ArrayList<>();
                for (int m = 0; m < config.members(); m++) {
                    String citizenId = String.format(
                            "09%02d%08d", c % 100, Math.abs((run + c + "-" + m).hashCode()) % 100_000_000);
                    int index = m;
                    members.add(pool.submit(() -> api.post(
                                    "/api/v1/members",
                                    Map.of(
                                            "fullName",
                                            "Đảng viên " + index,
                                            "gender",
                                            index % 2 == 0 ? "MALE" : "FEMALE",
                                            "dateOfBirth",
                                            "1980-01-15",
                                            "citizenId",
                                            citizenId,
                                            "cellId",
                                            cellId,
                                            "status",
                                            "FULL",
                                            "joinedOn",
                                            "2010-05-19"))
                            .path("id")
                            .asString()));
                }
                List<String> ids = new ArrayList<>();
                for (Future<String> f : members) {
                    ids.add(f.get());
                }
                cells.add(new Cell(cellId, ids));
            }
        } finally {
            pool.shutdown();
        }
        for (Cell cell : cells) {
            awaitRoster(cell);
        }
        System.out.printf(
                "  set-up: %d cells, %d members registered and on meeting-service's rosters in %.1f s%n",
                cells.size(), cells.size() * config.members(), (System.nanoTime() - start) / 1e9);
        return cells;
    }

    private void awaitRoster(Cell cell) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (api.get("/api/v1/cells/" + cell.id() + "/roster")
                                .path("members")
                                .size()
                        >= cell.members().size()) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // 404 until the cell's event arrives
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Roster of " + cell.id() + " not complete after 120 s");
    }

    /** Schedules every meeting and takes its attendance; the timed phase then only closes. */
    private List<Prepared> prepare(List<Cell> cells) {
        long start = System.nanoTime();
        List<Prepared> prepared = new ArrayList<>();
        for (int round = 0; round < config.meetingsPerCell(); round++) {
            for (Cell cell : cells) {
                int month = round % 12 + 1;
                int year = 2026 - round / 12;
                String startsAt = String.format("%d-%02d-05T12:30:00Z", year, month);
                String meetingId = api.post(
                                "/api/v1/meetings",
                                Map.of(
                                        "cellId",
                                        cell.id(),
                                        "kind",
                                        "REGULAR",
                                        "title",
                                        "Sinh hoạt thường kỳ tháng " + month + "/" + year,
                                        "startsAt",
                                        startsAt,
                                        "place",
                                        "Hội trường",
                                        "agenda",
                                        List.of("Đánh giá tháng trước", "Nhiệm vụ tháng này")))
                        .path("id")
                        .asString();
                List<Map<String, Object>> lines = new ArrayList<>();
                for (int i = 0; i < cell.members().size(); i++) {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("memberId", cell.members().get(i));
                    if (i < config.absent()) {
                        line.put("status", "ABSENT");
                    } else if (i < config.absent() + 2) {
                        line.put("status", "EXCUSED");
                        line.put("reason", "Đi công tác");
                    } else {
                        line.put("status", i % 5 == 0 ? "LATE" : "PRESENT");
                        line.put("spoke", i % 3 == 0);
                    }
                    lines.add(line);
                }
                api.put("/api/v1/meetings/" + meetingId + "/attendance", Map.of("entries", lines));
                prepared.add(new Prepared(meetingId, cell, year));
            }
        }
        System.out.printf(
                "  prepared %d meetings (scheduled, attendance taken) in %.1f s%n",
                prepared.size(), (System.nanoTime() - start) / 1e9);
        return prepared;
    }

    record PipelineResult(
            int closes, double offered, double sustained, Latencies toScorecard, Latencies toNotice, double elapsed) {}

    private PipelineResult closeAtFixedRate(List<Prepared> meetings, MongoClient mongo) throws Exception {
        MongoCollection<Document> scorecards = mongo.getDatabase("evaluations").getCollection("scorecards");
        MongoCollection<Document> notices = mongo.getDatabase("notifications").getCollection("notices");
        Map<String, Long> closedAt = new ConcurrentHashMap<>();
        Map<String, Prepared> byId = new ConcurrentHashMap<>();
        meetings.forEach(m -> byId.put(m.meetingId(), m));
        Latencies toScorecard = new Latencies();
        Latencies toNotice = new Latencies();
        Set<String> scored = ConcurrentHashMap.newKeySet();
        Set<String> notified = ConcurrentHashMap.newKeySet();

        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ExecutorService closers = Executors.newFixedThreadPool(16);
        long periodNanos = (long) (1e9 / config.rate());
        long begin = System.nanoTime();
        for (int i = 0; i < meetings.size(); i++) {
            Prepared meeting = meetings.get(i);
            ticker.schedule(
                    () -> closers.submit(() -> {
                        api.post("/api/v1/meetings/" + meeting.meetingId() + "/close", Map.of());
                        closedAt.put(meeting.meetingId(), System.nanoTime());
                    }),
                    i * periodNanos,
                    TimeUnit.NANOSECONDS);
        }
        long lastDone = begin;
        long deadline = begin
                + (long) (meetings.size() / config.rate() * 1e9)
                + Duration.ofSeconds(180).toNanos();
        while ((scored.size() < meetings.size() || notified.size() < meetings.size()) && System.nanoTime() < deadline) {
            for (Map.Entry<String, Long> e : closedAt.entrySet()) {
                String id = e.getKey();
                Prepared m = byId.get(id);
                if (!scored.contains(id)) {
                    List<String> ids = m.cell().members().stream()
                            .map(member -> member + ":" + m.year())
                            .toList();
                    if (scorecards.countDocuments(and(in("_id", ids), eq("meetings.meetingId", id))) >= ids.size()) {
                        long now = System.nanoTime();
                        scored.add(id);
                        toScorecard.add((now - e.getValue()) / 1e6);
                        lastDone = Math.max(lastDone, now);
                    }
                }
                if (!notified.contains(id)
                        && notices.countDocuments(eq("factKey", "meeting-absent:" + id)) >= config.absent()) {
                    long now = System.nanoTime();
                    notified.add(id);
                    toNotice.add((now - e.getValue()) / 1e6);
                    lastDone = Math.max(lastDone, now);
                }
            }
            Thread.sleep(5);
        }
        ticker.shutdown();
        closers.shutdown();
        closers.awaitTermination(30, TimeUnit.SECONDS);
        double elapsed = (lastDone - begin) / 1e9;
        int done = Math.min(scored.size(), notified.size());
        if (done < meetings.size()) {
            System.out.printf(
                    "  WARNING: only %d of %d meetings completed before the deadline%n", done, meetings.size());
        }
        return new PipelineResult(meetings.size(), config.rate(), done / elapsed, toScorecard, toNotice, elapsed);
    }

    private static void report(PipelineResult p, Baselines.Result kafka, Baselines.Result upsert) {
        System.out.println();
        System.out.println("=== Results ===");
        System.out.printf(
                "pipeline   closes: %d  offered %.1f/s  sustained %.2f closes/s over %.1f s%n",
                p.closes(), p.offered(), p.sustained(), p.elapsed());
        System.out.printf(
                "           close→scorecard  p50 %6.0f ms  p99 %6.0f ms  (n=%d)%n",
                p.toScorecard().percentile(50),
                p.toScorecard().percentile(99),
                p.toScorecard().count());
        System.out.printf(
                "           close→notice     p50 %6.0f ms  p99 %6.0f ms  (n=%d)%n",
                p.toNotice().percentile(50),
                p.toNotice().percentile(99),
                p.toNotice().count());
        System.out.printf(
                "baseline   kafka produce→consume of the same MeetingClosed payloads: %.0f msgs/s (%d msgs, p50 %.1f ms, p99 %.1f ms)%n",
                kafka.perSecond(),
                kafka.count(),
                kafka.latencies().percentile(50),
                kafka.latencies().percentile(99));
        System.out.printf(
                "baseline   bulk upsert of the same per-member scorecard rows: %.0f meetings/s (%.0f rows/s)%n",
                upsert.perSecond(), upsert.perSecond() * upsert.rowsPerItem());
        System.out.printf("ratio      pipeline / kafka baseline  = %.4f%n", p.sustained() / kafka.perSecond());
        System.out.printf("ratio      pipeline / upsert baseline = %.4f%n", p.sustained() / upsert.perSecond());
    }
}

package vn.partycell.benchmarks;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;

/**
 * Finds the highest rate at which the meeting-close loop still completes within the latency
 * objective: close→scorecard p99 and close→notice p99 both under {@code bench.slo-ms} (1 s). Each
 * stage closes fresh meetings (scheduled and with attendance taken beforehand, the pipeline then
 * left to drain) at one offered rate through the gateway, and records per meeting the time from the
 * close being acknowledged to the last member's scorecard holding it (evaluation-service) and to the
 * last absence notice written (notification-service). The rate doubles while stages pass, then is
 * bisected between the last pass and the first failure. The figure reported is the END-TO-END rate
 * of the best passing stage: meetings whose scorecards and notices were all written, per second.
 *
 * <p>Then, on the same broker and store: the Kafka floor (produce→consume of the same MeetingClosed
 * records) and the store floor (evaluation-service's per-meeting store work for the same records),
 * and the ratios of the pipeline to each. The harness reads the services' databases only to observe
 * completion (by {@code _id}, so the observation costs the store little); it never writes to them.
 */
public final class MeetingCloseBenchmark {

    record Config(
            URI gateway,
            String kafka,
            String mongo,
            int cells,
            int members,
            int absent,
            double startRate,
            double maxRate,
            int stageSeconds,
            int minStageMeetings,
            int warmUpMeetings,
            int bisections,
            double sloMillis) {

        static Config fromSystem() {
            return new Config(
                    URI.create(prop("bench.gateway", "http://localhost:8080")),
                    prop("bench.kafka", "localhost:9092"),
                    prop("bench.mongo", "mongodb://localhost:27017"),
                    Integer.parseInt(prop("bench.cells", "20")),
                    Integer.parseInt(prop("bench.members", "30")),
                    Integer.parseInt(prop("bench.absent", "2")),
                    Double.parseDouble(prop("bench.start-rate", "8")),
                    Double.parseDouble(prop("bench.max-rate", "128")),
                    Integer.parseInt(prop("bench.stage-seconds", "8")),
                    Integer.parseInt(prop("bench.min-stage-meetings", "100")),
                    Integer.parseInt(prop("bench.warmup-meetings", "40")),
                    Integer.parseInt(prop("bench.bisections", "2")),
                    Double.parseDouble(prop("bench.slo-ms", "1000")));
        }

        private static String prop(String name, String fallback) {
            String env = System.getenv(
                    name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
            return System.getProperty(name, env == null || env.isBlank() ? fallback : env);
        }
    }

    record Cell(String id, List<String> members) {}

    record Prepared(String meetingId, Cell cell, int year) {}

    /** One stage: what was offered, what completed, and the latencies. */
    record Stage(
            double offered,
            int meetings,
            int completed,
            double endToEnd,
            Latencies toScorecard,
            Latencies toNotice,
            double seconds,
            boolean passed) {}

    private static final String MEETING_TOPIC = "meetings.meeting.v1";
    private static final List<String> CONSUMER_GROUPS = List.of("evaluation-service", "notification-service");

    private final Config config;
    private final Api api;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final Map<String, Integer> roundOfCell = new HashMap<>();
    private final Set<String> allMeetings = ConcurrentHashMap.newKeySet();

    MeetingCloseBenchmark(Config config) {
        this.config = config;
        this.api = new Api(config.gateway());
    }

    public static void main(String[] args) throws Exception {
        Config config = Config.fromSystem();
        System.out.printf(
                "Meeting-close rate search: %d cells x %d members, %d absent per meeting; stages of >= %d s and >= %d"
                        + " meetings from %.1f closes/s (x2 while passing, then %d bisections), objective p99 < %.0f ms%n",
                config.cells(),
                config.members(),
                config.absent(),
                config.stageSeconds(),
                config.minStageMeetings(),
                config.startRate(),
                config.bisections(),
                config.sloMillis());
        new MeetingCloseBenchmark(config).run();
    }

    void run() throws Exception {
        api.token(api.get("/dev/tokens").path("admin").asString());
        List<Cell> cells = setUp();
        try (MongoClient mongo = MongoClients.create(config.mongo());
                AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", config.kafka()))) {
            Stage warmUp = stage(cells, config.startRate() / 2, config.warmUpMeetings(), mongo, admin);
            print("warm-up", warmUp);
            List<Stage> stages = new ArrayList<>();
            double rate = config.startRate();
            Stage lastPass = null;
            Stage firstFail = null;
            while (rate <= config.maxRate()) {
                Stage s = stage(cells, rate, meetingsFor(rate), mongo, admin);
                stages.add(s);
                print("stage", s);
                if (!s.passed()) {
                    firstFail = s;
                    break;
                }
                lastPass = s;
                rate *= 2;
            }
            double lo = lastPass == null ? 0 : lastPass.offered();
            double hi = firstFail == null ? Double.NaN : firstFail.offered();
            for (int i = 0; i < config.bisections() && !Double.isNaN(hi); i++) {
                double mid = lo == 0 ? hi / 2 : (lo + hi) / 2;
                Stage s = stage(cells, mid, meetingsFor(mid), mongo, admin);
                stages.add(s);
                print("bisect", s);
                if (s.passed()) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            Stage best = stages.stream()
                    .filter(Stage::passed)
                    .max((a, b) -> Double.compare(a.endToEnd(), b.endToEnd()))
                    .orElse(null);
            Baselines baselines = new Baselines(config.kafka(), mongo, run);
            Baselines.Result kafka = baselines.kafka(allMeetings, Math.max(2000, allMeetings.size()));
            Baselines.Result store = baselines.store(mongo, allMeetings, config.members());
            report(stages, best, kafka, store);
        }
    }

    private int meetingsFor(double rate) {
        return Math.max(config.minStageMeetings(), (int) Math.ceil(rate * config.stageSeconds()));
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
                    int index = m;
                    // A valid CCCD: province 001–096, century/gender digit (1900s: male 0, female 1), 80 for 1980.
                    String citizenId = String.format(
                            "%03d%d80%06d",
                            1 + c % 96, index % 2 == 0 ? 0 : 1, Math.abs((run + c + "-" + m).hashCode()) % 1_000_000);
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

    /** Prepares {@code count} fresh meetings, lets the pipeline drain, then closes them at {@code rate}. */
    private Stage stage(List<Cell> cells, double rate, int count, MongoClient mongo, AdminClient admin)
            throws Exception {
        List<Prepared> meetings = prepare(cells, count);
        awaitDrained(admin);
        return closeAtRate(meetings, rate, mongo);
    }

    /**
     * Schedules meetings round-robin over the cells and takes their attendance. Each cell's meetings
     * go month by month backwards through the years, so scorecards grow as they do in a real year.
     */
    private List<Prepared> prepare(List<Cell> cells, int count) throws Exception {
        List<Future<Prepared>> futures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < count; i++) {
                Cell cell = cells.get(i % cells.size());
                int round = roundOfCell.merge(cell.id(), 1, Integer::sum) - 1;
                futures.add(pool.submit(() -> prepareOne(cell, round)));
            }
            List<Prepared> prepared = new ArrayList<>();
            for (Future<Prepared> f : futures) {
                prepared.add(f.get());
            }
            return prepared;
        } finally {
            pool.shutdown();
        }
    }

    private Prepared prepareOne(Cell cell, int round) {
        // A meeting is scheduled ahead (never in the past) and opened at most 30 minutes (policy) before
        // its start: every round starts five minutes from now, so all rounds count in this month.
        Instant start = Instant.now().plus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);
        ZonedDateTime local = start.atZone(ZoneId.of("Asia/Ho_Chi_Minh"));
        int month = local.getMonthValue();
        int year = local.getYear();
        String startsAt = start.toString();
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
        api.post("/api/v1/meetings/" + meetingId + "/start", Map.of());
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
        // The conclusion's tasks, one per present member (closing waits for them, rules.md 3.14).
        String dueOn = local.toLocalDate().plusDays(30).toString();
        for (Map<String, Object> line : lines) {
            if ("PRESENT".equals(line.get("status")) || "LATE".equals(line.get("status"))) {
                api.post(
                        "/api/v1/meetings/" + meetingId + "/tasks",
                        Map.of("ownerId", line.get("memberId"), "title", "Nhiệm vụ tháng này", "dueOn", dueOn));
            }
        }
        allMeetings.add(meetingId);
        return new Prepared(meetingId, cell, year);
    }

    /**
     * Waits until the meeting topic stops growing and both consumer groups have committed up to its
     * end: the scheduling of a stage's meetings (and its notices) no longer loads the pipeline.
     */
    private void awaitDrained(AdminClient admin) throws Exception {
        Instant deadline = Instant.now().plusSeconds(180);
        Map<TopicPartition, Long> previous = Map.of();
        while (Instant.now().isBefore(deadline)) {
            Thread.sleep(300);
            Map<TopicPartition, Long> ends = endOffsets(admin);
            boolean stable = ends.equals(previous);
            previous = ends;
            if (!stable) {
                continue;
            }
            boolean caughtUp = true;
            for (String group : CONSUMER_GROUPS) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get(30, TimeUnit.SECONDS);
                for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                    OffsetAndMetadata at = committed.get(end.getKey());
                    if (end.getValue() > 0 && (at == null || at.offset() < end.getValue())) {
                        caughtUp = false;
                    }
                }
            }
            if (caughtUp) {
                return;
            }
        }
        throw new IllegalStateException("The pipeline did not drain within 180 s");
    }

    private static Map<TopicPartition, Long> endOffsets(AdminClient admin) throws Exception {
        Set<String> names = Set.of(MEETING_TOPIC);
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        admin.describeTopics(names)
                .allTopicNames()
                .get(30, TimeUnit.SECONDS)
                .get(MEETING_TOPIC)
                .partitions()
                .forEach(p -> request.put(new TopicPartition(MEETING_TOPIC, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e :
                admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).entrySet()) {
            ends.put(e.getKey(), e.getValue().offset());
        }
        return ends;
    }

    private Stage closeAtRate(List<Prepared> meetings, double rate, MongoClient mongo) throws Exception {
        MongoCollection<Document> scorecards = mongo.getDatabase("evaluations").getCollection("scorecards");
        MongoCollection<Document> notices = mongo.getDatabase("notifications").getCollection("notices");
        Map<String, Long> closedAt = new ConcurrentHashMap<>();
        Map<String, Prepared> byId = new HashMap<>();
        meetings.forEach(m -> byId.put(m.meetingId(), m));
        Latencies toScorecard = new Latencies();
        Latencies toNotice = new Latencies();
        Set<String> scored = ConcurrentHashMap.newKeySet();
        Set<String> notified = ConcurrentHashMap.newKeySet();

        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ExecutorService closers = Executors.newFixedThreadPool(32);
        long periodNanos = (long) (1e9 / rate);
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
        Map<String, Long> doneAt = new ConcurrentHashMap<>();
        long deadline = begin
                + (long) (meetings.size() / rate * 1e9)
                + Duration.ofSeconds(60).toNanos();
        long give = Duration.ofMillis((long) (config.sloMillis() * 10)).toNanos();
        while ((scored.size() < meetings.size() || notified.size() < meetings.size()) && System.nanoTime() < deadline) {
            long round = System.nanoTime();
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
                if (!notified.contains(id)) {
                    List<String> ids = m.cell().members().subList(0, config.absent()).stream()
                            .map(member -> noticeId(member, "meeting-absent:" + id))
                            .toList();
                    if (notices.countDocuments(in("_id", ids)) >= ids.size()) {
                        long now = System.nanoTime();
                        notified.add(id);
                        toNotice.add((now - e.getValue()) / 1e6);
                        lastDone = Math.max(lastDone, now);
                    }
                }
            }
            for (String id : closedAt.keySet()) {
                if (!doneAt.containsKey(id) && scored.contains(id) && notified.contains(id)) {
                    doneAt.put(id, System.nanoTime());
                }
            }
            // A stage that is already far past the objective need not be watched to the end.
            if (closedAt.size() == meetings.size() && System.nanoTime() - lastClose(closedAt) > give) {
                break;
            }
            long spent = System.nanoTime() - round;
            Thread.sleep(Math.max(1, 20 - spent / 1_000_000));
        }
        ticker.shutdown();
        closers.shutdown();
        closers.awaitTermination(30, TimeUnit.SECONDS);
        double seconds = (lastDone - begin) / 1e9;
        int completed = doneAt.size();
        // Completions per second between the first and the last meeting completed end to end.
        long firstDone =
                doneAt.values().stream().mapToLong(Long::longValue).min().orElse(begin);
        long lastCompleted =
                doneAt.values().stream().mapToLong(Long::longValue).max().orElse(begin);
        double endToEnd = completed < 2 ? 0 : (completed - 1) / ((lastCompleted - firstDone) / 1e9);
        boolean passed = completed == meetings.size()
                && toScorecard.percentile(99) < config.sloMillis()
                && toNotice.percentile(99) < config.sloMillis();
        return new Stage(rate, meetings.size(), completed, endToEnd, toScorecard, toNotice, seconds, passed);
    }

    private static long lastClose(Map<String, Long> closedAt) {
        return closedAt.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** notification-service's notice id: a name-based UUID of recipient and fact (Notice.idOf). */
    private static String noticeId(String memberId, String factKey) {
        return UUID.nameUUIDFromBytes((memberId + "|" + factKey).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private void print(String label, Stage s) {
        System.out.printf(
                "  %-7s offered %6.1f/s  %3d meetings  end-to-end %6.2f meetings/s (%5.0f scorecards/s)  "
                        + "close→scorecard p50 %5.0f p99 %5.0f ms  close→notice p50 %5.0f p99 %5.0f ms  %s%n",
                label,
                s.offered(),
                s.meetings(),
                s.endToEnd(),
                s.endToEnd() * config.members(),
                s.toScorecard().percentile(50),
                s.toScorecard().percentile(99),
                s.toNotice().percentile(50),
                s.toNotice().percentile(99),
                s.passed() ? "PASS" : "FAIL (" + s.completed() + "/" + s.meetings() + " completed)");
    }

    private void report(List<Stage> stages, Stage best, Baselines.Result kafka, Baselines.Result store) {
        System.out.println();
        System.out.println("=== Results ===");
        System.out.println(
                "| offered | meetings | end-to-end | close→scorecard p50 / p99 | close→notice p50 / p99 | within "
                        + (int) config.sloMillis() + " ms p99 |");
        for (Stage s : stages) {
            System.out.printf(
                    "| %.1f/s | %d | %.2f meetings/s | %.0f / %.0f ms | %.0f / %.0f ms | %s |%n",
                    s.offered(),
                    s.meetings(),
                    s.endToEnd(),
                    s.toScorecard().percentile(50),
                    s.toScorecard().percentile(99),
                    s.toNotice().percentile(50),
                    s.toNotice().percentile(99),
                    s.passed() ? "yes" : "no");
        }
        System.out.printf(
                "floor      kafka produce→consume of the same MeetingClosed records: %.0f msgs/s (%d msgs, p50 %.1f ms,"
                        + " p99 %.1f ms)%n",
                kafka.perSecond(),
                kafka.count(),
                kafka.latencies().percentile(50),
                kafka.latencies().percentile(99));
        System.out.printf(
                "floor      store work of evaluation-service for the same meetings (read + conditional bulk): %.1f"
                        + " meetings/s (%.0f scorecards/s, %d meetings, p50 %.1f ms, p99 %.1f ms)%n",
                store.perSecond(),
                store.perSecond() * store.rowsPerItem(),
                store.count(),
                store.latencies().percentile(50),
                store.latencies().percentile(99));
        if (best == null) {
            System.out.println("pipeline   no stage met the objective");
            return;
        }
        System.out.printf(
                "pipeline   highest end-to-end rate within p99 < %.0f ms: %.2f meetings/s (offered %.1f/s; %.0f"
                        + " scorecards/s)%n",
                config.sloMillis(), best.endToEnd(), best.offered(), best.endToEnd() * config.members());
        System.out.printf("ratio      pipeline / kafka floor = %.4f%n", best.endToEnd() / kafka.perSecond());
        System.out.printf("ratio      pipeline / store floor = %.4f%n", best.endToEnd() / store.perSecond());
    }
}

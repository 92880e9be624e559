package vn.partycell.benchmarks;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.bson.Document;
import tools.jackson.databind.JsonNode;

/**
 * 100,000 members imported through member-service's HTTP API ({@code POST
 * /api/v1/org-units/{cellId}/member-imports}, one CSV of valid rows), followed until finished, against
 * a raw MongoDB {@code insertMany} of the very documents the import stored, into a fresh collection with
 * the same indexes, in batches of the import's size, on the same store in the same run.
 *
 * <p>Prints the total time, rows/s, the time per 1,000 rows over the first and the last
 * {@code bench.import-window} rows (if a per-row lookup were not by a unique key, the end would be
 * much slower than the start), and the ratio to the raw floor.
 */
public final class MemberImportBenchmark {

    private MemberImportBenchmark() {}

    public static void main(String[] args) throws Exception {
        URI gateway = URI.create(prop("bench.gateway", "http://localhost:8080"));
        URI memberService = URI.create(prop("bench.member-service", "http://localhost:8081"));
        String mongoUri = prop("bench.mongo", "mongodb://localhost:27017");
        int rows = Integer.parseInt(prop("bench.import-rows", "100000"));
        int window = Integer.parseInt(prop("bench.import-window", "10000"));
        int batch = Integer.parseInt(prop("bench.import-batch", "500"));
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

        Api api = new Api(gateway);
        String admin = api.get("/dev/tokens").path("admin").asString();
        api.token(admin);
        String province = api.post(
                        "/api/v1/org-units",
                        Map.of("code", "bi" + run, "name", "Tỉnh ủy nhập thử " + run, "kind", "PROVINCE"))
                .path("id")
                .asString();
        String cell = api.post(
                        "/api/v1/org-units",
                        Map.of("code", "cb-01", "name", "Chi bộ nhập thử", "kind", "CELL", "parentId", province))
                .path("id")
                .asString();

        byte[] csv = csv(rows);
        System.out.printf(
                Locale.ROOT, "Member import: %,d rows, %,d bytes of CSV, into cell %s%n", rows, csv.length, cell);

        // Straight to member-service: the import route alone accepts a large body (the gateway keeps 1 MB).
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long start = System.nanoTime();
        HttpResponse<String> accepted = http.send(
                HttpRequest.newBuilder(memberService.resolve(
                                "/api/v1/org-units/" + cell + "/member-imports?fileName=bench.csv"))
                        .header("Authorization", "Bearer " + admin)
                        .header("Content-Type", "text/csv")
                        .timeout(Duration.ofMinutes(5))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(csv))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("upload -> " + accepted.statusCode() + " " + accepted.body());
        }
        long uploaded = System.nanoTime();
        String importId = Api.JSON.readTree(accepted.body()).path("id").asString();
        Api service = new Api(memberService);
        service.token(admin);
        List<long[]> progress = new ArrayList<>(); // {nanos since start, rows read}
        JsonNode job;
        while (true) {
            job = progressOf(service, cell, importId);
            progress.add(
                    new long[] {System.nanoTime() - start, job.path("rowsRead").asLong()});
            String state = job.path("state").asString();
            if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                break;
            }
            Thread.sleep(100);
        }
        long total = System.nanoTime() - start;
        if (!job.path("state").asString().equals("FINISHED")
                || job.path("rowsAccepted").asLong() != rows) {
            throw new IllegalStateException("import did not store every row: " + job);
        }
        double seconds = total / 1e9;
        System.out.printf(
                Locale.ROOT,
                "  import:  %.1f s in all (upload %.1f s), %,.0f rows/s; %d accepted, %d rejected%n",
                seconds,
                (uploaded - start) / 1e9,
                rows / seconds,
                job.path("rowsAccepted").asLong(),
                job.path("rowsRejected").asLong());
        double first = perThousand(progress, 0, window);
        double last = perThousand(progress, rows - window, rows);
        System.out.printf(
                Locale.ROOT,
                "  per 1,000 rows: %.0f ms over the first %,d rows, %.0f ms over the last %,d (end/start %.2f)%n",
                first,
                window,
                last,
                window,
                last / first);

        // End to end: the rows are stored once the job is finished, their events leave afterwards.
        double published = (published(http, memberService) - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "  events: the outbox of member-service empty %.1f s after the upload began, %,.0f members/s end to end%n",
                published,
                rows / published);

        try (MongoClient mongo = MongoClients.create(mongoUri)) {
            MongoCollection<Document> members = mongo.getDatabase("members").getCollection("members");
            List<Document> documents = importedBy(members, importId, rows);
            MongoCollection<Document> floor =
                    mongo.getDatabase("bench_import_floor_" + run).getCollection("members");
            for (Document index : members.listIndexes()) {
                Document keys = index.get("key", Document.class);
                if (!keys.containsKey("_id")) {
                    floor.createIndex(
                            keys,
                            new IndexOptions()
                                    .name(index.getString("name"))
                                    .unique(Boolean.TRUE.equals(index.getBoolean("unique"))));
                }
            }
            long floorStart = System.nanoTime();
            for (int i = 0; i < documents.size(); i += batch) {
                floor.insertMany(
                        documents.subList(i, Math.min(documents.size(), i + batch)),
                        new InsertManyOptions().ordered(false));
            }
            double floorSeconds = (System.nanoTime() - floorStart) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "  raw insertMany of the same %,d documents (batches of %d, same indexes, same store): %.1f s, %,.0f docs/s%n",
                    documents.size(),
                    batch,
                    floorSeconds,
                    documents.size() / floorSeconds);
            System.out.printf(Locale.ROOT, "  import / raw insertMany: %.2f x the time%n", seconds / floorSeconds);
            mongo.getDatabase("bench_import_floor_" + run).drop();
        }
    }

    /**
     * When member-service's outbox backlog gauge ({@code partycell_outbox_backlog}, from the relay's
     * scans of its markers) first reads 0, polled every second for up to half an hour.
     */
    private static long published(HttpClient http, URI memberService) throws Exception {
        long until = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (System.nanoTime() < until) {
            HttpResponse<String> metrics = http.send(
                    HttpRequest.newBuilder(memberService.resolve("/actuator/prometheus"))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            for (String line : metrics.body().split("\n")) {
                if (line.startsWith("partycell_outbox_backlog")
                        && Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) == 0) {
                    return System.nanoTime();
                }
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("member-service's outbox still not empty after 30 min");
    }

    /**
     * The documents the run stored: their ids in one read (the local store answers a query in one
     * reply whatever the batch size, and 100,000 whole members are about 125 MB, over the driver's
     * limit), then the documents by {@code _id} in batches of 500, short index reads. The H2 backend
     * can fail a long read that overlaps writes ("Chunk n not found", an MVStore race): a read that
     * fails is repeated, up to five times.
     */
    private static List<Document> importedBy(MongoCollection<Document> members, String importId, int rows)
            throws InterruptedException {
        List<Object> ids = retried(() -> {
            List<Object> found = new ArrayList<>(rows);
            members.find(eq("importId", importId))
                    .projection(Projections.include("_id"))
                    .forEach(d -> found.add(d.get("_id")));
            return found;
        });
        List<Document> documents = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i += 500) {
            List<Object> batch = ids.subList(i, Math.min(ids.size(), i + 500));
            documents.addAll(retried(() -> members.find(in("_id", batch)).into(new ArrayList<>())));
        }
        return documents;
    }

    private static <T> T retried(Supplier<T> read) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return read.get();
            } catch (MongoException e) {
                if (attempt == 5) {
                    throw e;
                }
                System.out.printf(Locale.ROOT, "  (reading the stored rows failed: %s; retrying)%n", e.getMessage());
                Thread.sleep(5000);
            }
        }
    }

    /**
     * One progress read. The local store serves one command at a time, so a read may wait behind a
     * batch insert: a slow read is retried (up to ten times) instead of ending the run.
     */
    private static JsonNode progressOf(Api service, String cell, String importId) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return service.get("/api/v1/org-units/" + cell + "/member-imports/" + importId);
            } catch (IllegalStateException slow) {
                if (attempt == 10) {
                    throw slow;
                }
                System.out.printf(
                        Locale.ROOT, "  (progress read %d failed: %s; retrying)%n", attempt, slow.getMessage());
                Thread.sleep(1000);
            }
        }
    }

    /** Milliseconds per 1,000 rows between the polls where {@code from} and {@code to} rows had been read. */
    private static double perThousand(List<long[]> progress, long from, long to) {
        long[] a = reached(progress, from);
        long[] b = reached(progress, to);
        return (b[0] - a[0]) / 1e6 / Math.max(1, b[1] - a[1]) * 1000;
    }

    private static long[] reached(List<long[]> progress, long rows) {
        for (long[] p : progress) {
            if (p[1] >= rows) {
                return p;
            }
        }
        return progress.getLast();
    }

    /** Valid rows: men born in 1990, citizen IDs 001 0 90 nnnnnn (Hà Nội, 1900s male, 1990). */
    static byte[] csv(int rows) {
        String[] family = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"};
        String[] middle = {"Văn", "Hữu", "Đức", "Minh", "Quang"};
        String[] given = {"An", "Bình", "Cường", "Dũng", "Hải", "Long", "Nam", "Phúc", "Sơn", "Tùng"};
        StringBuilder out = new StringBuilder(rows * 110);
        out.append("STT,Họ và tên,Ngày sinh,Giới tính,Số CCCD,Số thẻ đảng,Điện thoại,Ngày vào Đảng,Ngày chính thức\n");
        for (int i = 0; i < rows; i++) {
            out.append(i + 1)
                    .append(',')
                    .append(family[i % family.length])
                    .append(' ')
                    .append(middle[(i / 8) % middle.length])
                    .append(' ')
                    .append(given[(i / 40) % given.length])
                    .append(",15/01/1990,Nam,")
                    .append(String.format(Locale.ROOT, "001090%06d", i))
                    .append(',')
                    .append(String.format(Locale.ROOT, "01.%06d", i))
                    .append(",0912345678,15/01/2015,15/01/2016\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String prop(String name, String fallback) {
        String env =
                System.getenv(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        return System.getProperty(name, env == null || env.isBlank() ? fallback : env);
    }
}

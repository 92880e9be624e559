package vn.partycell.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One meeting read ({@code GET /api/v1/meetings/{id}} with a bearer token) under wrk at several
 * connection counts: through the gateway, directly at meeting-service, and the gateway's own
 * {@code /actuator/health} (what the gateway does with no backend behind it). All three are
 * measured in the same run, one after the other per connection count, so the ratios compare like
 * with like on a shared machine.
 */
public final class GatewayReadBenchmark {

    record Config(
            URI gateway,
            URI meetingService,
            List<Integer> connections,
            int seconds,
            int warmUpSeconds,
            int rounds,
            String wrk) {

        static Config fromSystem() {
            return new Config(
                    URI.create(prop("bench.gateway", "http://localhost:8080")),
                    URI.create(prop("bench.meeting-service", "http://localhost:8082")),
                    Arrays.stream(prop("bench.read-connections", "4,32,128").split(","))
                            .map(String::trim)
                            .map(Integer::parseInt)
                            .toList(),
                    Integer.parseInt(prop("bench.read-seconds", "10")),
                    Integer.parseInt(prop("bench.read-warmup-seconds", "20")),
                    Integer.parseInt(prop("bench.read-rounds", "3")),
                    prop("bench.wrk", "wrk"));
        }
    }

    /** What wrk reported for one run. */
    record Run(double perSecond, double p50Millis, double p99Millis, long requests, long non2xx, String errors) {}

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors:[^\\n]*");

    private final Config config;

    GatewayReadBenchmark(Config config) {
        this.config = config;
    }

    public static void main(String[] args) throws Exception {
        new GatewayReadBenchmark(Config.fromSystem()).run();
    }

    void run() throws Exception {
        Api api = new Api(config.gateway());
        String token = api.get("/dev/tokens").path("admin").asString();
        api.token(token);
        String meetingId = oneMeeting(api);
        String path = "/api/v1/meetings/" + meetingId;
        String viaGateway = config.gateway().resolve(path).toString();
        String direct = config.meetingService().resolve(path).toString();
        String health = config.gateway().resolve("/actuator/health").toString();
        System.out.printf(
                "Gateway read benchmark: GET %s, wrk %d s per run, %d rounds (median), after a %d s warm-up per"
                        + " target, connections %s%n",
                path, config.seconds(), config.rounds(), config.warmUpSeconds(), config.connections());

        // Each JVM is warmed at every connection count first: on 2 cores the JIT of a freshly started
        // gateway keeps compiling for tens of seconds, and a cold run measures the compiler.
        for (String url : List.of(direct, viaGateway, health)) {
            for (int connections : config.connections()) {
                wrk(url, url.equals(health) ? null : token, connections, warmUpShare(config));
            }
        }
        List<String[]> rows = new ArrayList<>();
        for (int connections : config.connections()) {
            // Rounds interleave the three targets, so a slow spell of the shared machine hits all of them.
            List<Run> ds = new ArrayList<>();
            List<Run> gs = new ArrayList<>();
            List<Run> hs = new ArrayList<>();
            for (int round = 0; round < config.rounds(); round++) {
                ds.add(wrk(direct, token, connections, config.seconds()));
                gs.add(wrk(viaGateway, token, connections, config.seconds()));
                hs.add(wrk(health, null, connections, config.seconds()));
            }
            Run d = median(ds);
            Run g = median(gs);
            Run h = median(hs);
            rows.add(new String[] {
                Integer.toString(connections),
                cell(d),
                cell(g),
                cell(h),
                String.format(Locale.ROOT, "%.2f", g.perSecond() / d.perSecond()),
                String.format(Locale.ROOT, "%.2f", g.perSecond() / h.perSecond())
            });
            for (List<Run> runs : List.of(ds, gs, hs)) {
                for (Run r : runs) {
                    if (r.non2xx() > 0 || !r.errors().isEmpty()) {
                        System.out.printf(
                                "  WARNING at %d connections: %d non-2xx answers %s%n",
                                connections, r.non2xx(), r.errors());
                    }
                }
            }
            System.out.printf(
                    "  %d connections, per round (req/s): direct %s, gateway %s%n", connections, rates(ds), rates(gs));
        }
        System.out.println();
        System.out.println("=== Reads (req/s, p99) ===");
        System.out.printf(
                "%-6s | %-22s | %-22s | %-22s | %-16s | %s%n",
                "conns",
                "direct meeting-service",
                "through the gateway",
                "gateway /actuator/health",
                "gateway / direct",
                "gateway / health");
        for (String[] r : rows) {
            System.out.printf("%-6s | %-22s | %-22s | %-24s | %-16s | %s%n", (Object[]) r);
        }
    }

    private static int warmUpShare(Config config) {
        return Math.max(2, config.warmUpSeconds() / config.connections().size());
    }

    /** The run with the median rate; its p99 is reported with it (odd rounds: a real run, not a blend). */
    static Run median(List<Run> runs) {
        List<Run> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(Run::perSecond));
        return sorted.get((sorted.size() - 1) / 2);
    }

    private static String rates(List<Run> runs) {
        return runs.stream()
                .map(r -> String.format(Locale.ROOT, "%,.0f", r.perSecond()))
                .collect(Collectors.joining(" / "));
    }

    private static String cell(Run r) {
        return String.format(Locale.ROOT, "%,.0f/s  p99 %.1f ms", r.perSecond(), r.p99Millis());
    }

    /** A cell with one member, known to meeting-service, and one meeting scheduled in it. */
    private static String oneMeeting(Api api) throws InterruptedException {
        String run = Long.toString(System.currentTimeMillis(), 36);
        String province = api.post(
                        "/api/v1/org-units",
                        Map.of("code", "rd-" + run, "name", "Tỉnh ủy đọc tải " + run, "kind", "PROVINCE"))
                .path("id")
                .asString();
        String committee = api.post(
                        "/api/v1/org-units",
                        Map.of("code", "du", "name", "Đảng ủy đọc tải", "kind", "COMMITTEE", "parentId", province))
                .path("id")
                .asString();
        String cell = api.post(
                        "/api/v1/org-units",
                        Map.of("code", "cb-rd", "name", "Chi bộ đọc tải", "kind", "CELL", "parentId", committee))
                .path("id")
                .asString();
        api.post(
                "/api/v1/members",
                Map.of(
                        "fullName",
                        "Đảng viên đọc tải",
                        "gender",
                        "MALE",
                        "dateOfBirth",
                        "1980-01-15",
                        "citizenId",
                        String.format("001080%06d", Math.abs(run.hashCode()) % 1_000_000),
                        "cellId",
                        cell,
                        "status",
                        "FULL",
                        "joinedOn",
                        "2010-05-19"));
        Instant deadline = Instant.now().plusSeconds(120);
        while (true) {
            try {
                if (api.get("/api/v1/cells/" + cell + "/roster").path("members").size() >= 1) {
                    break;
                }
            } catch (IllegalStateException notYet) {
                // 404 until the cell's event reaches meeting-service
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Cell " + cell + " not on meeting-service's rosters after 120 s");
            }
            Thread.sleep(100);
        }
        return api.post(
                        "/api/v1/meetings",
                        Map.of(
                                "cellId",
                                cell,
                                "kind",
                                "REGULAR",
                                "title",
                                "Sinh hoạt thường kỳ",
                                "startsAt",
                                Instant.now().plus(Duration.ofDays(2)).toString(),
                                "place",
                                "Hội trường",
                                "agenda",
                                List.of("Đánh giá tháng trước")))
                .path("id")
                .asString();
    }

    private Run wrk(String url, String token, int connections, int seconds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                config.wrk(),
                "-t" + Math.min(2, connections),
                "-c" + connections,
                "-d" + seconds + "s",
                "--timeout",
                "10s",
                "--latency"));
        if (token != null) {
            command.addAll(List.of("-H", "Authorization: Bearer " + token));
        }
        command.add(url);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("wrk failed on " + url + ":\n" + out);
        }
        return parse(out);
    }

    /** wrk's summary: "Requests/sec:", the latency distribution, non-2xx answers and socket errors. */
    static Run parse(String out) {
        Matcher rate = RATE.matcher(out);
        Matcher total = TOTAL.matcher(out);
        if (!rate.find() || !total.find()) {
            throw new IllegalStateException("Unexpected wrk output:\n" + out);
        }
        Matcher non2xx = NON_2XX.matcher(out);
        Matcher errors = SOCKET_ERRORS.matcher(out);
        return new Run(
                Double.parseDouble(rate.group(1)),
                percentile(out, "50%"),
                percentile(out, "99%"),
                Long.parseLong(total.group(1)),
                non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0,
                errors.find() ? errors.group() : "");
    }

    private static double percentile(String out, String label) {
        Matcher m = Pattern.compile("(?m)^\\s*" + Pattern.quote(label) + "\\s+([\\d.]+)(us|ms|s)\\s*$")
                .matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("No " + label + " latency in wrk output (run with --latency):\n" + out);
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    private static String prop(String name, String fallback) {
        String env =
                System.getenv(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        return System.getProperty(name, env == null || env.isBlank() ? fallback : env);
    }
}

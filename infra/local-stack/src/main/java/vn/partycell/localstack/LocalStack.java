package vn.partycell.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import tools.jackson.databind.json.JsonMapper;
import vn.partycell.localstack.kafka.KafkaBroker;
import vn.partycell.localstack.mongo.MongoStore;
import vn.partycell.localstack.process.ChildProcess;
import vn.partycell.localstack.process.Ports;
import vn.partycell.localstack.process.Readiness;
import vn.partycell.localstack.process.Readiness.ReadinessException;
import vn.partycell.localstack.seed.DemoProvincePlan;
import vn.partycell.localstack.seed.DemoProvinceSeeder;
import vn.partycell.localstack.seed.DevTokens;
import vn.partycell.localstack.seed.GatewayApi;

/**
 * The one-command local stack: MongoDB-wire store (in this JVM), Kafka broker, the four services and
 * the gateway (child processes), the demo seed; Ctrl-C stops everything in reverse order.
 */
public final class LocalStack {

    static final int MONGO_PORT = 27017;
    static final int KAFKA_PORT = 9092;
    static final int KAFKA_CONTROLLER_PORT = 9093;
    static final Duration SERVICE_READY_TIMEOUT = Duration.ofSeconds(180);
    static final Duration STOP_GRACE = Duration.ofSeconds(20);
    static final String SERVICE_HEAP = "384m";
    static final String KAFKA_HEAP = "512m";
    static final int SEED_CONCURRENCY = 8;

    private final LocalStackOptions options;
    private final PrintStream out;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Readiness readiness = new Readiness();
    private final Map<String, ChildProcess> services = new LinkedHashMap<>();
    private final Path logs;
    private final List<ServiceSpec> serviceSpecs;
    private final ServiceSpec gatewaySpec;
    private final int mongoPort;
    private final int kafkaPort;
    private final int kafkaControllerPort;
    private MongoStore mongo;
    private KafkaBroker kafka;
    private ChildProcess gateway;
    private volatile boolean stopping;
    private boolean stopped;

    LocalStack(LocalStackOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.logs = options.dataDir().resolve("logs");
        int offset = options.portOffset();
        this.serviceSpecs =
                ServiceSpec.SERVICES.stream().map(s -> s.offset(offset)).toList();
        this.gatewaySpec = ServiceSpec.GATEWAY.offset(offset);
        this.mongoPort = MONGO_PORT + offset;
        this.kafkaPort = KAFKA_PORT + offset;
        this.kafkaControllerPort = KAFKA_CONTROLLER_PORT + offset;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        LocalStackOptions options;
        try {
            options = LocalStackOptions.parse(
                    args,
                    System.getenv(),
                    Path.of(System.getProperty("partycell.root", System.getProperty("user.dir"))));
        } catch (LaunchException e) {
            out.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            out.print(LocalStackOptions.usage());
            return;
        }
        LocalStack stack = new LocalStack(options, out);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-shutdown"));
        try {
            stack.start();
        } catch (RuntimeException e) {
            if (stack.isStopping()) {
                return; // Ctrl-C while starting: the shutdown hook stops what was started
            }
            fail(out, e);
            System.exit(1);
        }
        try {
            new CountDownLatch(1).await(); // until Ctrl-C / SIGTERM runs the shutdown hook
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void fail(PrintStream out, RuntimeException failure) {
        out.println();
        if (failure instanceof LaunchException e) {
            out.println("ERROR: " + e.getMessage());
            if (e instanceof ReadinessException notReady) {
                out.println("---- last 40 lines of " + notReady.child().logFile() + " ----");
                notReady.child().tail(40).forEach(out::println);
                out.println("----");
            }
        } else {
            out.println("UNEXPECTED ERROR:");
            failure.printStackTrace(out);
        }
    }

    boolean isStopping() {
        return stopping;
    }

    void start() {
        long started = System.nanoTime();
        out.println("PartyCell local stack — data in " + options.dataDir());
        List<ServiceSpec> apps = new ArrayList<>(serviceSpecs);
        apps.add(gatewaySpec);
        requireJars(apps);
        requirePorts(apps);
        String mongoBase = options.mongoUri() != null ? options.mongoUri() : "mongodb://localhost:" + mongoPort;
        Map<ServiceSpec, String> mongoUris = new LinkedHashMap<>();
        for (ServiceSpec service : serviceSpecs) {
            mongoUris.put(service, MongoUris.withDatabase(mongoBase, service.database()));
        }
        createDirectories();

        startMongo();
        String kafkaBootstrap = startKafka();

        Map<String, String> commonEnv = new HashMap<>();
        commonEnv.put("KAFKA_BOOTSTRAP", kafkaBootstrap);
        // Services trust only the dev issuer of THIS stack's gateway (its port may differ from 8080).
        commonEnv.put("JWT_JWK_SET_URI", gatewaySpec.baseUrl() + "/dev/jwks");
        commonEnv.put("JWT_ISSUER", gatewaySpec.baseUrl() + "/dev");
        commonEnv.put("JWT_AUDIENCE", "partycell");

        out.println("Starting the services…");
        for (ServiceSpec service : serviceSpecs) {
            Map<String, String> env = new HashMap<>(commonEnv);
            env.put("MONGODB_URI", mongoUris.get(service));
            startApp(service, env, List.of());
        }
        for (ServiceSpec service : serviceSpecs) {
            awaitReady(service, services.get(service.name()));
        }

        Path usersFile = options.dataDir().resolve("demo-users.json");
        Map<String, String> gatewayEnv = new HashMap<>(commonEnv);
        for (ServiceSpec service : serviceSpecs) {
            String variable =
                    service.name().replace("-service", "").toUpperCase(java.util.Locale.ROOT) + "_SERVICE_URI";
            gatewayEnv.put(variable, service.baseUrl());
        }
        ChildProcess gatewayProcess = startApp(
                gatewaySpec,
                gatewayEnv,
                List.of(
                        "--partycell.dev.users-file=" + usersFile,
                        "--partycell.dev.issuer=" + gatewaySpec.baseUrl() + "/dev",
                        "--partycell.dev.audience=partycell",
                        "--partycell.dev.key-file=" + options.dataDir().resolve("dev-issuer-key.json")));
        awaitReady(gatewaySpec, gatewayProcess);

        GatewayApi api = new GatewayApi(URI.create(gatewaySpec.baseUrl()), json);
        String firstCellId = null;
        if (options.seed()) {
            DemoProvinceSeeder seeder = new DemoProvinceSeeder(
                    api,
                    usersFile,
                    DemoProvincePlan.generate(
                            DemoProvincePlan.DEFAULT_SEED, LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"))),
                    SEED_CONCURRENCY,
                    out);
            firstCellId = seeder.run().firstCellId();
        }

        DevTokens tokens = DevTokens.fetch(api);
        saveTokens(tokens);
        watchChildren();
        printSummary(tokens, firstCellId, (System.nanoTime() - started) / 1_000_000_000L);
    }

    private void requireJars(List<ServiceSpec> apps) {
        List<String> missing = new ArrayList<>();
        for (ServiceSpec app : apps) {
            if (!Files.isRegularFile(app.jar(options.root()))) {
                missing.add(app.jar(options.root()).toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new LaunchException("Not found: " + String.join(", ", missing)
                    + ". Build first (run infra/local-stack/run.sh without PARTYCELL_SKIP_BUILD, or "
                    + "./mvnw -B -DskipTests package).");
        }
    }

    private void requirePorts(List<ServiceSpec> apps) {
        if (options.mongoUri() == null) {
            Ports.requireFree(mongoPort, "MongoDB");
        }
        if (options.kafkaBootstrap() == null) {
            Ports.requireFree(kafkaPort, "Kafka");
            Ports.requireFree(kafkaControllerPort, "Kafka controller");
        }
        for (ServiceSpec app : apps) {
            Ports.requireFree(app.port(), app.name());
        }
    }

    private void createDirectories() {
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new LaunchException("Cannot create the directory " + logs + ": " + e.getMessage(), e);
        }
    }

    private void startMongo() {
        if (options.mongoUri() != null) {
            out.println("MongoDB: using MONGODB_URI (" + redact(options.mongoUri()) + ")");
            return;
        }
        MongoStore store = new MongoStore(options.dataDir().resolve("mongo.mv.db"), "127.0.0.1", mongoPort);
        synchronized (this) {
            mongo = store;
        }
        store.start();
        out.println("MongoDB (mongo-java-server, file " + store.file() + ") ready on port " + mongoPort);
    }

    private String startKafka() {
        if (options.kafkaBootstrap() != null) {
            out.println("Kafka: using KAFKA_BOOTSTRAP=" + options.kafkaBootstrap());
            return options.kafkaBootstrap();
        }
        Path lib = options.root().resolve("infra/local-stack/target/lib");
        if (!Files.isDirectory(lib)) {
            throw new LaunchException("Missing " + lib + " (the Kafka libraries); build local-stack again.");
        }
        long begin = System.nanoTime();
        KafkaBroker broker = new KafkaBroker(
                options.dataDir().resolve("kafka"),
                kafkaPort,
                kafkaControllerPort,
                lib.resolve("*").toString(),
                logs.resolve("kafka.log"),
                KAFKA_HEAP);
        synchronized (this) {
            kafka = broker;
        }
        out.println("Starting Kafka" + (broker.isFormatted() ? "" : " (formatting its storage the first time)") + "…");
        broker.start(Duration.ofSeconds(120));
        out.printf(
                "Kafka ready at %s (%d s)%n", broker.bootstrapServers(), (System.nanoTime() - begin) / 1_000_000_000L);
        return broker.bootstrapServers();
    }

    private ChildProcess startApp(ServiceSpec app, Map<String, String> env, List<String> extraArgs) {
        List<String> command = new ArrayList<>(List.of(
                ChildProcess.currentJava(),
                "-Xmx" + SERVICE_HEAP,
                "-Dstdout.encoding=UTF-8",
                "-Dstderr.encoding=UTF-8",
                "-jar",
                app.jar(options.root()).toString(),
                "--spring.profiles.active=local"));
        command.addAll(extraArgs);
        Map<String, String> environment = new HashMap<>(env);
        environment.put("SERVER_PORT", String.valueOf(app.port()));
        synchronized (this) {
            if (stopping) {
                throw new LaunchException("Stopping");
            }
            ChildProcess child = ChildProcess.start(
                    app.name(), command, environment, logs.resolve(app.name() + ".log"), options.root());
            if (app == gatewaySpec) {
                gateway = child;
            } else {
                services.put(app.name(), child);
            }
            return child;
        }
    }

    private void awaitReady(ServiceSpec app, ChildProcess child) {
        Duration took = readiness.await(
                child,
                URI.create(app.baseUrl() + "/actuator/health/readiness"),
                SERVICE_READY_TIMEOUT,
                Duration.ofSeconds(20),
                out);
        out.printf("%s ready (%d s)%n", app.name(), took.toSeconds());
    }

    private void saveTokens(DevTokens tokens) {
        Path tokenDir = options.dataDir().resolve("tokens");
        try {
            Files.writeString(
                    options.dataDir().resolve("dev-tokens.json"),
                    json.writerWithDefaultPrettyPrinter().writeValueAsString(tokens.raw()) + "\n",
                    StandardCharsets.UTF_8);
            Files.createDirectories(tokenDir);
            try (DirectoryStream<Path> old = Files.newDirectoryStream(tokenDir, "*.jwt")) {
                for (Path file : old) {
                    Files.delete(file);
                }
            }
            for (Map.Entry<String, String> token : tokens.byUsername().entrySet()) {
                Files.writeString(tokenDir.resolve(token.getKey() + ".jwt"), token.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the tokens to " + options.dataDir(), e);
        }
    }

    private void printSummary(DevTokens tokens, String firstCellId, long seconds) {
        Path tokenDir = options.dataDir().resolve("tokens");
        String gatewayUrl = gatewaySpec.baseUrl();
        out.println();
        out.println("==============================================================");
        out.printf("Local stack running (%d s). Gateway: %s%n", seconds, gatewayUrl);
        out.println();
        out.println("Test tokens (in full in " + options.dataDir().resolve("dev-tokens.json") + ", one per user in "
                + tokenDir + "/<username>.jwt):");
        tokens.byUsername()
                .forEach((username, token) ->
                        out.println("  " + username + ": " + token.substring(0, Math.min(24, token.length())) + "…"));
        out.println();
        String adminUser = tokens.byUsername().containsKey("tinh-uy") ? "tinh-uy" : "admin";
        String cellUser = tokens.byUsername().containsKey("bi-thu-cb01") ? "bi-thu-cb01" : adminUser;
        out.println("Examples:");
        out.println("  curl -s " + gatewayUrl + "/dev/tokens");
        out.println("  curl -s -H \"Authorization: Bearer $(cat '" + tokenDir.resolve(adminUser + ".jwt") + "')\" '"
                + gatewayUrl + "/api/v1/org-units?kind=COMMITTEE'");
        out.println("  curl -s -H \"Authorization: Bearer $(cat '" + tokenDir.resolve(cellUser + ".jwt") + "')\" '"
                + gatewayUrl + "/api/v1/org-units?code=cb-01'");
        if (firstCellId != null) {
            out.println("  curl -s -H \"Authorization: Bearer $(cat '" + tokenDir.resolve(cellUser + ".jwt") + "')\" '"
                    + gatewayUrl + "/api/v1/org-units/" + firstCellId + "/members?size=5'");
        }
        out.println("  curl -s " + gatewayUrl + "/actuator/health");
        out.println();
        out.println("Log: " + logs);
        out.println("Press Ctrl-C to stop");
        out.println("==============================================================");
    }

    /** Reports a child that exits while the stack runs (it is not restarted). */
    private void watchChildren() {
        List<ChildProcess> children = new ArrayList<>(services.values());
        children.add(gateway);
        if (kafka != null) {
            children.add(kafka.process());
        }
        for (ChildProcess child : children) {
            child.onExit(() -> {
                if (!stopping && !child.isStopping()) {
                    out.printf(
                            "WARNING: %s stopped unexpectedly (exit code %d); see %s%n",
                            child.name(), child.exitCode(), child.logFile());
                }
            });
        }
    }

    /** Stops the gateway and services, then Kafka, then the MongoDB store; safe to call twice. */
    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopping = true;
        stopped = true;
        boolean anything = gateway != null || !services.isEmpty() || kafka != null || mongo != null;
        if (!anything) {
            return;
        }
        out.println();
        out.println("Stopping…");
        if (gateway != null) {
            stopChild(gateway);
        }
        List<Thread> stoppers = new ArrayList<>();
        for (ChildProcess service : services.values()) {
            stoppers.add(Thread.ofPlatform().start(() -> stopChild(service)));
        }
        for (Thread stopper : stoppers) {
            try {
                stopper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (kafka != null && kafka.process() != null) {
            stopChild(kafka.process());
        }
        if (mongo != null) {
            try {
                mongo.close();
                out.println("  stopped MongoDB (data written to " + mongo.file() + ")");
            } catch (RuntimeException e) {
                out.println("  error while stopping MongoDB: " + e.getMessage());
            }
        }
        out.println("Stopped.");
    }

    private void stopChild(ChildProcess child) {
        if (!child.isAlive()) {
            child.stop(Duration.ZERO);
            return;
        }
        boolean graceful = child.stop(STOP_GRACE);
        out.println("  stopped " + child.name() + (graceful ? "" : " (killed after " + STOP_GRACE.toSeconds() + " s)"));
    }

    private static String redact(String uri) {
        return uri.replaceAll("//([^:/@]+):([^@]+)@", "//$1:***@");
    }
}

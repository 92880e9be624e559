package vn.partycell.localstack.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import vn.partycell.localstack.LaunchException;
import vn.partycell.localstack.process.ChildProcess;

/**
 * A real Apache Kafka broker (KRaft, broker and controller in one process) run as a child JVM
 * from the kafka_2.13 jars. Its files live under one directory:
 *
 * <pre>
 *   &lt;dir&gt;/server.properties   written on every start
 *   &lt;dir&gt;/log4j2.properties   the broker's logging (to stdout, which goes to the log file)
 *   &lt;dir&gt;/cluster-id          chosen once, used to format the storage
 *   &lt;dir&gt;/logs/               log.dirs (topic data, meta.properties)
 * </pre>
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String HOST = "localhost";

    private final Path dir;
    private final int brokerPort;
    private final int controllerPort;
    private final String classpath;
    private final Path logFile;
    private final String maxHeap;
    private final Scram scram;
    private volatile ChildProcess process;
    private volatile boolean closed;

    /**
     * @param classpath the broker's classpath (kafka_2.13 and its runtime dependencies); a
     *     directory wildcard such as {@code target/lib/*} works
     */
    public KafkaBroker(Path dir, int brokerPort, int controllerPort, String classpath, Path logFile, String maxHeap) {
        this(dir, brokerPort, controllerPort, classpath, logFile, maxHeap, null);
    }

    /** With {@code scram}: SASL/SCRAM-SHA-512 logins and ACLs required (see {@link Scram}). */
    public KafkaBroker(
            Path dir, int brokerPort, int controllerPort, String classpath, Path logFile, String maxHeap, Scram scram) {
        this.scram = scram;
        this.dir = dir.toAbsolutePath();
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
        this.classpath = classpath;
        this.logFile = logFile.toAbsolutePath();
        this.maxHeap = maxHeap;
    }

    public String bootstrapServers() {
        return HOST + ":" + brokerPort;
    }

    public Path serverProperties() {
        return dir.resolve("server.properties");
    }

    public Path logDir() {
        return dir.resolve("logs");
    }

    public Path logFile() {
        return logFile;
    }

    /** Writes the configuration, formats the storage on the first start, starts and waits. */
    public synchronized KafkaBroker start(Duration readyTimeout) {
        requireOpen();
        if (process != null && process.isAlive()) {
            return this;
        }
        KafkaServerProperties.write(serverProperties(), HOST, brokerPort, controllerPort, logDir(), scram);
        writeLoggingConfig();
        formatStorageOnce();
        process = ChildProcess.start(
                "Kafka", javaCommand("kafka.Kafka", List.of(serverProperties().toString())), Map.of(), logFile, dir);
        awaitReady(readyTimeout);
        return this;
    }

    private void requireOpen() {
        if (closed) {
            throw new LaunchException("Kafka was asked to stop");
        }
    }

    /** True when log.dirs already holds a formatted storage (meta.properties). */
    public boolean isFormatted() {
        return Files.exists(logDir().resolve("meta.properties"));
    }

    /** The cluster id kept in the data directory; a new one is chosen on the first call. */
    public String clusterId() {
        Path file = dir.resolve("cluster-id");
        try {
            if (Files.exists(file)) {
                String id = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (!id.isEmpty()) {
                    return id;
                }
            }
            Files.createDirectories(dir);
            String id = Uuid.randomUuid().toString();
            Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write " + file, e);
        }
    }

    private void formatStorageOnce() {
        if (isFormatted()) {
            return;
        }
        List<String> args = new ArrayList<>(
                List.of("format", "-t", clusterId(), "-c", serverProperties().toString()));
        if (scram != null) {
            args.addAll(List.of("--add-scram", scram.formatArgument()));
        }
        int exit = ChildProcess.run(
                "Kafka storage format",
                javaCommand("kafka.tools.StorageTool", args),
                logFile,
                dir,
                Duration.ofSeconds(120));
        if (exit != 0 || !isFormatted()) {
            throw new LaunchException("Formatting the Kafka storage failed (exit code " + exit + "); see " + logFile
                    + System.lineSeparator() + String.join(System.lineSeparator(), ChildProcess.tail(logFile, 20)));
        }
    }

    private List<String> javaCommand(String mainClass, List<String> args) {
        List<String> command = new ArrayList<>(List.of(
                ChildProcess.currentJava(),
                "-Xmx" + maxHeap,
                "-XX:+UseG1GC",
                "-XX:MaxGCPauseMillis=20",
                "-Djava.awt.headless=true",
                "-Dstdout.encoding=UTF-8",
                "-Dstderr.encoding=UTF-8",
                "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties").toUri(),
                "-cp",
                classpath,
                mainClass));
        command.addAll(args);
        return command;
    }

    private void writeLoggingConfig() {
        String config = """
                # Written by the partycell local stack: the broker logs to stdout, kept in the log file.
                status = warn
                appender.stdout.type = Console
                appender.stdout.name = STDOUT
                appender.stdout.layout.type = PatternLayout
                appender.stdout.layout.pattern = [%d] %p %m (%c)%n
                rootLogger.level = INFO
                rootLogger.appenderRef.stdout.ref = STDOUT
                logger.request.name = kafka.request.logger
                logger.request.level = WARN
                logger.statechange.name = state.change.logger
                logger.statechange.level = WARN
                """;
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("log4j2.properties"), config, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Properties config = new Properties();
        if (scram != null) {
            config.putAll(Scram.clientProperties(scram.superUser(), scram.superPassword()));
        }
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "partycell-local-stack");
        try (Admin admin = Admin.create(config)) {
            while (true) {
                if (!process.isAlive()) {
                    throw new LaunchException("Kafka exited while starting (exit code " + process.exitCode() + "); see "
                            + logFile + System.lineSeparator()
                            + String.join(System.lineSeparator(), process.tail(40)));
                }
                try {
                    int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000))
                            .nodes()
                            .get(3, TimeUnit.SECONDS)
                            .size();
                    if (nodes > 0) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new LaunchException("Interrupted while waiting for Kafka", e);
                } catch (Exception notYet) {
                    // The broker is still starting.
                }
                if (System.nanoTime() > deadline) {
                    throw new LaunchException("Kafka not ready after " + timeout.toSeconds() + " s; see " + logFile
                            + System.lineSeparator() + String.join(System.lineSeparator(), process.tail(40)));
                }
                sleep(300);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("Interrupted while waiting for Kafka", e);
        }
    }

    public boolean isRunning() {
        ChildProcess current = process;
        return current != null && current.isAlive();
    }

    /** The broker process once started, else null. */
    public ChildProcess process() {
        return process;
    }

    /** Stops the broker: SIGTERM (controlled shutdown), then kill after {@code grace}. */
    public void stop(Duration grace) {
        closed = true;
        ChildProcess current = process;
        if (current != null) {
            current.stop(grace);
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(20));
    }
}

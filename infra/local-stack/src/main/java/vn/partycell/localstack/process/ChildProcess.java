package vn.partycell.localstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import vn.partycell.localstack.LaunchException;

/**
 * A child process of the launcher (the Kafka broker, a service, the gateway) with its output
 * appended to one log file.
 *
 * <p>When {@code setsid} is available the child runs in its own session, so Ctrl-C in the
 * terminal reaches only the launcher, which then stops the children in order (services first,
 * then Kafka).
 */
public final class ChildProcess {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Instant startedAt;
    private volatile boolean stopping;

    private ChildProcess(String name, Process process, Path logFile, Instant startedAt) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.startedAt = startedAt;
    }

    /** The java binary this JVM runs on; children use the same one. */
    public static String currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Starts a long-running child in its own session (when setsid exists). */
    public static ChildProcess start(
            String name, List<String> command, Map<String, String> environment, Path logFile, Path workDir) {
        return start(name, command, environment, logFile, workDir, true);
    }

    private static ChildProcess start(
            String name,
            List<String> command,
            Map<String, String> environment,
            Path logFile,
            Path workDir,
            boolean ownSession) {
        List<String> fullCommand = new ArrayList<>();
        if (ownSession && Files.isExecutable(SETSID)) {
            fullCommand.add(SETSID.toString());
        }
        fullCommand.addAll(command);
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(
                    logFile,
                    "==== " + Instant.now() + " " + String.join(" ", command) + System.lineSeparator(),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(fullCommand)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(environment);
            return new ChildProcess(name, builder.start(), logFile, Instant.now());
        } catch (IOException e) {
            throw new LaunchException("Cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs a short command to completion, appending its output to the log; returns the exit code.
     * It stays in the launcher's session, so Ctrl-C reaches it too.
     */
    public static int run(String name, List<String> command, Path logFile, Path workDir, Duration timeout) {
        ChildProcess child = start(name, command, Map.of(), logFile, workDir, false);
        try {
            if (!child.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                child.stop(Duration.ofSeconds(5));
                throw new LaunchException(
                        name + " did not finish within " + timeout.toSeconds() + " s; see " + logFile);
            }
            return child.process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.stop(Duration.ofSeconds(5));
            throw new LaunchException(name + " interrupted", e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Exit code, or -1 while it runs. */
    public int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** True once {@link #stop} was called: an exit after that is expected. */
    public boolean isStopping() {
        return stopping;
    }

    /** Calls {@code action} when the process exits. */
    public void onExit(Runnable action) {
        process.onExit().thenRun(action);
    }

    /**
     * Asks the process to stop (SIGTERM), waits up to {@code grace}, then kills it. Returns true
     * when it stopped within the grace period.
     */
    public boolean stop(Duration grace) {
        stopping = true;
        if (!process.isAlive()) {
            return true;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                descendants.forEach(ProcessHandle::destroy);
                return true;
            }
            process.destroyForcibly();
            descendants.forEach(ProcessHandle::destroyForcibly);
            process.waitFor(10, TimeUnit.SECONDS);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
    }

    /** The last {@code lines} lines of the log file. */
    public List<String> tail(int lines) {
        return tail(logFile, lines);
    }

    public static List<String> tail(Path file, int lines) {
        if (!Files.exists(file)) {
            return List.of();
        }
        Deque<String> last = new ArrayDeque<>(lines);
        try (Stream<String> stream = Files.lines(file, StandardCharsets.UTF_8)) {
            stream.forEach(line -> {
                if (last.size() == lines) {
                    last.removeFirst();
                }
                last.addLast(line);
            });
        } catch (UncheckedIOException | IOException e) {
            return List.of("(cannot read " + file + ": " + e.getMessage() + ")");
        }
        return List.copyOf(last);
    }
}

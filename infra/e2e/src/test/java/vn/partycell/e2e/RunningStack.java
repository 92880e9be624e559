package vn.partycell.e2e;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The whole platform as a user would run it: the local-stack launcher (Kafka broker, MongoDB-wire
 * store on disk, four services, gateway) as a child process, on ports moved by a free offset and
 * with its own data directory, so it never meets a developer's running stack.
 */
final class RunningStack implements AutoCloseable {

    private static final int[] BASE_PORTS = {8080, 8081, 8082, 8083, 8084, 9092, 9093, 27017};

    final Path root;
    final Path data;
    final int offset;
    private final Process launcher;
    private final Path log;

    private RunningStack(Path root, Path data, int offset, Process launcher, Path log) {
        this.root = root;
        this.data = data;
        this.offset = offset;
        this.launcher = launcher;
        this.log = log;
    }

    static RunningStack start() throws IOException, InterruptedException {
        Path root = repositoryRoot();
        Path localStack = root.resolve("infra/local-stack/target");
        Path jar = localStack.resolve("local-stack-0.1.0-SNAPSHOT.jar");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(localStack.resolve("lib"))) {
            throw new IllegalStateException(
                    "Build the reactor first (./mvnw verify builds every jar before this module runs): " + jar);
        }
        Path data = Files.createTempDirectory("partycell-e2e-");
        int offset = freeOffset();
        Path log = data.resolve("launcher.log");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dpartycell.root=" + root,
                        "-cp",
                        jar + File.pathSeparator + localStack.resolve("lib") + File.separator + "*",
                        "vn.partycell.localstack.LocalStack",
                        "--no-seed")
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("PARTYCELL_DATA_DIR", data.toString());
        builder.environment().put("PARTYCELL_PORT_OFFSET", String.valueOf(offset));
        builder.environment().remove("MONGODB_URI");
        builder.environment().remove("KAFKA_BOOTSTRAP");
        RunningStack stack = new RunningStack(root, data, offset, builder.start(), log);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
        stack.awaitGateway(Duration.ofMinutes(6));
        return stack;
    }

    URI gateway() {
        return URI.create("http://localhost:" + (8080 + offset));
    }

    String kafkaBootstrap() {
        return "localhost:" + (9092 + offset);
    }

    Path usersFile() {
        return data.resolve("demo-users.json");
    }

    private void awaitGateway(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!launcher.isAlive()) {
                throw new IllegalStateException("The local stack stopped while starting:\n" + tail());
            }
            // The launcher prints its summary once the gateway is ready and the tokens are saved.
            if (Files.exists(data.resolve("dev-tokens.json"))) {
                try {
                    HttpResponse<String> health = http.send(
                            HttpRequest.newBuilder(gateway().resolve("/actuator/health"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (health.statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // keep waiting
                }
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The local stack was not ready after " + timeout + ":\n" + tail());
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no launcher log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (launcher.isAlive()) {
            launcher.destroy(); // SIGTERM: the launcher stops gateway, services, Kafka, then the store
            try {
                if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
                    launcher.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int freeOffset() {
        for (int attempt = 0; attempt < 50; attempt++) {
            // Keep every moved port (the highest base is 27017) below the kernel's ephemeral range
            // (32768+): otherwise a client connection made while the stack starts can take it.
            int offset = 1_000 + ThreadLocalRandom.current().nextInt(47) * 100;
            boolean free = true;
            for (int port : BASE_PORTS) {
                try (ServerSocket socket = new ServerSocket(port + offset)) {
                    socket.setReuseAddress(true);
                } catch (IOException taken) {
                    free = false;
                    break;
                }
            }
            if (free) {
                return offset;
            }
        }
        throw new IllegalStateException("No free block of ports for the end-to-end stack");
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("infra/local-stack"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Run from inside the repository");
        }
        return dir;
    }
}

package vn.partycell.localstack;

import java.nio.file.Path;
import java.util.List;

/**
 * A Spring Boot application the stack runs: its module directory (relative to the repository root),
 * artifact, port and database ({@code null} for the gateway, which has none).
 */
public record ServiceSpec(String name, String moduleDir, String artifact, int port, String database) {

    public static final String VERSION = "0.1.0-SNAPSHOT";

    /** The four services, started together. */
    public static final List<ServiceSpec> SERVICES = List.of(
            new ServiceSpec("member-service", "member-service", "member-service", 8081, "members"),
            new ServiceSpec("meeting-service", "meeting-service", "meeting-service", 8082, "meetings"),
            new ServiceSpec("evaluation-service", "evaluation-service", "evaluation-service", 8083, "evaluations"),
            new ServiceSpec(
                    "notification-service", "notification-service", "notification-service", 8084, "notifications"));

    /** The gateway, started once the services are ready. */
    public static final ServiceSpec GATEWAY = new ServiceSpec("gateway", "infra/gateway", "gateway", 8080, null);

    /** The same application on its port moved by {@code offset}. */
    public ServiceSpec offset(int offset) {
        return new ServiceSpec(name, moduleDir, artifact, port + offset, database);
    }

    /** {@code <root>/<module>/target/<artifact>-0.1.0-SNAPSHOT.jar} */
    public Path jar(Path root) {
        return root.resolve(moduleDir).resolve("target").resolve(artifact + "-" + VERSION + ".jar");
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }
}

package vn.partycell.localstack;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the launcher was asked to do: flags from the command line, overrides from the environment.
 *
 * @param root the repository root (the jars are found below it)
 * @param dataDir where the stack keeps its data and logs ({@code PARTYCELL_DATA_DIR}, default
 *     {@code <root>/.data})
 * @param mongoUri an external MongoDB ({@code MONGODB_URI}), or null to run the embedded store
 * @param kafkaBootstrap an external Kafka ({@code KAFKA_BOOTSTRAP}), or null to run a broker
 * @param seed false with {@code --no-seed}
 * @param help true with {@code --help} / {@code -h}
 * @param portOffset added to every port ({@code PARTYCELL_PORT_OFFSET}), so a second stack (the
 *     end-to-end tests, the benchmark) can run beside the usual one
 */
public record LocalStackOptions(
        Path root, Path dataDir, String mongoUri, String kafkaBootstrap, boolean seed, boolean help, int portOffset) {

    public static LocalStackOptions parse(String[] args, Map<String, String> env, Path root) {
        boolean seed = true;
        boolean help = false;
        for (String arg : args) {
            switch (arg) {
                case "--no-seed" -> seed = false;
                case "--help", "-h" -> help = true;
                default -> throw new LaunchException("Unknown argument '" + arg + "'. See --help.");
            }
        }
        Path absoluteRoot = root.toAbsolutePath().normalize();
        String dataDir = blankToNull(env.get("PARTYCELL_DATA_DIR"));
        Path data = dataDir == null
                ? absoluteRoot.resolve(".data")
                : absoluteRoot.resolve(dataDir).toAbsolutePath().normalize();
        return new LocalStackOptions(
                absoluteRoot,
                data,
                blankToNull(env.get("MONGODB_URI")),
                blankToNull(env.get("KAFKA_BOOTSTRAP")),
                seed,
                help,
                portOffset(env.get("PARTYCELL_PORT_OFFSET")));
    }

    private static int portOffset(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(value.trim());
            if (offset < 0 || offset > 50_000) {
                throw new NumberFormatException();
            }
            return offset;
        } catch (NumberFormatException e) {
            throw new LaunchException("PARTYCELL_PORT_OFFSET must be an integer from 0 to 50000, not '" + value + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public static String usage() {
        return """
                Usage: infra/local-stack/run.sh [--no-seed] [--help]

                Runs the whole system on this machine with one command: a MongoDB store (mongo-java-server,
                kept in an H2 file), Kafka (KRaft, one node), the four services, the gateway at
                http://localhost:8080, and on the first run the demo data of Tỉnh ủy Hưng Yên (30 party cells,
                600 members).

                Options:
                  --no-seed   do not create the demo data
                  --help      print this help

                Environment:
                  PARTYCELL_DATA_DIR   directory for data and logs (default: <repo>/.data)
                  MONGODB_URI          use an external MongoDB instead of the embedded store, e.g.
                                       mongodb://localhost:27017 or mongodb://user:pass@db:27017/?authSource=admin.
                                       Each service's database name (members, meetings, evaluations,
                                       notifications) is put into the URI's path; a name already in the URI
                                       is replaced, the options after ? are kept.
                  KAFKA_BOOTSTRAP      use an external Kafka (e.g. broker:9092) instead of running a broker
                  PARTYCELL_SKIP_BUILD=1   run.sh does not build again (uses the jars already there)
                  PARTYCELL_PORT_OFFSET    added to every port (to run a second stack beside the first)

                Ports: gateway 8080, services 8081–8084, Kafka 9092/9093, MongoDB 27017.
                Press Ctrl-C to stop everything.
                """;
    }
}

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
                default -> throw new LaunchException("Không hiểu tham số '" + arg + "'. Xem --help.");
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
            throw new LaunchException(
                    "PARTYCELL_PORT_OFFSET phải là số nguyên từ 0 đến 50000, không phải '" + value + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public static String usage() {
        return """
                Cách dùng: infra/local-stack/run.sh [--no-seed] [--help]

                Chạy toàn bộ hệ thống trên máy này bằng một lệnh: kho dữ liệu MongoDB (mongo-java-server,
                lưu vào tệp H2), Kafka (KRaft, một nút), bốn dịch vụ, gateway ở http://localhost:8080, và
                tạo dữ liệu mẫu của Tỉnh ủy Hưng Yên (30 chi bộ, 600 đảng viên) ở lần chạy đầu.

                Tham số:
                  --no-seed   không tạo dữ liệu mẫu
                  --help      in hướng dẫn này

                Biến môi trường:
                  PARTYCELL_DATA_DIR   thư mục dữ liệu và log (mặc định: <repo>/.data)
                  MONGODB_URI          dùng MongoDB ngoài thay cho kho nhúng, ví dụ mongodb://localhost:27017
                                       hoặc mongodb://user:pass@db:27017/?authSource=admin. Tên cơ sở dữ liệu
                                       của từng dịch vụ (members, meetings, evaluations, notifications) được
                                       đặt vào đường dẫn của URI; tên có sẵn trong URI bị thay, tùy chọn sau
                                       dấu ? được giữ nguyên.
                  KAFKA_BOOTSTRAP      dùng Kafka ngoài (ví dụ broker:9092) thay cho broker tự chạy
                  PARTYCELL_SKIP_BUILD=1   run.sh không build lại (dùng các jar đã có)
                  PARTYCELL_PORT_OFFSET    cộng thêm vào mọi cổng (chạy song song một bộ thứ hai)

                Cổng: gateway 8080, dịch vụ 8081–8084, Kafka 9092/9093, MongoDB 27017.
                Nhấn Ctrl-C để dừng tất cả.
                """;
    }
}

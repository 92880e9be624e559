package vn.partycell.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MongoUrisTest {

    @Test
    void putsTheDatabaseIntoThePath() {
        assertThat(MongoUris.withDatabase("mongodb://localhost:27017", "members"))
                .isEqualTo("mongodb://localhost:27017/members");
        assertThat(MongoUris.withDatabase("mongodb://localhost:27017/", "members"))
                .isEqualTo("mongodb://localhost:27017/members");
        assertThat(MongoUris.withDatabase("mongodb://db:27017/other", "meetings"))
                .isEqualTo("mongodb://db:27017/meetings");
    }

    @Test
    void keepsCredentialsHostsAndOptions() {
        assertThat(MongoUris.withDatabase(
                        "mongodb://u:p@a:27017,b:27017/?authSource=admin&replicaSet=rs0", "evaluations"))
                .isEqualTo("mongodb://u:p@a:27017,b:27017/evaluations?authSource=admin&replicaSet=rs0");
        assertThat(MongoUris.withDatabase("mongodb://a:27017?tls=true", "notifications"))
                .isEqualTo("mongodb://a:27017/notifications?tls=true");
        assertThat(MongoUris.withDatabase("mongodb+srv://u:p@cluster.example.net/x?retryWrites=true", "members"))
                .isEqualTo("mongodb+srv://u:p@cluster.example.net/members?retryWrites=true");
    }

    @Test
    void rejectsWhatIsNotAMongoUri() {
        assertThatThrownBy(() -> MongoUris.withDatabase("localhost:27017", "members"))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("MONGODB_URI must start with mongodb:// or mongodb+srv://");
        assertThatThrownBy(() -> MongoUris.withDatabase("mongodb:///members", "members"))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("MONGODB_URI names no host");
    }

    @Test
    void optionsComeFromFlagsAndEnvironment() {
        Path root = Path.of("/repo");
        LocalStackOptions defaults = LocalStackOptions.parse(new String[0], Map.of(), root);
        assertThat(defaults.dataDir()).isEqualTo(Path.of("/repo/.data"));
        assertThat(defaults.mongoUri()).isNull();
        assertThat(defaults.kafkaBootstrap()).isNull();
        assertThat(defaults.seed()).isTrue();
        assertThat(defaults.help()).isFalse();

        LocalStackOptions custom = LocalStackOptions.parse(
                new String[] {"--no-seed", "--help"},
                Map.of("PARTYCELL_DATA_DIR", "/tmp/pc", "MONGODB_URI", "mongodb://db", "KAFKA_BOOTSTRAP", " k:9092 "),
                root);
        assertThat(custom.dataDir()).isEqualTo(Path.of("/tmp/pc"));
        assertThat(custom.mongoUri()).isEqualTo("mongodb://db");
        assertThat(custom.kafkaBootstrap()).isEqualTo("k:9092");
        assertThat(custom.seed()).isFalse();
        assertThat(custom.help()).isTrue();

        assertThat(LocalStackOptions.parse(new String[0], Map.of("PARTYCELL_DATA_DIR", "tmp/d"), root)
                        .dataDir())
                .isEqualTo(Path.of("/repo/tmp/d"));
        assertThatThrownBy(() -> LocalStackOptions.parse(new String[] {"--seed-only"}, Map.of(), root))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("Unknown argument '--seed-only'");
    }
}

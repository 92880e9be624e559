package vn.partycell.localstack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.partycell.localstack.LaunchException;

class PortsTest {

    @TempDir
    Path dir;

    @Test
    void aListeningPortIsReportedByNumberAndPurpose() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = taken.getLocalPort();

            assertThat(Ports.isFree(port)).isFalse();
            assertThatThrownBy(() -> Ports.requireFree(port, "Kafka"))
                    .isInstanceOf(LaunchException.class)
                    .hasMessageContaining("Port " + port + " (Kafka) is taken");
        }
    }

    @Test
    void aClosedPortIsFree() {
        int port = Ports.freePort();
        assertThat(Ports.isFree(port)).isTrue();
        Ports.requireFree(port, "gateway");
    }

    @Test
    void aChildLogsToItsFileAndStopsOnRequest() throws Exception {
        Path log = dir.resolve("logs/sleeper.log");
        ChildProcess child = ChildProcess.start(
                "sleeper",
                List.of("bash", "-c", "echo \"bắt đầu $GREETING\"; exec sleep 60"),
                Map.of("GREETING", "xin chào"),
                log,
                dir);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Files.readString(log).contains("bắt đầu xin chào") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(child.isAlive()).isTrue();
        assertThat(child.tail(1)).containsExactly("bắt đầu xin chào");

        assertThat(child.stop(Duration.ofSeconds(5))).isTrue();
        assertThat(child.isAlive()).isFalse();
        assertThat(child.isStopping()).isTrue();
        assertThat(ProcessHandle.of(child.pid()).map(ProcessHandle::isAlive).orElse(false))
                .isFalse();
    }
}

package vn.partycell.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.partycell.gateway.dev.DevIssuerConfiguration;
import vn.partycell.gateway.dev.DevIssuerController;
import vn.partycell.gateway.dev.DevIssuerProperties;
import vn.partycell.gateway.dev.DevSigningKey;
import vn.partycell.gateway.dev.DevTokenIssuer;
import vn.partycell.gateway.dev.DevUserDirectory;

/**
 * A production run (no profile) has no dev issuer: no beans, no key created, /dev/** not served.
 * Even with the issuer's properties set, nothing of it appears.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProductionProfileTest {

    static final Path DATA = temporaryDirectory();
    static final Path KEY_FILE = DATA.resolve("dev-issuer-key.json");

    @DynamicPropertySource
    static void devFiles(DynamicPropertyRegistry registry) {
        registry.add("partycell.dev.key-file", KEY_FILE::toString);
        registry.add(
                "partycell.dev.users-file",
                () -> DATA.resolve("demo-users.json").toString());
    }

    @AfterAll
    static void removeData() throws IOException {
        Files.deleteIfExists(KEY_FILE);
        Files.deleteIfExists(DATA);
    }

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    @Test
    void noProfileIsActive() {
        assertThat(context.getEnvironment().getActiveProfiles()).isEmpty();
    }

    @Test
    void noDevIssuerBeanExists() {
        assertThat(context.getBeanNamesForType(DevIssuerConfiguration.class)).isEmpty();
        assertThat(context.getBeanNamesForType(DevIssuerController.class)).isEmpty();
        assertThat(context.getBeanNamesForType(DevTokenIssuer.class)).isEmpty();
        assertThat(context.getBeanNamesForType(DevSigningKey.class)).isEmpty();
        assertThat(context.getBeanNamesForType(DevUserDirectory.class)).isEmpty();
        assertThat(context.getBeanNamesForType(DevIssuerProperties.class)).isEmpty();
    }

    @Test
    void noKeyIsCreated() {
        assertThat(KEY_FILE).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dev/tokens", "/dev/jwks", "/dev/tokens/admin"})
    void devEndpointsAreNotServed(String path) {
        var response = new GatewayHttp(port).get(path);

        assertThat(response.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.body()).doesNotContain("eyJ", "\"kty\"");
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("gateway-production");
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}

package vn.partycell.notification.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.partycell.platform.test.ApiFuzz;
import vn.partycell.platform.test.ServiceIntegrationTest;
import vn.partycell.platform.test.TestTokens;

/** notification-service: no malformed request derived from its OpenAPI document reaches a 5xx. */
@ServiceIntegrationTest
class NoticeApiFuzzIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void noMalformedRequestDerivedFromTheOpenApiDocumentReachesA5xx() throws Exception {
        ApiFuzz fuzz = ApiFuzz.on(port)
                .token("admin", TestTokens.admin())
                .token(
                        "member",
                        TestTokens.user("dv")
                                .member(UUID.randomUUID())
                                .grant("/hy/a/cb-1/", "member")
                                .token());

        List<String> findings = fuzz.run();

        assertThat(fuzz.sent()).isGreaterThan(50);
        assertThat(findings).isEmpty();
    }
}

package vn.partycell.evaluation.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.partycell.platform.test.ApiFuzz;
import vn.partycell.platform.test.ServiceIntegrationTest;
import vn.partycell.platform.test.TestTokens;

/** evaluation-service: no malformed request derived from its OpenAPI document reaches a 5xx. */
@ServiceIntegrationTest
class ScorecardApiFuzzIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void noMalformedRequestDerivedFromTheOpenApiDocumentReachesA5xx() throws Exception {
        UUID member = UUID.randomUUID();
        ApiFuzz fuzz = ApiFuzz.on(port)
                .token("admin", TestTokens.admin())
                .token(
                        "member",
                        TestTokens.user("dv")
                                .member(member)
                                .grant("/hy/a/cb-1/", "member")
                                .token())
                .example("memberId", member.toString());

        List<String> findings = fuzz.run();

        assertThat(fuzz.sent()).isGreaterThan(50);
        assertThat(findings).isEmpty();
    }
}

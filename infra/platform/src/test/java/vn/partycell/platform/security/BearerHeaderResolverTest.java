package vn.partycell.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import vn.partycell.platform.test.TestTokens;

class BearerHeaderResolverTest {

    private final BearerTokenResolver ours = new BearerHeaderResolver();
    private final BearerTokenResolver springs = new DefaultBearerTokenResolver();

    @Test
    void findsWhatSpringsResolverFindsAndRefusesWhatItRefuses() {
        String jwt = TestTokens.admin();
        List<String> headers = List.of(
                "Bearer " + jwt,
                "bearer " + jwt,
                "BEARER abc==",
                "Bearer abc=",
                "Bearer a~b+c/d-e.f_g",
                "Bearer ",
                "Bearer",
                "Bearer  " + jwt,
                "Bearer " + jwt + " ",
                "Bearer a=b",
                "Bearer ==",
                "Bearer abc\u00e9",
                "Bearerabc",
                "Basic dXNlcjpwYXNz",
                "Token abc",
                "",
                " Bearer abc");
        for (String header : headers) {
            assertThat(outcome(ours, header)).as(header).isEqualTo(outcome(springs, header));
        }
        assertThat(outcome(ours, null)).isEqualTo("none");
    }

    private static String outcome(BearerTokenResolver resolver, String header) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/meetings");
        if (header != null) {
            request.addHeader("Authorization", header);
        }
        try {
            String token = resolver.resolve(request);
            return token == null ? "none" : "token:" + token;
        } catch (RuntimeException e) {
            return "refused:" + e.getClass().getSimpleName() + ":" + e.getMessage();
        }
    }
}

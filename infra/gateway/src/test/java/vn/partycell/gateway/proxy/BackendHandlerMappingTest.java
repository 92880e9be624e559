package vn.partycell.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BackendHandlerMappingTest {

    private final BackendHandlerMapping mapping = new BackendHandlerMapping(
            new BackendRoutes(
                    List.of(
                            new BackendRoutes.Route(
                                    "member-service", URI.create("http://members:8081"), Set.of("/api/v1/members")),
                            new BackendRoutes.Route(
                                    "archive-service",
                                    URI.create("http://archive:9000/base"),
                                    Set.of("/api/v1/members/archive"))),
                    Pattern.compile("127\\.0\\.0\\.1")),
            new BackendProxy(null, Pattern.compile("x")));

    @Test
    void aPrefixOwnsItselfAndEverythingBelowItButNotANameThatMerelyStartsLikeIt() {
        assertThat(mapping.routeFor("/api/v1/members").service()).isEqualTo("member-service");
        assertThat(mapping.routeFor("/api/v1/members/42/history").service()).isEqualTo("member-service");
        assertThat(mapping.routeFor("/api/v1/members/").service()).isEqualTo("member-service");
        assertThat(mapping.routeFor("/api/v1/membership")).isNull();
        assertThat(mapping.routeFor("/api/v1")).isNull();
        assertThat(mapping.routeFor("/")).isNull();
    }

    @Test
    void theLongestPrefixWinsAndTheBackendsBasePathIsKept() {
        BackendRoute route = mapping.routeFor("/api/v1/members/archive/7");

        assertThat(route.service()).isEqualTo("archive-service");
        assertThat(route.requestUri("/api/v1/members/archive/7", "a=1"))
                .isEqualTo("/base/api/v1/members/archive/7?a=1");
        assertThat(route.pattern()).isEqualTo("/api/v1/members/archive/**");
    }

    @Test
    void eachServicesOpenApiDocumentHasItsOwnPath() {
        BackendRoute docs = mapping.routeFor("/v3/api-docs/member-service");

        assertThat(docs.service()).isEqualTo("member-service");
        assertThat(docs.requestUri("/v3/api-docs/member-service", null)).isEqualTo("/v3/api-docs");
        assertThat(mapping.routeFor("/v3/api-docs/nobody")).isNull();
    }

    @Test
    void aRouteNeedsPlainPrefixes() {
        assertThatThrownBy(() -> new BackendRoutes.Route("x", URI.create("http://x"), Set.of("/api/**")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("path prefix");
    }
}

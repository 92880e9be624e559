package vn.partycell.gateway;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP calls to a running gateway with {@link RestClient}; any status is returned, not thrown. */
final class GatewayHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final RestClient client = RestClient.create();

    GatewayHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    Response get(String pathAndQuery) {
        return call(HttpMethod.GET, pathAndQuery, headers -> {}, null);
    }

    Response get(String pathAndQuery, Consumer<HttpHeaders> headers) {
        return call(HttpMethod.GET, pathAndQuery, headers, null);
    }

    Response call(HttpMethod method, String pathAndQuery, Consumer<HttpHeaders> headers, String jsonBody) {
        RestClient.RequestBodySpec request =
                client.method(method).uri(URI.create(base + pathAndQuery)).headers(headers);
        if (jsonBody != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(jsonBody);
        }
        return request.exchange((req, res) -> new Response(
                res.getStatusCode(),
                res.getHeaders(),
                new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    record Response(HttpStatusCode status, HttpHeaders headers, String body) {

        Map<String, Object> json() {
            return JSON.readValue(body, new TypeReference<Map<String, Object>>() {});
        }

        MediaType contentType() {
            return headers.getContentType();
        }
    }
}

package vn.partycell.platform.test;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A tiny HTTP client for tests: real requests, answers as status + JSON, never an exception on 4xx/5xx. */
public final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final RestClient client;

    public record Answer(int status, JsonNode body, String contentType, String etag) {

        public String text(String field) {
            return body.path(field).asString();
        }
    }

    public Http(int port) {
        this.client = RestClient.builder().baseUrl("http://localhost:" + port).build();
    }

    public Answer get(String path, String token) {
        return exchange(client.get().uri(path), token);
    }

    public Answer post(String path, String token, Object body) {
        return exchange(
                client.post()
                        .uri(path)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(body instanceof String s ? s : JSON.writeValueAsString(body)),
                token);
    }

    public Answer put(String path, String token, Object body) {
        return exchange(
                client.put()
                        .uri(path)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(body instanceof String s ? s : JSON.writeValueAsString(body)),
                token);
    }

    private Answer exchange(RestClient.RequestHeadersSpec<?> request, String token) {
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        return request.exchange((req, res) -> {
            HttpStatusCode status = res.getStatusCode();
            byte[] bytes = res.getBody().readAllBytes();
            MediaType type = res.getHeaders().getContentType();
            boolean json = type != null && type.getSubtype().contains("json");
            JsonNode body = bytes.length == 0
                    ? JSON.nullNode()
                    : json
                            ? JSON.readTree(bytes)
                            : JSON.getNodeFactory()
                                    .stringNode(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
            return new Answer(
                    status.value(),
                    body,
                    type == null ? null : type.toString(),
                    res.getHeaders().getETag());
        });
    }
}

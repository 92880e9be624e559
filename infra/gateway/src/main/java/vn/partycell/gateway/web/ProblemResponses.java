package vn.partycell.gateway.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes a {@link ProblemDetail} as {@code application/problem+json}. */
@Component
public class ProblemResponses {

    private final JsonMapper jsonMapper;

    public ProblemResponses(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    public void write(
            ProblemDetail problem, HttpHeaders headers, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        byte[] body = jsonMapper.writeValueAsBytes(problem);
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        if (headers != null) {
            headers.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        }
        if (request.getAttribute(RequestIdFilter.ATTRIBUTE) instanceof String requestId) {
            response.setHeader(RequestIdFilter.HEADER, requestId);
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}

package vn.partycell.platform.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;
import vn.partycell.platform.web.Problems;

/** 401 and 403 raised by the filter chain, answered as problem+json like everything else. */
public final class ProblemSecurityHandlers {

    private ProblemSecurityHandlers() {}

    public static AuthenticationEntryPoint entryPoint(JsonMapper json) {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            write(
                    response,
                    json,
                    Problems.of(
                            HttpStatus.UNAUTHORIZED,
                            "unauthenticated",
                            "Chưa xác thực",
                            "Cần mã truy cập hợp lệ (Authorization: Bearer ...)"));
        };
    }

    public static AccessDeniedHandler accessDenied(JsonMapper json) {
        return (request, response, e) -> write(
                response,
                json,
                Problems.of(
                        HttpStatus.FORBIDDEN,
                        "forbidden",
                        "Không có quyền",
                        "Bạn không có quyền thực hiện thao tác này"));
    }

    private static void write(HttpServletResponse response, JsonMapper json, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}

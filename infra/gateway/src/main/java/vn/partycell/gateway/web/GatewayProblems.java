package vn.partycell.gateway.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import vn.partycell.gateway.proxy.BackendCallException;
import vn.partycell.gateway.proxy.BackendHandlerMapping;

/**
 * RFC 9457 problems for errors the gateway produces itself: an English {@code title} (the HTTP
 * reason phrase) and a Vietnamese {@code detail}, never an exception text or a stack trace.
 */
public final class GatewayProblems {

    private static final Map<Integer, String> DETAILS = Map.ofEntries(
            Map.entry(400, "Yêu cầu không hợp lệ."),
            Map.entry(401, "Yêu cầu chưa được xác thực."),
            Map.entry(403, "Không có quyền thực hiện yêu cầu này."),
            Map.entry(404, "Không tìm thấy tài nguyên được yêu cầu."),
            Map.entry(405, "Phương thức HTTP này không được hỗ trợ cho đường dẫn đã gọi."),
            Map.entry(406, "Không thể trả về nội dung theo định dạng được yêu cầu."),
            Map.entry(413, "Nội dung yêu cầu quá lớn."),
            Map.entry(415, "Kiểu nội dung của yêu cầu không được hỗ trợ."),
            Map.entry(500, "Cổng API gặp lỗi không mong muốn. Vui lòng thử lại sau."),
            Map.entry(502, "Dịch vụ phía sau trả về phản hồi không hợp lệ."),
            Map.entry(503, "Dịch vụ phía sau hiện không sẵn sàng. Vui lòng thử lại sau."),
            Map.entry(504, "Dịch vụ phía sau không phản hồi kịp thời."));

    private GatewayProblems() {}

    /** A problem for the status with the standard Vietnamese detail for it. */
    public static ProblemDetail of(HttpStatusCode status, HttpServletRequest request) {
        return of(status, detailFor(status), request);
    }

    /** A problem for the status with the given Vietnamese detail. */
    public static ProblemDetail of(HttpStatusCode status, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(titleFor(status));
        if (request != null) {
            problem.setInstance(instance(request.getRequestURI()));
            if (request.getAttribute(RequestIdFilter.ATTRIBUTE) instanceof String requestId) {
                problem.setProperty("requestId", requestId);
            }
        }
        return problem;
    }

    /**
     * The problem for a failed call to a backend, or {@code null} when the error is not one: 503
     * when it cannot be reached (refused, unknown host, connect timeout), 504 when it does not
     * answer within {@code partycell.gateway.read-timeout}, 502 for anything else (not HTTP,
     * connection dropped).
     */
    public static ProblemDetail forBackendFailure(Throwable error, HttpServletRequest request) {
        if (!hasCause(error, BackendCallException.class)) {
            return null;
        }
        String service = serviceOf(request);
        ProblemDetail problem;
        boolean unreachable = hasCause(error, ConnectException.class)
                || hasCause(error, HttpConnectTimeoutException.class)
                || hasCause(error, UnknownHostException.class)
                || hasCause(error, NoRouteToHostException.class)
                || hasCause(error, PortUnreachableException.class);
        boolean tooSlow = hasCause(error, HttpTimeoutException.class) || hasCause(error, SocketTimeoutException.class);
        if (unreachable) {
            problem = of(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    service == null
                            ? detailFor(HttpStatus.SERVICE_UNAVAILABLE)
                            : "Không kết nối được tới dịch vụ " + service + ". Vui lòng thử lại sau.",
                    request);
        } else if (tooSlow) {
            problem = of(
                    HttpStatus.GATEWAY_TIMEOUT,
                    service == null
                            ? detailFor(HttpStatus.GATEWAY_TIMEOUT)
                            : "Dịch vụ " + service + " không phản hồi kịp thời.",
                    request);
        } else {
            problem = of(
                    HttpStatus.BAD_GATEWAY,
                    service == null
                            ? detailFor(HttpStatus.BAD_GATEWAY)
                            : "Dịch vụ " + service + " trả về phản hồi không hợp lệ hoặc đã ngắt kết nối.",
                    request);
        }
        if (service != null) {
            problem.setProperty("service", service);
        }
        return problem;
    }

    /** The request path as the problem's {@code instance}; none when it is not a valid URI reference. */
    static URI instance(String path) {
        try {
            return path == null ? null : URI.create(path);
        } catch (IllegalArgumentException invalid) {
            return null;
        }
    }

    static String detailFor(HttpStatusCode status) {
        String detail = DETAILS.get(status.value());
        if (detail != null) {
            return detail;
        }
        return status.is5xxServerError()
                ? "Cổng API không xử lý được yêu cầu. Vui lòng thử lại sau."
                : "Yêu cầu không được chấp nhận.";
    }

    static String titleFor(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known != null ? known.getReasonPhrase() : "HTTP " + status.value();
    }

    /** The service behind the matched route, if any. */
    static String serviceOf(HttpServletRequest request) {
        return request != null && request.getAttribute(BackendHandlerMapping.SERVICE) instanceof String service
                ? service
                : null;
    }

    static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}

package vn.partycell.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.partycell.http.RequestBodyTooLargeException;

/**
 * Replaces Boot's error controller (and its HTML page for browsers): what the container forwards to
 * the error path (a failing filter, {@code sendError} before Spring MVC) is answered as problem+json,
 * with no exception text.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping(value = "${spring.web.error.path:/error}")
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object error = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        RequestBodyTooLargeException tooLarge =
                error instanceof Throwable t ? RequestBodyTooLargeException.in(t) : null;
        ProblemDetail problem;
        if (tooLarge != null) {
            problem = Problems.payloadTooLarge(tooLarge.limit());
        } else {
            // Called directly, without an error status: there is nothing at this address.
            HttpStatus status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                    ? HttpStatus.resolve(code)
                    : HttpStatus.NOT_FOUND;
            if (status == null || !status.isError()) {
                status = HttpStatus.INTERNAL_SERVER_ERROR;
            }
            problem = status.is4xxClientError()
                    ? Problems.of(
                            status,
                            status == HttpStatus.NOT_FOUND ? "not-found" : "bad-request",
                            status == HttpStatus.NOT_FOUND ? "Không tìm thấy" : "Yêu cầu không hợp lệ",
                            status == HttpStatus.NOT_FOUND
                                    ? "Không có tài nguyên tại địa chỉ này"
                                    : "Máy chủ không thể xử lý yêu cầu này (" + status.value() + ")")
                    : Problems.of(
                            status,
                            "internal",
                            "Lỗi hệ thống",
                            "Đã có lỗi ngoài dự kiến; hãy thử lại sau hoặc báo cho bộ phận vận hành");
        }
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}

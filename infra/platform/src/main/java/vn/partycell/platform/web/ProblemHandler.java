package vn.partycell.platform.web;

import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import vn.partycell.http.RequestBodyTooLargeException;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.kernel.ForbiddenException;
import vn.partycell.platform.kernel.InvalidInputException;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.kernel.RuleViolationException;

/**
 * Every error a client can cause becomes a 4xx problem+json with Vietnamese text and, for
 * validation, the list of every invalid field. Nothing leaks a stack trace.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    /**
     * One text for every 404, whatever was not found and why: a random id and a record outside the
     * caller's subtrees (on read or on write) must not be told apart. The resource goes to the log.
     */
    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        log.debug("Not found: {}", e.getMessage());
        return respond(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Không tìm thấy", NOT_FOUND_DETAIL));
    }

    public static final String NOT_FOUND_DETAIL =
            "Không tìm thấy bản ghi, hoặc bản ghi nằm ngoài phạm vi bạn được giao";

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ProblemDetail> forbidden(ForbiddenException e) {
        return respond(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Không có quyền", e.getMessage()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e) {
        return respond(Problems.of(
                HttpStatus.FORBIDDEN, "forbidden", "Không có quyền", "Bạn không có quyền thực hiện thao tác này"));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
        return respond(Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Chưa xác thực", e.getMessage()));
    }

    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<ProblemDetail> rule(RuleViolationException e) {
        ProblemDetail problem =
                Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, e.code(), "Vi phạm quy định", e.getMessage());
        e.facts().forEach(problem::setProperty);
        return respond(problem);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, e.code(), "Xung đột dữ liệu", e.getMessage());
        e.facts().forEach(problem::setProperty);
        return respond(problem);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> stale(OptimisticLockingFailureException e) {
        return respond(Problems.of(
                HttpStatus.CONFLICT,
                "stale-version",
                "Xung đột dữ liệu",
                "Bản ghi đã được người khác thay đổi; hãy tải lại rồi thử lần nữa"));
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e) {
        return respond(Problems.of(HttpStatus.CONFLICT, "duplicate", "Xung đột dữ liệu", "Bản ghi đã tồn tại"));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException e) {
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "bad-request", "Yêu cầu không hợp lệ", e.getMessage()));
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInputException e) {
        Object value = e.value() == null ? null : String.valueOf(e.value());
        return respond(validation(List.of(new FieldError(e.field(), e.getMessage(), value))));
    }

    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodableQuery(RuntimeException e) {
        return respond(Problems.of(
                HttpStatus.BAD_REQUEST,
                "malformed-request",
                "Yêu cầu không hợp lệ",
                "Tham số truy vấn không phải UTF-8 được mã hóa phần trăm hợp lệ"));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(leaf(v.getPropertyPath().toString()), v.getMessage(), v.getInvalidValue()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return respond(validation(errors));
    }

    @ExceptionHandler(RequestBodyTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(RequestBodyTooLargeException e) {
        return respond(Problems.payloadTooLarge(e.limit()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        RequestBodyTooLargeException tooLarge = RequestBodyTooLargeException.in(e);
        if (tooLarge != null) {
            return tooLarge(tooLarge);
        }
        log.error("Unexpected error", e);
        return respond(Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal",
                "Lỗi hệ thống",
                "Đã có lỗi ngoài dự kiến; hãy thử lại sau hoặc báo cho bộ phận vận hành"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ex.getBindingResult()
                .getFieldErrors()
                .forEach(f -> errors.add(new FieldError(f.getField(), f.getDefaultMessage(), f.getRejectedValue())));
        ex.getBindingResult()
                .getGlobalErrors()
                .forEach(g -> errors.add(new FieldError(g.getObjectName(), g.getDefaultMessage(), null)));
        errors.sort(Comparator.comparing(FieldError::field));
        return ResponseEntity.badRequest().body(validation(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ex.getParameterValidationResults()
                .forEach(r -> r.getResolvableErrors()
                        .forEach(err -> errors.add(new FieldError(
                                r.getMethodParameter().getParameterName(), err.getDefaultMessage(), r.getArgument()))));
        return ResponseEntity.badRequest().body(validation(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestBodyTooLargeException tooLarge = RequestBodyTooLargeException.in(ex);
        if (tooLarge != null) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .header(HttpHeaders.CONNECTION, "close")
                    .body(Problems.payloadTooLarge(tooLarge.limit()));
        }
        String detail = "Nội dung yêu cầu không phải JSON hợp lệ";
        List<FieldError> errors = List.of();
        Throwable cause = ex.getCause();
        if (cause instanceof DatabindException db && !db.getPath().isEmpty()) {
            String field = pathOf(db);
            detail = "Giá trị của trường '" + field + "' không đúng kiểu hoặc định dạng";
            errors = List.of(new FieldError(field, "không đúng kiểu hoặc định dạng", null));
        } else if (cause instanceof JacksonException) {
            detail = "Nội dung yêu cầu không phải JSON hợp lệ";
        } else if (ex.getMessage() != null && ex.getMessage().contains("Required request body is missing")) {
            detail = "Thiếu nội dung yêu cầu";
        }
        ProblemDetail problem =
                Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Yêu cầu không hợp lệ", detail);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            org.springframework.beans.TypeMismatchException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        ProblemDetail problem = validation(
                List.of(new FieldError(name, "không đúng kiểu hoặc định dạng", String.valueOf(ex.getValue()))));
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        return ResponseEntity.badRequest()
                .body(validation(List.of(new FieldError(ex.getParameterName(), "bắt buộc phải có", null))));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Problems.of(
                        HttpStatus.NOT_FOUND, "not-found", "Không tìm thấy", "Không có tài nguyên tại địa chỉ này"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
            HttpRequestMethodNotSupportedException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .headers(headers)
                .body(Problems.of(
                        HttpStatus.METHOD_NOT_ALLOWED,
                        "method-not-allowed",
                        "Phương thức không được hỗ trợ",
                        "Địa chỉ này không nhận phương thức " + ex.getMethod()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .body(Problems.of(
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "unsupported-media-type",
                        "Kiểu nội dung không được hỗ trợ",
                        "Hãy gửi nội dung với Content-Type: application/json"));
    }

    private static ProblemDetail validation(List<FieldError> errors) {
        ProblemDetail problem = Problems.of(
                HttpStatus.BAD_REQUEST,
                "validation",
                "Dữ liệu không hợp lệ",
                "Có " + errors.size() + " trường không hợp lệ");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static String pathOf(DatabindException e) {
        StringBuilder sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String leaf(String propertyPath) {
        int dot = propertyPath.indexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}

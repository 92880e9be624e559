package vn.partycell.platform.web;

import org.springframework.http.HttpStatus;
import vn.partycell.http.ProblemErrorReportValve;

/** Tomcat's own error report in a service: the problems every service answers ({@link Problems}). */
public class ServiceErrorReportValve extends ProblemErrorReportValve {

    @Override
    protected String problemJson(int status) {
        HttpStatus resolved = HttpStatus.resolve(status);
        String title = resolved != null && resolved.is4xxClientError() ? "Yêu cầu không hợp lệ" : "Lỗi hệ thống";
        String detail = resolved != null && resolved.is4xxClientError()
                ? "Máy chủ không thể xử lý yêu cầu này (" + status + ")"
                : "Đã có lỗi ngoài dự kiến; hãy thử lại sau hoặc báo cho bộ phận vận hành";
        String code = resolved != null && resolved.is4xxClientError() ? "malformed-request" : "internal";
        return "{\"type\":\"" + Problems.TYPE_BASE + code + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\",\"code\":\"" + code + "\"}";
    }
}

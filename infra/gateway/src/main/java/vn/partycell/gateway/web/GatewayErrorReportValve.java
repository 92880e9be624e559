package vn.partycell.gateway.web;

import vn.partycell.http.ProblemErrorReportValve;

/** Tomcat's own error report at the gateway: an English title, a Vietnamese detail. */
public class GatewayErrorReportValve extends ProblemErrorReportValve {

    @Override
    protected String problemJson(int status) {
        String detail =
                status < 500 ? "Yêu cầu không hợp lệ." : "Cổng API gặp lỗi không mong muốn. Vui lòng thử lại sau.";
        return "{\"type\":\"about:blank\",\"title\":\"" + (status < 500 ? "Bad Request" : "Internal Server Error")
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
    }
}

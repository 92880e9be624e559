package vn.partycell.meeting.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import vn.partycell.platform.test.Http;
import vn.partycell.platform.test.Http.Answer;

/** Test helper: closes a meeting, first recording the secretary's reason for every present member still without a task. */
final class ClosingWithWaivers {

    private ClosingWithWaivers() {}

    static Answer close(Http http, String secretary, String meetingId) {
        Answer refused = http.post("/api/v1/meetings/" + meetingId + "/close", secretary, Map.of());
        if (refused.status() != 422 || !"tasks-missing".equals(refused.text("code"))) {
            return refused;
        }
        refused.body()
                .path("members")
                .forEach(m -> assertThat(http.put(
                                        "/api/v1/meetings/" + meetingId + "/task-waivers/"
                                                + m.path("memberId").asString(),
                                        secretary,
                                        Map.of("reason", "Ốm dài ngày, chưa nhận nhiệm vụ"))
                                .status())
                        .isEqualTo(200));
        return http.post("/api/v1/meetings/" + meetingId + "/close", secretary, Map.of());
    }
}

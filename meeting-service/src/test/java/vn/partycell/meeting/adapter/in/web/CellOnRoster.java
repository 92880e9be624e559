package vn.partycell.meeting.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.partycell.platform.test.Http;
import vn.partycell.platform.test.TestEvents;

/**
 * A cell and its full members as meeting-service learns them, from member-service's events on the
 * broker, waited for until its roster holds them all: the setup most web tests of a meeting share.
 */
final class CellOnRoster {

    final UUID id = UUID.randomUUID();
    final String path = "/hy/a/cb-" + id.toString().substring(0, 6) + "/";
    final List<UUID> members = new ArrayList<>();

    /** Sends the cell and one full member per name, then waits (as {@code reader}) for the roster. */
    static CellOnRoster of(TestEvents events, Http http, String reader, String cellName, List<String> names) {
        CellOnRoster cell = new CellOnRoster();
        events.send("members.org-unit.v1", "members.org-unit.created", cell.id.toString(), cell.path, """
                {"orgUnitId":"%s","code":"cb-x","name":"%s","kind":"CELL",
                 "parentId":null,"orgPath":"%s","version":1}""".formatted(
                        cell.id, cellName, cell.path));
        for (String name : names) {
            UUID member = UUID.randomUUID();
            cell.members.add(member);
            events.send("members.member.v1", "members.member.registered", member.toString(), cell.path, """
                    {"memberId":"%s","fullName":"%s","gender":"FEMALE","dateOfBirth":"1979-09-02",
                     "cellId":"%s","partyGroupId":null,"orgPath":"%s","status":"FULL","exempted":false,
                     "joinedOn":"2005-02-03","email":null,"version":1}""".formatted(
                            member, name, cell.id, cell.path));
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(http.get("/api/v1/cells/" + cell.id + "/roster", reader)
                                .body()
                                .path("members"))
                        .hasSize(names.size()));
        return cell;
    }
}

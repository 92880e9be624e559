package vn.partycell.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventContractsTest {

    @Test
    void schemaResourceAndUriFollowTheTypeAndMajorVersion() {
        assertThat(EventContracts.schemaResource("members.member.registered", 1))
                .isEqualTo("contracts/events/members.member.registered.v1.json");
        assertThat(EventContracts.schemaUri("members.member.registered", 1))
                .isEqualTo("https://schemas.partycell.vn/events/members.member.registered.v1.json");
        assertThat(EventContracts.schemaUri("meetings.meeting.closed", 2))
                .isEqualTo("https://schemas.partycell.vn/events/meetings.meeting.closed.v2.json");
        assertThat(EventContracts.commonSchemaUri(1)).isEqualTo("https://schemas.partycell.vn/events/common.v1.json");
        assertThat(EventContracts.commonSchemaResource(1)).isEqualTo("contracts/events/common.v1.json");
    }

    @Test
    void topicsAreTheTypeWithoutItsVerbPlusTheMajorVersion() {
        assertThat(EventContracts.topic(EventContracts.ORG_UNIT_CREATED, 1)).isEqualTo("members.org-unit.v1");
        assertThat(EventContracts.topic(EventContracts.MEMBER_REGISTERED, 1)).isEqualTo("members.member.v1");
        assertThat(EventContracts.topic(EventContracts.MEETING_CLOSED, 1)).isEqualTo("meetings.meeting.v1");
        assertThat(EventContracts.deadLetterTopic("meetings.meeting.v1", "evaluation-service"))
                .isEqualTo("meetings.meeting.v1.evaluation-service.dlt");
    }

    @Test
    void eachTopicHasOneProducerWhoseSourceConsumersAccept() {
        assertThat(EventContracts.producerSource("members.org-unit.v1")).contains("/partycell/member-service");
        assertThat(EventContracts.producerSource("members.member.v1")).contains("/partycell/member-service");
        assertThat(EventContracts.producerSource("meetings.meeting.v1")).contains("/partycell/meeting-service");
        assertThat(EventContracts.producerSource("meetings.self-criticism.v1")).contains("/partycell/meeting-service");
        assertThat(EventContracts.producerSource("evaluations.scorecard.v1")).contains("/partycell/evaluation-service");
        assertThat(EventContracts.producerSource("meetings.meeting.v2")).isEmpty();
        assertThat(EventContracts.producerSource(null)).isEmpty();
        for (String type : EventContracts.EVENT_TYPES) {
            assertThat(EventContracts.producerSource(EventContracts.topic(type, EventContracts.CURRENT_MAJOR)))
                    .as(type)
                    .isPresent();
        }
        assertThat(EventContracts.majorOf("meetings.meeting.v1")).contains(1);
        assertThat(EventContracts.majorOf("meetings.meeting")).isEmpty();
        assertThat(EventContracts.majorOf("meetings.meeting.vx")).isEmpty();
    }

    @Test
    void knownTypesAreThoseProducedTodayAndNothingElse() {
        assertThat(EventContracts.EVENT_TYPES)
                .containsExactly(
                        "members.org-unit.created",
                        "members.org-unit.renamed",
                        "members.org-unit.moved",
                        "members.org-unit.dissolved",
                        "members.org-unit.term-opened",
                        "members.org-unit.role-assigned",
                        "members.org-unit.role-ended",
                        "members.member.registered",
                        "members.member.updated",
                        "meetings.meeting.scheduled",
                        "meetings.meeting.closed",
                        "members.dues.recorded",
                        "evaluations.scorecard.absence-counted",
                        "members.member.discipline-decided",
                        "meetings.self-criticism.recorded",
                        "meetings.meeting.graded",
                        "meetings.meeting.rescheduled",
                        "meetings.meeting.cancelled",
                        "meetings.meeting.excuse-decided",
                        "meetings.meeting.amended",
                        "meetings.cell.meeting-overdue",
                        "meetings.congress.elected",
                        "meetings.task.assigned",
                        "meetings.task.reported",
                        "meetings.task.done-on-time",
                        "meetings.task.done-late",
                        "meetings.task.overdue");
        assertThat(EventContracts.isKnownType("members.member.updated")).isTrue();
        assertThat(EventContracts.isKnownType("members.member.deleted")).isFalse();
        // Never produced (each change of an org unit has its own type): no contract.
        assertThat(EventContracts.isKnownType("members.org-unit.updated")).isFalse();
        assertThat(EventContracts.isKnownType(null)).isFalse();
    }

    @Test
    void malformedTypesAndVersionsAreRefusedRatherThanTurnedIntoPaths() {
        assertThatThrownBy(() -> EventContracts.schemaResource("../secrets", 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventContracts.schemaUri("Members.Member.Registered", 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventContracts.schemaUri("members.member", 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventContracts.schemaUri("members.member.registered", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> EventContracts.schemaUri(null, 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> EventContracts.deadLetterTopic("members.member.v1", " "))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package vn.partycell.meeting.adapter.in.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import vn.partycell.meeting.domain.AgendaItem;
import vn.partycell.meeting.domain.MeetingPlan;
import vn.partycell.meeting.domain.MemberId;

/**
 * One agenda item as requests send it and responses show it: title, the presenting member (on the
 * cell's roster, or null) and the planned minutes (or null).
 */
public record AgendaItemRequest(
        @NotBlank(message = "không được để trống") @Size(max = 500, message = "tối đa 500 ký tự")
        String title,

        UUID presenterId,

        @Min(value = 1, message = "từ 1 đến 480 phút") @Max(value = 480, message = "từ 1 đến 480 phút")
        Integer plannedMinutes) {

    AgendaItem toDomain() {
        return new AgendaItem(
                title,
                presenterId == null ? null : new MemberId(presenterId),
                plannedMinutes == null ? null : Duration.ofMinutes(plannedMinutes));
    }

    static List<AgendaItem> toDomain(List<AgendaItemRequest> items) {
        return items == null
                ? null
                : items.stream().map(AgendaItemRequest::toDomain).toList();
    }

    static List<AgendaItemRequest> of(MeetingPlan plan) {
        return plan.agendaItems().stream()
                .map(item -> new AgendaItemRequest(
                        item.title(),
                        item.presenter() == null ? null : item.presenter().value(),
                        item.plannedDuration() == null
                                ? null
                                : (int) item.plannedDuration().toMinutes()))
                .toList();
    }
}

package vn.partycell.notification.application;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import vn.partycell.notification.domain.CellMeetingOverdue;
import vn.partycell.notification.domain.MemberId;
import vn.partycell.notification.domain.Occurrence;
import vn.partycell.notification.domain.OverdueNotices;
import vn.partycell.notification.domain.SecretaryHolding;

/**
 * Rule 3.6's notices: when meeting-service finds a cell overdue, its secretary and the secretary of
 * the committee directly above it (the superior) are told, once per person and fact. The
 * secretaries come from member-service's role events ({@code members.org-unit.role-assigned/ended}).
 */
@Service
public class OverdueNoticeReactions {

    private final SecretaryRepository secretaries;
    private final NoticeRepository notices;

    public OverdueNoticeReactions(SecretaryRepository secretaries, NoticeRepository notices) {
        this.secretaries = secretaries;
        this.notices = notices;
    }

    public Effect onSecretaryChanged(SecretaryHolding holding, String eventId) {
        return secretaries.saveIfNewer(holding, eventId) ? Effect.APPLIED : Effect.DUPLICATE;
    }

    public Effect onCellMeetingOverdue(CellMeetingOverdue overdue, Occurrence occurrence) {
        List<MemberId> recipients = new ArrayList<>();
        secretaries.secretaryOf(overdue.cellId()).ifPresent(recipients::add);
        if (overdue.parentId() != null) {
            secretaries.secretaryOf(overdue.parentId()).ifPresent(recipients::add);
        }
        if (recipients.isEmpty()) {
            return Effect.NO_EFFECT;
        }
        return notices.insertIfAbsent(OverdueNotices.notices(overdue, recipients, occurrence)) > 0
                ? Effect.APPLIED
                : Effect.DUPLICATE;
    }
}

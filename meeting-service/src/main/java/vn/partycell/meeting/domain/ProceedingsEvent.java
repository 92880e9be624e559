package vn.partycell.meeting.domain;

/**
 * What happened in a meeting's proceedings that other contexts react to now. Speeches, commendations,
 * criticisms and votes publish nothing of their own: they reach scoring with the closing event (read
 * through {@link Proceedings#memberFacts}).
 */
public sealed interface ProceedingsEvent {

    Proceedings proceedings();

    /** An election of the congress was counted: member-service's roles follow the elected. */
    record CommitteeElected(Proceedings proceedings, Election election) implements ProceedingsEvent {}
}

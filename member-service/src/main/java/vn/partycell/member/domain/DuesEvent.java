package vn.partycell.member.domain;

/** What happened to a dues ledger, as other contexts (evaluation-service) need to know it. */
public sealed interface DuesEvent {

    DuesLedger ledger();

    /**
     * A payment, correction or cancellation was recorded (ghi nhận đảng phí); carries the ledger's
     * whole year so that a consumer always holds the full picture (newer version wins).
     */
    record Recorded(DuesLedger ledger) implements DuesEvent {}
}

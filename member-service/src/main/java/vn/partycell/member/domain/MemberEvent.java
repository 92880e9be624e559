package vn.partycell.member.domain;

/** What happened to a member, as other contexts need to know it. */
public sealed interface MemberEvent {

    Member member();

    /** Kết nạp hoặc tiếp nhận đảng viên. */
    record Registered(Member member) implements MemberEvent {}

    /** Any later change other contexts care about (status, exemption, attachment, transfer, identity). */
    record Updated(Member member) implements MemberEvent {}

    /** A discipline decision was recorded, or voided by a correction ({@code annulled}). */
    record DisciplineDecided(Member member, DisciplineDecision decision, boolean annulled) implements MemberEvent {}
}

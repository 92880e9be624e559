package vn.partycell.meeting.domain;

/** What happened to a self-criticism round that other contexts react to. */
public sealed interface SelfCriticismEvent {

    SelfCriticismRound round();

    /** The outcome of the month's self-criticism was recorded: scoring counts it for the member. */
    record Recorded(SelfCriticismRound round) implements SelfCriticismEvent {}
}

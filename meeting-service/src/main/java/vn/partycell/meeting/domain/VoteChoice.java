package vn.partycell.meeting.domain;

/** A full member's vote on a resolution (biểu quyết): for (tán thành), against (không tán thành), abstain. */
public enum VoteChoice {
    FOR,
    AGAINST,
    ABSTAIN
}

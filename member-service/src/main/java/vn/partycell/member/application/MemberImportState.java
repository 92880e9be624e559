package vn.partycell.member.application;

/** Where an import run stands; only QUEUED and RUNNING may still change. */
public enum MemberImportState {
    QUEUED,
    RUNNING,
    FINISHED,
    CANCELLED,
    FAILED;

    public boolean isOver() {
        return this != QUEUED && this != RUNNING;
    }
}

package vn.partycell.member.domain;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.partycell.platform.kernel.RuleViolationException;

/**
 * Where a member stands now, derived from the status history and never stored on its own: active
 * in a cell (possibly exempted or attached elsewhere), in transit between cells, or gone for good.
 */
public sealed interface MemberState {

    /** The standing published to other services. */
    MemberStatus status();

    /** Exempted from activities (miễn sinh hoạt): not counted in quorum. */
    boolean exempted();

    /**
     * Probationary or full, in the home cell's roster unless attached to a host cell.
     *
     * @param exemption the EXEMPTION line in force, or null
     * @param attachment the ATTACHMENT (or accepted TEMPORARY transfer request) line in force, or null
     */
    record Active(MemberStatus status, StatusChange exemption, StatusChange attachment) implements MemberState {
        @Override
        public boolean exempted() {
            return exemption != null;
        }
    }

    /** Chuyển sinh hoạt requested, not yet answered: in neither cell's roster. */
    record InTransit(Active before, StatusChange request) implements MemberState {
        @Override
        public MemberStatus status() {
            return before.status();
        }

        @Override
        public boolean exempted() {
            return before.exempted();
        }
    }

    /** Removed, expelled or deceased: final. */
    record Gone(MemberStatus status, LocalDate since) implements MemberState {
        @Override
        public boolean exempted() {
            return false;
        }
    }

    /**
     * Replays the history: every line not voided by a CORRECTION, in the order recorded (an
     * EXPULSION also falls when its discipline decision is voided). A history that no longer makes
     * sense (e.g. a correction that removes a recognition a later line needs) is refused.
     */
    static MemberState of(List<StatusChange> history) {
        Set<UUID> voided = new HashSet<>();
        for (StatusChange c : history) {
            if (c.kind() == StatusChangeKind.CORRECTION) {
                voided.add(c.refersTo());
            }
        }
        MemberState state = null;
        for (StatusChange c : history) {
            if (c.kind() == StatusChangeKind.CORRECTION
                    || voided.contains(c.entryId())
                    || (c.kind() == StatusChangeKind.EXPULSION && voided.contains(c.refersTo()))) {
                continue;
            }
            state = next(state, c);
        }
        if (state == null) {
            throw new IllegalStateException("a member's history starts with its admission");
        }
        return state;
    }

    private static MemberState next(MemberState state, StatusChange c) {
        if (c.kind() == StatusChangeKind.ADMISSION) {
            if (state != null) {
                throw new IllegalStateException("only the first line is an admission");
            }
            return new Active(c.admittedAs(), null, null);
        }
        if (state instanceof Gone gone) {
            throw refused("member-gone", "Đảng viên đã ở trạng thái " + gone.status() + "; không thể ghi nhận thêm");
        }
        return switch (c.kind()) {
            case RECOGNITION -> {
                Active a = active(state, "công nhận chính thức");
                if (a.status() != MemberStatus.PROBATIONARY) {
                    throw refused("not-probationary", "Chỉ đảng viên dự bị mới được công nhận chính thức");
                }
                yield new Active(MemberStatus.FULL, a.exemption(), a.attachment());
            }
            case EXEMPTION -> {
                Active a = active(state, "miễn sinh hoạt");
                if (a.exemption() != null) {
                    throw refused("already-exempted", "Đảng viên đang được miễn sinh hoạt");
                }
                yield new Active(a.status(), c, a.attachment());
            }
            case EXEMPTION_END -> {
                Active a = active(state, "kết thúc miễn sinh hoạt");
                if (a.exemption() == null) {
                    throw refused("not-exempted", "Đảng viên không được miễn sinh hoạt");
                }
                yield new Active(a.status(), null, a.attachment());
            }
            case ATTACHMENT -> {
                Active a = active(state, "sinh hoạt tạm thời");
                if (a.attachment() != null) {
                    throw refused("already-attached", "Đảng viên đang sinh hoạt tạm thời ở chi bộ khác");
                }
                yield new Active(a.status(), a.exemption(), c);
            }
            case ATTACHMENT_END -> {
                Active a = active(state, "kết thúc sinh hoạt tạm thời");
                if (a.attachment() == null) {
                    throw refused("not-attached", "Đảng viên không sinh hoạt tạm thời ở chi bộ khác");
                }
                yield new Active(a.status(), a.exemption(), null);
            }
            case TRANSFER_REQUESTED -> {
                Active a = active(state, "chuyển sinh hoạt");
                if (a.attachment() != null) {
                    throw refused(
                            "attached",
                            "Đảng viên đang sinh hoạt tạm thời ở chi bộ khác; hãy kết thúc trước khi chuyển");
                }
                yield new InTransit(a, c);
            }
            case TRANSFER_ACCEPTED, TRANSFER_REFUSED -> {
                if (!(state instanceof InTransit t) || !t.request().entryId().equals(c.refersTo())) {
                    throw refused("no-such-transfer", "Không có yêu cầu chuyển sinh hoạt đang chờ với mã này");
                }
                Active before = t.before();
                if (c.kind() == StatusChangeKind.TRANSFER_REFUSED
                        || t.request().transferKind() == TransferKind.OFFICIAL) {
                    yield before;
                }
                yield new Active(before.status(), before.exemption(), t.request());
            }
            case REMOVAL -> new Gone(MemberStatus.REMOVED, c.effectiveOn());
            case EXPULSION -> new Gone(MemberStatus.EXPELLED, c.effectiveOn());
            case DEATH -> new Gone(MemberStatus.DECEASED, c.effectiveOn());
            case ADMISSION, CORRECTION -> throw new IllegalStateException("handled above");
        };
    }

    private static Active active(MemberState state, String what) {
        if (state instanceof Active a) {
            return a;
        }
        throw refused("in-transit", "Đảng viên đang chuyển sinh hoạt; không thể ghi nhận " + what);
    }

    private static RuleViolationException refused(String code, String message) {
        return new RuleViolationException(code, message, Map.of());
    }
}

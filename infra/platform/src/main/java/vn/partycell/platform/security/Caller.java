package vn.partycell.platform.security;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.partycell.platform.kernel.ForbiddenException;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.kernel.OrgPath;

/**
 * The person behind a request, as the token names them: their member id (absent for pure
 * administrators) and the org subtrees they are granted. Every read and write is checked here.
 */
public record Caller(String username, Optional<UUID> memberId, List<Grant> grants) {

    public Caller {
        grants = List.copyOf(grants);
    }

    public boolean canRead(OrgPath path) {
        return grants.stream().anyMatch(g -> g.org().covers(path));
    }

    public boolean canAct(OrgPath path, Role atLeast) {
        return grants.stream().anyMatch(g -> g.org().covers(path) && g.role().atLeast(atLeast));
    }

    /** Reading out of scope answers 404, so that existence is not revealed. */
    public void requireRead(OrgPath path, String resource, Object id) {
        if (!canRead(path)) {
            throw new NotFoundException(resource, id);
        }
    }

    /**
     * Changing a record outside every granted subtree answers 404, exactly as a random id does (the
     * problem's text is the same for every 404, see ProblemHandler): existence is not revealed, on
     * writes either. Inside a granted subtree with too weak a role: 403.
     */
    public void requireRole(OrgPath path, Role atLeast) {
        if (!canRead(path)) {
            throw new NotFoundException("bản ghi", "ngoài phạm vi");
        }
        if (!canAct(path, atLeast)) {
            throw new ForbiddenException("Bạn không có quyền " + atLeast.name().toLowerCase() + " tại " + path);
        }
    }

    public boolean isMember(UUID id) {
        return memberId.map(id::equals).orElse(false);
    }

    /** The prefixes a list query is limited to; empty when a grant covers everything. */
    public List<OrgPath> readablePrefixes() {
        if (grants.stream().anyMatch(g -> g.org().equals(OrgPath.ROOT))) {
            return List.of(OrgPath.ROOT);
        }
        return grants.stream().map(Grant::org).distinct().toList();
    }
}

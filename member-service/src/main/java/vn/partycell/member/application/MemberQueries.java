package vn.partycell.member.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import vn.partycell.member.domain.Member;
import vn.partycell.member.domain.MemberId;
import vn.partycell.member.domain.OrgUnit;
import vn.partycell.platform.kernel.ForbiddenException;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.kernel.ResultPage;
import vn.partycell.platform.kernel.VietnamTime;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.security.Role;

/**
 * Member lists (danh sách đảng viên): search by name with or without diacritics, card number,
 * citizen ID, status, role held today, cell and subtree, in Vietnamese order, as pages or as a streamed export. A
 * caller sees only the subtrees they are granted: a filter naming a node outside them is a 404, as a
 * node that does not exist.
 */
@Service
public class MemberQueries {

    /** Members read from the store per call while exporting. */
    static final int EXPORT_BATCH = 500;

    private final MemberDirectory directory;
    private final OrgUnitRepository units;
    private final int exportBatch;
    private final AuditLog audit;
    private final Clock clock;

    @Autowired
    public MemberQueries(MemberDirectory directory, OrgUnitRepository units, AuditLog audit, Clock clock) {
        this(directory, units, EXPORT_BATCH, audit, clock);
    }

    MemberQueries(MemberDirectory directory, OrgUnitRepository units, int exportBatch, AuditLog audit) {
        this(directory, units, exportBatch, audit, Clock.systemUTC());
    }

    MemberQueries(MemberDirectory directory, OrgUnitRepository units, int exportBatch, AuditLog audit, Clock clock) {
        this.directory = directory;
        this.units = units;
        this.exportBatch = exportBatch;
        this.audit = audit;
        this.clock = clock;
    }

    /** Who sees a member's personal data in a list: the member, and a secretary or above over them. */
    @FunctionalInterface
    interface Visibility {
        boolean personal(Member member);

        static Visibility of(Caller caller) {
            return m -> caller.isMember(m.id().value()) || caller.canAct(m.orgPath(), Role.SECRETARY);
        }
    }

    public ResultPage<MemberListing> search(Caller caller, MemberFilter filter, PageQuery page) {
        MemberSearch search = scoped(caller, filter);
        if (search.within().isEmpty()) {
            return new ResultPage<>(List.of(), page, 0);
        }
        Visibility visibility = Visibility.of(caller);
        return directory.search(search, page).map(m -> new MemberListing(m, visibility.personal(m)));
    }

    /**
     * Checks the filter and the caller now, so that a refusal is an error answer and not a broken
     * file; the personal columns are there only when the caller is a secretary or above over the whole
     * list.
     */
    public MemberExport export(Caller caller, MemberFilter filter, String format) {
        MemberSearch search = scoped(caller, filter);
        boolean personal =
                !search.within().isEmpty() && search.within().stream().allMatch(p -> caller.canAct(p, Role.SECRETARY));
        audited(filter, format, search, personal);
        return new MemberExport(directory, search, Visibility.of(caller), personal, exportBatch);
    }

    /**
     * The export's audit line, written before the first byte of the file: its id is the record, its
     * scope the narrowest path covering the whole list, its details the filter and what it showed.
     */
    private void audited(MemberFilter filter, String format, MemberSearch search, boolean personal) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("format", format);
        details.put("personalColumns", String.valueOf(personal));
        details.put("within", search.within().stream().map(OrgPath::value).collect(Collectors.joining(",")));
        putIfSet(details, "q", filter.name());
        putIfSet(details, "status", filter.status());
        putIfSet(details, "cellId", filter.cellId());
        putIfSet(details, "orgPath", filter.orgPath());
        putIfSet(details, "cardNumber", filter.partyCardNumber());
        putIfSet(details, "citizenId", filter.citizenId());
        audit.exported(
                "member-export", UUID.randomUUID().toString(), common(search.within()), "export." + format, details);
    }

    private static void putIfSet(Map<String, String> details, String key, Object value) {
        if (value != null) {
            details.put(key, value.toString());
        }
    }

    /** The longest path prefix of every path in {@code paths} (the root when they share none). */
    static OrgPath common(List<OrgPath> paths) {
        if (paths.isEmpty()) {
            return OrgPath.ROOT;
        }
        String prefix = paths.getFirst().value();
        for (OrgPath path : paths) {
            while (!path.value().startsWith(prefix)) {
                prefix = prefix.substring(0, prefix.lastIndexOf('/', prefix.length() - 2) + 1);
            }
        }
        return OrgPath.of(prefix);
    }

    private MemberSearch scoped(Caller caller, MemberFilter filter) {
        List<OrgPath> within = caller.readablePrefixes();
        if (filter.orgPath() != null) {
            caller.requireRead(filter.orgPath(), "tổ chức", filter.orgPath());
            within = List.of(filter.orgPath());
        }
        OrgUnit cell = null;
        if (filter.cellId() != null) {
            cell = units.find(filter.cellId()).orElseThrow(() -> new NotFoundException("chi bộ", filter.cellId()));
            caller.requireRead(cell.orgPath(), "chi bộ", filter.cellId());
        }
        if (filter.citizenId() != null) {
            // Personal data: looked up only where the caller is a secretary or above.
            if (filter.orgPath() != null) {
                caller.requireRole(filter.orgPath(), Role.SECRETARY);
            }
            within = within.stream()
                    .filter(p -> caller.canAct(p, Role.SECRETARY))
                    .toList();
            if (within.isEmpty()) {
                throw new ForbiddenException("Tra cứu theo số CCCD cần quyền bí thư trở lên");
            }
        }
        // Roles in force today, looked up on the nodes of the narrowest scope (and above it): the
        // holders are few, and the directory then reads them by id rather than scanning the list.
        Set<MemberId> holders = filter.role() == null
                ? null
                : units.holdersOn(
                        filter.role(),
                        cell != null ? List.of(cell.orgPath()) : within,
                        LocalDate.now(clock.withZone(VietnamTime.ZONE)));
        return new MemberSearch(
                within,
                filter.name() == null ? List.of() : VietnameseCollation.foldedWords(filter.name()),
                filter.status(),
                filter.cellId(),
                filter.partyCardNumber(),
                filter.citizenId(),
                holders);
    }
}

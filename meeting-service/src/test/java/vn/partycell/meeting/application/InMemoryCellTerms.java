package vn.partycell.meeting.application;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.CommitteeTerm;

/** The cells' terms in memory, for use-case and reader tests. */
public class InMemoryCellTerms implements CellTerms {

    private final Map<CellId, Map<UUID, CommitteeTerm>> terms = new ConcurrentHashMap<>();

    @Override
    public boolean record(CellId cellId, CommitteeTerm term) {
        CommitteeTerm before =
                terms.computeIfAbsent(cellId, c -> new LinkedHashMap<>()).put(term.id(), term);
        return !term.equals(before);
    }

    @Override
    public List<CommitteeTerm> termsOf(CellId cellId) {
        return terms.getOrDefault(cellId, Map.of()).values().stream()
                .sorted(Comparator.comparing(CommitteeTerm::start))
                .toList();
    }
}

package vn.partycell.platform.web;

import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import vn.partycell.platform.kernel.RuleViolationException;

/** Turns page/size/sort query parameters into a bounded {@link PageRequest}, refusing unknown sorts. */
public final class PageRequests {

    public static final int MAX_SIZE = 200;

    private PageRequests() {}

    public static PageRequest of(int page, int size, String sort, Set<String> sortable, Sort fallback) {
        if (page < 0) {
            throw new IllegalArgumentException("page phải >= 0");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size phải trong khoảng 1.." + MAX_SIZE);
        }
        if (sort == null || sort.isBlank()) {
            return PageRequest.of(page, size, fallback);
        }
        String[] parts = sort.split(",");
        String field = parts[0].trim();
        if (!sortable.contains(field)) {
            throw new RuleViolationException(
                    "unsortable", "Không sắp xếp được theo '" + field + "'; chọn một trong " + sortable);
        }
        Sort.Direction direction =
                parts.length > 1 && parts[1].trim().equalsIgnoreCase("desc") ? Sort.Direction.DESC : Sort.Direction.ASC;
        return PageRequest.of(page, size, Sort.by(direction, field).and(fallback));
    }
}

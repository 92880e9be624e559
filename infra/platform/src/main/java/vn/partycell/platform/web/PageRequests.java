package vn.partycell.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import vn.partycell.platform.kernel.InvalidInputException;
import vn.partycell.platform.kernel.PageQuery;

/**
 * Turns page/size/sort query parameters into a bounded {@link PageQuery}. Anything a caller can type
 * is refused as a 400 naming the parameter, never passed on: a page whose offset no store can skip,
 * a size above the cap, a sort that is empty, has unknown fields or directions.
 */
public final class PageRequests {

    public static final int MAX_SIZE = 200;

    /** The last page anyone can ask for: 10 000 pages of the largest size is every member of a nation. */
    public static final int MAX_PAGE = 10_000;

    private PageRequests() {}

    /**
     * @param sort {@code field[,asc|desc]}, several separated by {@code ;}; null or blank = fallback
     * @param sortable the API field names this list can be sorted by
     */
    public static PageQuery query(int page, int size, String sort, Set<String> sortable, PageQuery.Order... fallback) {
        if (page < 0 || page > MAX_PAGE) {
            throw new InvalidInputException("page", "phải trong khoảng 0.." + MAX_PAGE, page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("size", "phải trong khoảng 1.." + MAX_SIZE, size);
        }
        if (sort == null || sort.isBlank()) {
            return PageQuery.of(page, size, fallback);
        }
        List<PageQuery.Order> orders = new ArrayList<>();
        for (String clause : sort.split(";", -1)) {
            orders.add(order(clause, sort, sortable));
        }
        for (PageQuery.Order f : fallback) {
            if (orders.stream().noneMatch(o -> o.field().equals(f.field()))) {
                orders.add(f);
            }
        }
        return new PageQuery(page, size, orders);
    }

    /** The same checks, as Spring Data's page request (for adapters that still take one). */
    public static PageRequest of(int page, int size, String sort, Set<String> sortable, Sort fallback) {
        PageQuery query = query(page, size, sort, sortable);
        Sort s = Sort.unsorted();
        for (PageQuery.Order o : query.sort()) {
            s = s.and(Sort.by(o.descending() ? Sort.Direction.DESC : Sort.Direction.ASC, o.field()));
        }
        return PageRequest.of(query.page(), query.size(), s.and(fallback));
    }

    private static PageQuery.Order order(String clause, String sort, Set<String> sortable) {
        String[] parts = clause.split(",", -1);
        String field = parts[0].trim();
        if (field.isEmpty() || parts.length > 2 || !sortable.contains(field)) {
            throw new InvalidInputException(
                    "sort",
                    sortable.isEmpty()
                            ? "danh sách này không sắp xếp được"
                            : "dạng 'trường[,asc|desc]', trường là một trong " + new TreeSet<>(sortable),
                    sort);
        }
        if (parts.length == 1) {
            return PageQuery.Order.asc(field);
        }
        return switch (parts[1].trim().toLowerCase(Locale.ROOT)) {
            case "asc" -> PageQuery.Order.asc(field);
            case "desc" -> PageQuery.Order.desc(field);
            default -> throw new InvalidInputException("sort", "chiều sắp xếp chỉ là 'asc' hoặc 'desc'", sort);
        };
    }
}

package vn.partycell.platform.kernel;

import java.util.List;
import java.util.Objects;

/**
 * Which page of a list a caller asks for, already bounded and with sort fields already checked
 * against what the list allows (see {@code platform.web.PageRequests}). Ports take this instead of
 * a framework's pageable, so use cases stay free of Spring Data.
 *
 * @param page zero-based page number
 * @param size page size, at least 1
 * @param sort sort fields in order; empty means the list's own natural order
 */
public record PageQuery(int page, int size, List<Order> sort) {

    /** One sort field; field names are the API's names, adapters map them to their storage. */
    public record Order(String field, boolean descending) {
        public Order {
            Objects.requireNonNull(field, "field");
        }

        public static Order asc(String field) {
            return new Order(field, false);
        }

        public static Order desc(String field) {
            return new Order(field, true);
        }
    }

    public PageQuery {
        if (page < 0) {
            throw new IllegalArgumentException("page < 0");
        }
        if (size < 1) {
            throw new IllegalArgumentException("size < 1");
        }
        sort = List.copyOf(sort);
    }

    public static PageQuery of(int page, int size, Order... sort) {
        return new PageQuery(page, size, List.of(sort));
    }

    /** The offset of the first element, as a long: page × size can exceed an int. */
    public long offset() {
        return (long) page * size;
    }
}

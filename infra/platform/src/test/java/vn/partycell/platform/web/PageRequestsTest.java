package vn.partycell.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.partycell.platform.kernel.InvalidInputException;
import vn.partycell.platform.kernel.PageQuery;

class PageRequestsTest {

    private static final Set<String> SORTABLE = Set.of("startsAt", "title");

    @Test
    void parsesFieldsAndDirectionsAndAppendsTheFallback() {
        PageQuery q = PageRequests.query(2, 50, "title,desc;startsAt", SORTABLE, PageQuery.Order.asc("id"));

        assertThat(q.sort())
                .containsExactly(
                        PageQuery.Order.desc("title"), PageQuery.Order.asc("startsAt"), PageQuery.Order.asc("id"));
        assertThat(q.offset()).isEqualTo(100);
    }

    @ParameterizedTest
    @ValueSource(strings = {",", ",,", "title,", "title,up", "unknown", ";", "title,asc,desc", " "})
    void refusesMalformedSortsAsAFieldError(String sort) {
        if (sort.isBlank()) {
            assertThat(PageRequests.query(0, 10, sort, SORTABLE).sort()).isEmpty();
            return;
        }
        assertThatThrownBy(() -> PageRequests.query(0, 10, sort, SORTABLE))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("sort"));
    }

    @Test
    void boundsPageAndSizeSoNoOffsetOverflows() {
        assertThatThrownBy(() -> PageRequests.query(Integer.MAX_VALUE, 200, null, SORTABLE))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("page"));
        assertThatThrownBy(() -> PageRequests.query(0, 201, null, SORTABLE))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("size"));
        assertThatThrownBy(() -> PageRequests.query(-1, 10, null, SORTABLE)).isInstanceOf(InvalidInputException.class);
    }
}

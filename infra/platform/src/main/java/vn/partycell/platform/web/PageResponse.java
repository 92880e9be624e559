package vn.partycell.platform.web;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;
import vn.partycell.platform.kernel.ResultPage;

/** A page of results in the shape every list endpoint answers with. */
public record PageResponse<T>(List<T> content, PageMeta page) {

    public record PageMeta(int size, int number, long totalElements, int totalPages) {}

    public static <S, T> PageResponse<T> of(Page<S> page, Function<S, T> mapper) {
        return new PageResponse<>(
                page.getContent().stream().map(mapper).toList(),
                new PageMeta(page.getSize(), page.getNumber(), page.getTotalElements(), page.getTotalPages()));
    }

    public static <S, T> PageResponse<T> of(ResultPage<S> page, Function<S, T> mapper) {
        return new PageResponse<>(
                page.content().stream().map(mapper).toList(),
                new PageMeta(page.query().size(), page.query().page(), page.totalElements(), page.totalPages()));
    }
}

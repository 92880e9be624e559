package vn.partycell.platform.kernel;

import java.util.List;
import java.util.function.Function;

/** One page of a list and the size of the whole list, as ports return it. */
public record ResultPage<T>(List<T> content, PageQuery query, long totalElements) {

    public ResultPage {
        content = List.copyOf(content);
    }

    public <R> ResultPage<R> map(Function<? super T, ? extends R> mapper) {
        return new ResultPage<>(content.stream().<R>map(mapper).toList(), query, totalElements);
    }

    public int totalPages() {
        return (int) Math.min(Integer.MAX_VALUE, (totalElements + query.size() - 1) / query.size());
    }
}

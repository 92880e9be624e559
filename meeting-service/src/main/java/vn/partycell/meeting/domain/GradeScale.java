package vn.partycell.meeting.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.partycell.platform.kernel.RuleViolationException;

/**
 * The scale of a year's policy for the quality of a cell meeting (chất lượng sinh hoạt chi bộ), best
 * level first; by default good / fair / average / poor (tốt / khá / trung bình / kém).
 */
public record GradeScale(List<GradeLevel> levels) {

    public GradeScale {
        levels = List.copyOf(levels);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("a grade scale has at least one level");
        }
        if (levels.stream().map(GradeLevel::code).distinct().count() != levels.size()) {
            throw new IllegalArgumentException("the codes of a grade scale are distinct");
        }
    }

    public List<String> codes() {
        return levels.stream().map(GradeLevel::code).toList();
    }

    public Optional<GradeLevel> find(String code) {
        return levels.stream().filter(l -> l.code().equals(code)).findFirst();
    }

    /** The level of a code given by a person: one outside the year's scale is refused, naming the field. */
    public GradeLevel require(String code) {
        return find(code)
                .orElseThrow(() -> new RuleViolationException(
                        "grade-not-in-scale",
                        "Mức xếp loại '" + code + "' không có trong thang đánh giá của năm: "
                                + String.join(", ", codes()),
                        Map.of("field", "grade", "scale", codes())));
    }
}

package vn.partycell.member.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class VietnameseCollationTest {

    @Test
    void foldingDropsTonesAndMarksTurnsDIntoDAndIgnoresCase() {
        assertThat(VietnameseCollation.fold("Nguyễn Văn An")).isEqualTo("nguyen van an");
        assertThat(VietnameseCollation.fold("ĐẶNG THỊ Ước")).isEqualTo("dang thi uoc");
        assertThat(VietnameseCollation.fold("Phạm  Đức-Ánh, Hưng")).isEqualTo("pham duc anh hung");
        assertThat(VietnameseCollation.foldedWords("  Ông   Ích Khiêm ")).containsExactly("ong", "ich", "khiem");
        assertThat(VietnameseCollation.foldedWords(" ,;! ")).isEmpty();
    }

    @Test
    void listsSortByTheGivenNameThenTheMiddleNameThenTheFamilyNameInVietnameseAlphabeticalOrder() {
        // a < ă < â and d < đ are letters of their own; tones only break ties (ICU, locale vi).
        List<String> expected = List.of(
                "Nguyễn Thị An",
                "Lê Văn An",
                "Nguyễn Văn An",
                "Phạm Đức Anh",
                "Lê Thị Ánh",
                "Trần Văn Ăn",
                "Nguyễn Thị Ân",
                "Trần Văn Bình",
                "Vũ Thị Dung",
                "Hoàng Văn Đông",
                "Hùng");

        List<String> sorted = expected.reversed().stream()
                .sorted(Comparator.comparing(VietnameseCollation::sortKey))
                .toList();

        assertThat(sorted).containsExactlyElementsOf(expected);
    }

    @Test
    void theSortKeyIsLowerCaseHexSoThatAStoreComparesItAsTheCollatorDoes() {
        assertThat(VietnameseCollation.sortKey("Nguyễn Văn An")).matches("[0-9a-f]+");
        assertThat(VietnameseCollation.sortKey("Nguyễn  Văn An"))
                .isEqualTo(VietnameseCollation.sortKey("Nguyễn Văn An"));
        assertThat(VietnameseCollation.VERSION).startsWith("1/");
    }
}

package vn.partycell.member.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VietnameseNameTest {

    @Test
    void theFamilyNameIsTheFirstWordTheGivenNameTheLastAndTheMiddleNamesBetween() {
        assertThat(VietnameseName.of("Nguyễn Văn An")).isEqualTo(new VietnameseName("Nguyễn", "Văn", "An"));
        assertThat(VietnameseName.of("  Tôn Nữ  Thị   Ngọc Hân "))
                .isEqualTo(new VietnameseName("Tôn", "Nữ Thị Ngọc", "Hân"));
        assertThat(VietnameseName.of("Lê Lợi")).isEqualTo(new VietnameseName("Lê", "", "Lợi"));
        assertThat(VietnameseName.of("Hùng")).isEqualTo(new VietnameseName("", "", "Hùng"));
    }
}

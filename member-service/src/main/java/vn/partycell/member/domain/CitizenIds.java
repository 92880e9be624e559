package vn.partycell.member.domain;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The format of a citizen ID (số định danh cá nhân, printed on the CCCD), as Decree 137/2015/NĐ-CP
 * art. 13 and Circular 07/2016/TT-BCA art. 7 define it: 12 digits; digits 1–3 the code of the
 * province (001–096) where the birth was registered; digit 4 the century and gender (1900s male 0,
 * female 1; 2000s 2/3; 2100s 4/5; 2200s 6/7; 2300s 8/9); digits 5–6 the last two digits of the
 * birth year; digits 7–12 random. There is no check digit, so nothing more can be verified
 * ({@code infra/docs/rules.md} 2.2).
 */
public final class CitizenIds {

    private CitizenIds() {}

    /** The Vietnamese reason the ID does not fit the person, or empty when it fits. */
    public static Optional<String> problem(String citizenId, Gender gender, LocalDate dateOfBirth) {
        if (citizenId == null || !citizenId.matches("\\d{12}")) {
            return Optional.of("phải gồm đúng 12 chữ số");
        }
        int province = Integer.parseInt(citizenId.substring(0, 3));
        if (province < 1 || province > 96) {
            return Optional.of("3 chữ số đầu phải là mã tỉnh nơi đăng ký khai sinh (001–096), không phải "
                    + citizenId.substring(0, 3));
        }
        if (gender == null || dateOfBirth == null) {
            return Optional.empty();
        }
        int year = dateOfBirth.getYear();
        if (year < 1900 || year > 2399) {
            return Optional.of("năm sinh " + year + " không có mã thế kỷ");
        }
        int expected = 2 * ((year - 1900) / 100) + (gender == Gender.FEMALE ? 1 : 0);
        int actual = citizenId.charAt(3) - '0';
        if (actual != expected) {
            return Optional.of("chữ số thứ 4 (mã thế kỷ và giới tính) phải là " + expected + " với "
                    + (gender == Gender.FEMALE ? "nữ" : "nam") + " sinh năm " + year + ", không phải " + actual);
        }
        String yy = String.format("%02d", year % 100);
        if (!citizenId.substring(4, 6).equals(yy)) {
            return Optional.of("chữ số thứ 5–6 phải là hai số cuối của năm sinh (" + yy + "), không phải "
                    + citizenId.substring(4, 6));
        }
        return Optional.empty();
    }
}

package vn.partycell.member.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;
import vn.partycell.platform.kernel.RuleViolationException;

/**
 * Who the member is: name with diacritics, date of birth, gender, citizen ID (CCCD, 12 digits),
 * party card, contacts and home address.
 */
public record PersonalData(
        String fullName,
        LocalDate dateOfBirth,
        Gender gender,
        String citizenId,
        String partyCardNumber,
        String phone,
        String email,
        String address) {

    private static final Pattern CITIZEN_ID = Pattern.compile("^\\d{12}$");

    public PersonalData {
        Objects.requireNonNull(fullName);
        Objects.requireNonNull(dateOfBirth);
        Objects.requireNonNull(gender);
        fullName = fullName.strip().replaceAll("\\s+", " ");
        if (citizenId == null || !CITIZEN_ID.matcher(citizenId).matches()) {
            throw new RuleViolationException("citizen-id-invalid", "Số CCCD phải gồm đúng 12 chữ số");
        }
    }
}

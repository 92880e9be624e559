package vn.partycell.member.domain;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import vn.partycell.platform.kernel.RuleViolationException;

/**
 * Who the member is: name with diacritics, date of birth, gender, citizen ID (CCCD, checked by
 * {@link CitizenIds}), party card, contacts, home address and residence. Citizen ID, phone, date of
 * birth, address and residence are personal identifiers: only the member and those who run their
 * cell see them ({@code infra/docs/rules.md} 2.9).
 */
public record PersonalData(
        String fullName,
        LocalDate dateOfBirth,
        Gender gender,
        String citizenId,
        String partyCardNumber,
        String phone,
        String email,
        String address,
        Residence residence) {

    public PersonalData {
        Objects.requireNonNull(fullName);
        Objects.requireNonNull(dateOfBirth);
        Objects.requireNonNull(gender);
        fullName = fullName.strip().replaceAll("\\s+", " ");
        // The card number is a unique key of the register: no blank one, no stray spaces.
        partyCardNumber = partyCardNumber == null || partyCardNumber.isBlank() ? null : partyCardNumber.strip();
        CitizenIds.problem(citizenId, gender, dateOfBirth).ifPresent(problem -> {
            throw new RuleViolationException(
                    "citizen-id-invalid", "Số CCCD " + problem, Map.of("fields", Map.of("citizenId", problem)));
        });
    }

    /** Without a residence recorded. */
    public PersonalData(
            String fullName,
            LocalDate dateOfBirth,
            Gender gender,
            String citizenId,
            String partyCardNumber,
            String phone,
            String email,
            String address) {
        this(fullName, dateOfBirth, gender, citizenId, partyCardNumber, phone, email, address, null);
    }
}

package vn.partycell.localstack.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.partycell.localstack.seed.PersonGenerator.Gender;
import vn.partycell.localstack.seed.PersonGenerator.Person;

class PersonGeneratorTest {

    private static final Pattern VIETNAMESE_WORD =
            Pattern.compile("\\p{Lu}[\\p{Ll}\\p{M}]*"); // capitalised word, letters with diacritics

    private static List<Person> people(long seed, int count) {
        PersonGenerator generator = new PersonGenerator(new Random(seed));
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            people.add(generator.next(1955, 2000, 0.4));
        }
        return people;
    }

    @Test
    void theSameSeedGivesTheSamePeopleAndAnotherSeedOthers() {
        assertThat(people(42, 300)).isEqualTo(people(42, 300));
        assertThat(people(43, 300)).isNotEqualTo(people(42, 300));
    }

    @Test
    void citizenIdsAreTwelveUniqueDigitsOfHungYenWithGenderCenturyAndYear() {
        List<Person> people = people(7, 2000);
        Set<String> ids = new HashSet<>();
        for (Person person : people) {
            String id = person.citizenId();
            assertThat(id).matches("\\d{12}").startsWith("033");
            int year = person.dateOfBirth().getYear();
            int expectedDigit = (year >= 2000 ? 2 : 0) + (person.gender() == Gender.FEMALE ? 1 : 0);
            assertThat(id.charAt(3) - '0').as(id).isEqualTo(expectedDigit);
            assertThat(id.substring(4, 6)).isEqualTo(String.format("%02d", year % 100));
            ids.add(id);
        }
        assertThat(ids).hasSize(people.size());
        assertThat(people)
                .extracting(Person::dateOfBirth)
                .allSatisfy(dateOfBirth -> assertThat(dateOfBirth.getYear()).isBetween(1955, 2000));
    }

    @Test
    void namesAreVietnameseWithDiacriticsAndMatchTheGender() {
        List<Person> people = people(11, 1000);
        int withDiacritics = 0;
        for (Person person : people) {
            String name = person.fullName();
            assertThat(Normalizer.isNormalized(name, Normalizer.Form.NFC)).isTrue();
            List<String> words = List.of(name.split(" "));
            assertThat(words)
                    .hasSizeBetween(3, 4)
                    .allSatisfy(word -> assertThat(word).matches(VIETNAMESE_WORD));
            String given = words.getLast();
            if (person.gender() == Gender.MALE) {
                assertThat(words).doesNotContain("Thị");
                assertThat(PersonGenerator.MALE_GIVEN_NAMES).contains(given);
            } else {
                assertThat(words).doesNotContain("Văn");
                assertThat(PersonGenerator.FEMALE_GIVEN_NAMES).contains(given);
            }
            if (name.chars().anyMatch(c -> c > 127)) {
                withDiacritics++;
            }
        }
        assertThat(withDiacritics).isGreaterThan(people.size() * 8 / 10);
        assertThat(people).extracting(Person::fullName).anyMatch(name -> name.startsWith("Nguyễn "));
        long women = people.stream().filter(p -> p.gender() == Gender.FEMALE).count();
        assertThat(women).isBetween(300L, 500L);
    }

    @Test
    void contactsArePlausibleAndUnique() {
        List<Person> people = people(5, 1000);
        assertThat(people).extracting(Person::phone).allMatch(phone -> phone.matches("09\\d{8}"));
        assertThat(people).extracting(Person::phone).doesNotHaveDuplicates();
        assertThat(people).extracting(Person::email).allMatch(email -> email.matches("[a-z0-9.]+@example\\.vn"));
        assertThat(people).extracting(Person::email).doesNotHaveDuplicates();
        assertThat(people).extracting(Person::partyCardNumber).allMatch(card -> card.matches("33\\d{6}"));
        assertThat(people).extracting(Person::partyCardNumber).doesNotHaveDuplicates();
    }

    @Test
    void slugDropsDiacriticsIncludingDStroke() {
        assertThat(PersonGenerator.slug("Đặng Thị Thu Hằng", ".")).isEqualTo("dang.thi.thu.hang");
        assertThat(PersonGenerator.slug("Nguyễn Văn Đức", ".")).isEqualTo("nguyen.van.duc");
    }
}

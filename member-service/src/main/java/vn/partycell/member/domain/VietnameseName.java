package vn.partycell.member.domain;

import java.util.Arrays;
import java.util.Objects;

/**
 * A Vietnamese full name (họ và tên) split the way lists read it: the family name (họ) first, the
 * given name (tên) last, the middle name(s) (tên đệm) between. Lists sort by the given name, then
 * the middle name(s), then the family name ({@code infra/docs/rules.md} 2.12), so "Nguyễn Văn An"
 * is found under A.
 *
 * @param family the first word; empty for a one-word name
 * @param middle the words between, joined by one space; empty when there are none
 * @param given the last word
 */
public record VietnameseName(String family, String middle, String given) {

    public VietnameseName {
        Objects.requireNonNull(family);
        Objects.requireNonNull(middle);
        Objects.requireNonNull(given);
    }

    /** Splits on whitespace; a one-word name is a given name only. */
    public static VietnameseName of(String fullName) {
        String[] words = fullName.strip().split("\\s+");
        if (words.length == 1) {
            return new VietnameseName("", "", words[0]);
        }
        String middle = String.join(" ", Arrays.copyOfRange(words, 1, words.length - 1));
        return new VietnameseName(words[0], middle, words[words.length - 1]);
    }
}

package vn.partycell.member.application;

import com.ibm.icu.text.Collator;
import com.ibm.icu.text.Transliterator;
import com.ibm.icu.util.ULocale;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import vn.partycell.member.domain.VietnameseName;

/**
 * Vietnamese text for search and lists, by ICU rather than a hand-written table: the folded form a
 * name is searched by ("Nguyễn Văn Đức" → "nguyen van duc", so "đ" matches "d"), and a sort key whose
 * byte order is the Vietnamese collator's (locale {@code vi}) order of the given name, then the middle
 * name(s), then the family name. Both are stored with each member so that the store filters and sorts
 * by an index; {@link #VERSION} changes when either would, and the stored values are recomputed.
 */
public final class VietnameseCollation {

    /** Marks stored keys: the algorithm below and the ICU collation data they came from. */
    public static final String VERSION =
            "1/" + Collator.getInstance(ULocale.forLanguageTag("vi")).getVersion();

    /** Frozen collators are thread-safe (ICU docs); tertiary strength keeps tones and case apart. */
    private static final Collator COLLATOR = frozenVietnamese();

    /** Strip marks (tones, breve, circumflex, horn), then đ → d and any other Latin letter to ASCII. */
    private static final ThreadLocal<Transliterator> FOLD = ThreadLocal.withInitial(
            () -> Transliterator.getInstance("NFD; [:Nonspacing Mark:] Remove; NFC; Latin-ASCII; Lower"));

    private VietnameseCollation() {}

    private static Collator frozenVietnamese() {
        Collator collator = Collator.getInstance(ULocale.forLanguageTag("vi"));
        collator.setStrength(Collator.TERTIARY);
        return collator.freeze();
    }

    /** Lower-case ASCII words separated by one space; anything not a letter or digit separates words. */
    public static String fold(String text) {
        String ascii = FOLD.get().transliterate(text).toLowerCase(Locale.ROOT);
        return String.join(" ", words(ascii));
    }

    /** The folded words of a text, in order; none for a blank text. */
    public static List<String> foldedWords(String text) {
        return words(fold(text));
    }

    private static List<String> words(String ascii) {
        return Arrays.stream(ascii.split("[^a-z0-9]+"))
                .filter(w -> !w.isEmpty())
                .toList();
    }

    /**
     * Hex of the collation keys of the given name, the middle name(s) and the family name, one after
     * the other. Each ICU key ends with its only 00 byte, so comparing the concatenations byte by byte
     * (as the hex strings compare) compares the given names first, then the middle, then the family.
     */
    public static String sortKey(String fullName) {
        VietnameseName name = VietnameseName.of(fullName);
        HexFormat hex = HexFormat.of();
        return hex.formatHex(COLLATOR.getCollationKey(name.given()).toByteArray())
                + hex.formatHex(COLLATOR.getCollationKey(name.middle()).toByteArray())
                + hex.formatHex(COLLATOR.getCollationKey(name.family()).toByteArray());
    }
}

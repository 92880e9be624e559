package vn.partycell.gateway.proxy;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Checks a raw query string without parsing it into parameters (which would read a form body). */
final class QueryStrings {

    private QueryStrings() {}

    /** Whether every {@code %XX} is a hex pair and the decoded bytes are UTF-8 (a NUL is refused too). */
    static boolean isPercentEncodedUtf8(String query) {
        ByteBuffer bytes = ByteBuffer.allocate(query.length());
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '%') {
                if (i + 2 >= query.length()) {
                    return false;
                }
                int high = Character.digit(query.charAt(i + 1), 16);
                int low = Character.digit(query.charAt(i + 2), 16);
                if (high < 0 || low < 0 || (high == 0 && low == 0)) {
                    return false;
                }
                bytes.put((byte) (high * 16 + low));
                i += 2;
            } else if (c > 0x7f) {
                return false;
            } else {
                bytes.put((byte) c);
            }
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes.flip());
            return true;
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
    }
}

package io.duckforge.api;

/** JSON's number grammar (RFC 8259, section 6), for number text that does not arrive as JSON. */
final class JsonNumberSyntax {

    private JsonNumberSyntax() {
    }

    /** {@code -?(0|[1-9][0-9]*)} */
    static boolean isInteger(String text) {
        int end = integerPart(text, 0);
        return end == text.length();
    }

    /** {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?} */
    static boolean isNumber(String text) {
        int i = integerPart(text, 0);
        if (i < 0) {
            return false;
        }
        if (i < text.length() && text.charAt(i) == '.') {
            i = digits(text, i + 1);
            if (i < 0) {
                return false;
            }
        }
        if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            i = digits(text, i);
            if (i < 0) {
                return false;
            }
        }
        return i == text.length();
    }

    /** @return the index after the integer part starting at {@code start}, or -1 if there is none */
    private static int integerPart(String text, int start) {
        int i = start;
        if (i < text.length() && text.charAt(i) == '-') {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '0') {
            return i + 1;
        }
        return digits(text, i);
    }

    /** @return the index after one or more digits starting at {@code start}, or -1 if there are none */
    private static int digits(String text, int start) {
        int i = start;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i == start ? -1 : i;
    }
}

package org.kinship.federation.signature;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of RFC 8941 structured fields that RFC 9421 needs: parsing dictionaries (whose
 * members are items or inner lists, with parameters) and serialising items and inner lists
 * canonically, because the {@code @signature-params} line is the canonical serialisation.
 *
 * <p>Parsing follows RFC 8941 section 4.2 strictly; any deviation is a {@link ParseException},
 * which the verifier turns into a refusal.
 */
final class StructuredFields {

    /** A token (an unquoted bare word such as {@code sha-256} or {@code foo/bar}). */
    record Token(String value) {
    }

    /** A byte sequence ({@code :base64:}). */
    record Bytes(byte[] value) {
    }

    /** A bare item with its parameters (insertion-ordered). */
    record Item(Object value, Map<String, Object> params) {
    }

    /** An inner list with its parameters. */
    record InnerList(List<Item> items, Map<String, Object> params) {
    }

    static final class ParseException extends Exception {
        private static final long serialVersionUID = 1L;

        ParseException(String message) {
            super(message, null, false, false);
        }
    }

    private StructuredFields() {
    }

    /** Members are {@link Item} or {@link InnerList}. */
    static Map<String, Object> parseDictionary(String input) throws ParseException {
        Parser parser = new Parser(input);
        Map<String, Object> dictionary = new LinkedHashMap<>();
        parser.skipSpaces();
        while (!parser.atEnd()) {
            String key = parser.key();
            Object member;
            if (parser.peek() == '=') {
                parser.pos++;
                member = parser.itemOrInnerList();
            } else {
                member = new Item(Boolean.TRUE, parser.parameters());
            }
            dictionary.put(key, member);
            parser.skipOws();
            if (parser.atEnd()) {
                break;
            }
            parser.expect(',');
            parser.skipOws();
            if (parser.atEnd()) {
                throw new ParseException("trailing comma in dictionary");
            }
        }
        return Collections.unmodifiableMap(dictionary);
    }

    /** A single item, such as an RFC 9421 component identifier ({@code "@query-param";name="Pet"}). */
    static Item parseItem(String input) throws ParseException {
        Parser parser = new Parser(input);
        parser.skipSpaces();
        Item item = parser.item();
        parser.skipSpaces();
        if (!parser.atEnd()) {
            throw new ParseException("trailing characters after item");
        }
        return item;
    }

    static String serialize(Object member) {
        StringBuilder out = new StringBuilder();
        if (member instanceof InnerList list) {
            out.append('(');
            for (int i = 0; i < list.items().size(); i++) {
                if (i > 0) {
                    out.append(' ');
                }
                serializeItem(list.items().get(i), out);
            }
            out.append(')');
            serializeParams(list.params(), out);
        } else {
            serializeItem((Item) member, out);
        }
        return out.toString();
    }

    private static void serializeItem(Item item, StringBuilder out) {
        serializeBare(item.value(), out);
        serializeParams(item.params(), out);
    }

    private static void serializeParams(Map<String, Object> params, StringBuilder out) {
        for (Map.Entry<String, Object> param : params.entrySet()) {
            out.append(';').append(param.getKey());
            if (!Boolean.TRUE.equals(param.getValue())) {
                out.append('=');
                serializeBare(param.getValue(), out);
            }
        }
    }

    private static void serializeBare(Object value, StringBuilder out) {
        if (value instanceof Long number) {
            out.append(number.longValue());
        } else if (value instanceof BigDecimal decimal) {
            BigDecimal rounded = decimal.setScale(3, RoundingMode.HALF_EVEN).stripTrailingZeros();
            String text = rounded.toPlainString();
            out.append(text.contains(".") ? text : text + ".0");
        } else if (value instanceof String text) {
            out.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"' || c == '\\') {
                    out.append('\\');
                }
                out.append(c);
            }
            out.append('"');
        } else if (value instanceof Token token) {
            out.append(token.value());
        } else if (value instanceof Bytes bytes) {
            out.append(':').append(Base64.getEncoder().encodeToString(bytes.value())).append(':');
        } else if (value instanceof Boolean flag) {
            out.append(flag ? "?1" : "?0");
        } else {
            throw new IllegalArgumentException("not a structured-field bare item: " + value);
        }
    }

    private static final class Parser {
        private final String in;
        private int pos;

        Parser(String in) {
            this.in = in;
        }

        boolean atEnd() {
            return pos >= in.length();
        }

        char peek() {
            return atEnd() ? '\0' : in.charAt(pos);
        }

        void expect(char c) throws ParseException {
            if (peek() != c) {
                throw new ParseException("expected '" + c + "' at " + pos);
            }
            pos++;
        }

        void skipSpaces() {
            while (!atEnd() && in.charAt(pos) == ' ') {
                pos++;
            }
        }

        void skipOws() {
            while (!atEnd() && (in.charAt(pos) == ' ' || in.charAt(pos) == '\t')) {
                pos++;
            }
        }

        Object itemOrInnerList() throws ParseException {
            return peek() == '(' ? innerList() : item();
        }

        InnerList innerList() throws ParseException {
            expect('(');
            List<Item> items = new ArrayList<>();
            while (!atEnd()) {
                skipSpaces();
                if (peek() == ')') {
                    pos++;
                    return new InnerList(Collections.unmodifiableList(items), parameters());
                }
                items.add(item());
                if (peek() != ' ' && peek() != ')') {
                    throw new ParseException("expected space or ')' in inner list at " + pos);
                }
            }
            throw new ParseException("unterminated inner list");
        }

        Item item() throws ParseException {
            Object value = bareItem();
            return new Item(value, parameters());
        }

        Map<String, Object> parameters() throws ParseException {
            Map<String, Object> params = new LinkedHashMap<>();
            while (peek() == ';') {
                pos++;
                skipSpaces();
                String key = key();
                Object value = Boolean.TRUE;
                if (peek() == '=') {
                    pos++;
                    value = bareItem();
                }
                params.put(key, value);
            }
            return Collections.unmodifiableMap(params);
        }

        String key() throws ParseException {
            char first = peek();
            if (!(first >= 'a' && first <= 'z') && first != '*') {
                throw new ParseException("a key must start with a lower-case letter or '*' at " + pos);
            }
            int start = pos;
            while (!atEnd()) {
                char c = in.charAt(pos);
                if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.' || c == '*') {
                    pos++;
                } else {
                    break;
                }
            }
            return in.substring(start, pos);
        }

        Object bareItem() throws ParseException {
            char c = peek();
            if (c == '-' || (c >= '0' && c <= '9')) {
                return number();
            }
            if (c == '"') {
                return string();
            }
            if (c == ':') {
                return bytes();
            }
            if (c == '?') {
                pos++;
                char flag = peek();
                pos++;
                if (flag == '1') {
                    return Boolean.TRUE;
                }
                if (flag == '0') {
                    return Boolean.FALSE;
                }
                throw new ParseException("bad boolean at " + pos);
            }
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '*') {
                return token();
            }
            throw new ParseException("unexpected character at " + pos);
        }

        Object number() throws ParseException {
            int start = pos;
            if (peek() == '-') {
                pos++;
            }
            boolean decimal = false;
            int digits = 0;
            while (!atEnd()) {
                char c = in.charAt(pos);
                if (c >= '0' && c <= '9') {
                    digits++;
                    pos++;
                } else if (c == '.' && !decimal) {
                    if (digits > 12) {
                        throw new ParseException("decimal too long");
                    }
                    decimal = true;
                    pos++;
                } else {
                    break;
                }
                if ((decimal && digits > 15) || (!decimal && digits > 15)) {
                    throw new ParseException("number too long");
                }
            }
            String text = in.substring(start, pos);
            if (digits == 0 || text.endsWith(".")) {
                throw new ParseException("bad number at " + start);
            }
            if (decimal) {
                int fraction = text.length() - text.indexOf('.') - 1;
                if (fraction > 3) {
                    throw new ParseException("decimal with more than three fraction digits");
                }
                return new BigDecimal(text);
            }
            return Long.parseLong(text);
        }

        String string() throws ParseException {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (!atEnd()) {
                char c = in.charAt(pos++);
                if (c == '\\') {
                    if (atEnd()) {
                        throw new ParseException("dangling escape");
                    }
                    char escaped = in.charAt(pos++);
                    if (escaped != '"' && escaped != '\\') {
                        throw new ParseException("bad escape");
                    }
                    out.append(escaped);
                } else if (c == '"') {
                    return out.toString();
                } else if (c < 0x20 || c > 0x7e) {
                    throw new ParseException("non-printable character in string");
                } else {
                    out.append(c);
                }
            }
            throw new ParseException("unterminated string");
        }

        Token token() {
            int start = pos;
            while (!atEnd()) {
                char c = in.charAt(pos);
                boolean tchar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || "!#$%&'*+-.^_`|~:/".indexOf(c) >= 0;
                if (!tchar) {
                    break;
                }
                pos++;
            }
            return new Token(in.substring(start, pos));
        }

        Bytes bytes() throws ParseException {
            expect(':');
            int end = in.indexOf(':', pos);
            if (end < 0) {
                throw new ParseException("unterminated byte sequence");
            }
            String encoded = in.substring(pos, end);
            pos = end + 1;
            try {
                return new Bytes(Base64.getDecoder().decode(encoded));
            } catch (IllegalArgumentException e) {
                throw new ParseException("byte sequence is not base64");
            }
        }
    }
}

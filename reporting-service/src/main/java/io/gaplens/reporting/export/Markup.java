package io.gaplens.reporting.export;

/** Escapes text for XHTML and SVG, where the PDF renderer needs well-formed XML. */
final class Markup {

    private Markup() {
    }

    static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> {
                    // XML 1.0 forbids most control characters even as references, so they are dropped.
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}

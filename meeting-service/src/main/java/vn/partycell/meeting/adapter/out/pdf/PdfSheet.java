package vn.partycell.meeting.adapter.out.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Text laid out on A4 pages, top to bottom: wrapped paragraphs, centred headings and table rows,
 * a new page whenever the next line would not fit. Text is made printable first: control
 * characters become spaces and a character the embedded font has no glyph for becomes "?", so that
 * no user input can make printing fail.
 */
final class PdfSheet implements AutoCloseable {

    static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private final PDDocument document;
    private final Map<PDFont, Map<Integer, Boolean>> glyphs = new HashMap<>();
    private PDPageContentStream content;
    private float y;

    PdfSheet(PDDocument document) throws IOException {
        this.document = document;
        newPage();
    }

    float width() {
        return WIDTH;
    }

    void gap(float points) throws IOException {
        y -= points;
        if (y < MARGIN) {
            newPage();
        }
    }

    void centred(String text, PDFont font, float size) throws IOException {
        for (String line : wrap(printable(text, font), font, size, WIDTH)) {
            float lineWidth = width(line, font, size);
            show(line, font, size, MARGIN + (WIDTH - lineWidth) / 2, lineHeight(size));
        }
    }

    void paragraph(String text, PDFont font, float size) throws IOException {
        paragraph(text, font, size, 0);
    }

    /** A paragraph indented by {@code indent} points. */
    void paragraph(String text, PDFont font, float size, float indent) throws IOException {
        for (String line : wrap(printable(text, font), font, size, WIDTH - indent)) {
            show(line, font, size, MARGIN + indent, lineHeight(size));
        }
    }

    /** One table row: each cell wrapped in its column, the row kept on one page. */
    void row(float[] columns, List<String> cells, PDFont font, float size) throws IOException {
        List<List<String>> wrapped = new ArrayList<>();
        int height = 1;
        for (int i = 0; i < cells.size(); i++) {
            List<String> lines = wrap(printable(cells.get(i), font), font, size, columns[i] - 4);
            wrapped.add(lines);
            height = Math.max(height, lines.size());
        }
        float rowHeight = height * lineHeight(size);
        if (y - rowHeight < MARGIN) {
            newPage();
        }
        float top = y;
        float x = MARGIN;
        for (int i = 0; i < wrapped.size(); i++) {
            float lineY = top;
            for (String line : wrapped.get(i)) {
                lineY -= lineHeight(size);
                write(line, font, size, x, lineY);
            }
            x += columns[i];
        }
        y = top - rowHeight - 2;
        content.setLineWidth(0.3f);
        content.moveTo(MARGIN, y + 1);
        content.lineTo(MARGIN + WIDTH, y + 1);
        content.stroke();
    }

    private void show(String line, PDFont font, float size, float x, float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
        }
        y -= height;
        write(line, font, size, x, y);
    }

    private void write(String line, PDFont font, float size, float x, float baseline) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, baseline);
        content.showText(line);
        content.endText();
    }

    private void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private static float lineHeight(float size) {
        return size * 1.35f;
    }

    private static float width(String text, PDFont font, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** Words to lines no wider than {@code width}; a word longer than a line is cut. */
    static List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" +")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, font, size) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (width(rest, font, size) > width && rest.length() > 1) {
                int cut = rest.length() - 1;
                while (cut > 1 && width(rest.substring(0, cut), font, size) > width) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private String printable(String text, PDFont font) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        Map<Integer, Boolean> known = glyphs.computeIfAbsent(font, f -> new HashMap<>());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                out.append(' ');
            } else if (known.computeIfAbsent(cp, c -> hasGlyph(font, c))) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString().strip();
    }

    private static boolean hasGlyph(PDFont font, int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        content.close();
    }
}

package io.gaplens.reporting.export;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Renders the XHTML report to PDF with openhtmltopdf, drawing the inline SVG charts with Batik.
 * NOTE: the PDF uses the built-in PDF fonts, which cover Latin-1 only; other characters in
 * titles or names show as placeholders.
 */
public final class PdfRenderer {

    private PdfRenderer() {
    }

    public static byte[] render(String xhtml) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useSVGDrawer(new BatikSVGDrawer());
            builder.withHtmlContent(xhtml, null);
            builder.toStream(pdf);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Rendering the report to PDF failed", e);
        }
        return pdf.toByteArray();
    }
}

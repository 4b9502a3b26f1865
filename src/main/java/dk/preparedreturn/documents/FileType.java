package dk.preparedreturn.documents;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The file types a document may have, decided from its bytes (the magic number at the start and the
 * type's end marker), never from the client's Content-Type or the file name: PDF ({@code %PDF-} ...
 * {@code %%EOF}), PNG (the 8-byte signature ... the {@code IEND} chunk) and JPEG (SOI {@code FFD8FF} ...
 * EOI {@code FFD9}). Anything else is not a document.
 */
enum FileType {
  PDF("application/pdf", "pdf"),
  PNG("image/png", "png"),
  JPEG("image/jpeg", "jpg");

  private static final byte[] PDF_START = "%PDF-".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PDF_END = "%%EOF".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PNG_START = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  private static final byte[] PNG_END = {'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};
  private static final byte[] JPEG_START = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] JPEG_END = {(byte) 0xFF, (byte) 0xD9};
  /** Writers may put a line end or padding after the end marker. */
  private static final int PDF_TAIL = 1024;
  private static final int JPEG_TAIL = 64;

  private final String contentType;
  private final String extension;

  FileType(String contentType, String extension) {
    this.contentType = contentType;
    this.extension = extension;
  }

  String contentType() {
    return contentType;
  }

  String extension() {
    return extension;
  }

  static Optional<FileType> of(byte[] bytes) {
    if (startsWith(bytes, PDF_START) && containsInTail(bytes, PDF_END, PDF_TAIL)) {
      return Optional.of(PDF);
    }
    if (startsWith(bytes, PNG_START) && bytes.length >= PNG_START.length + PNG_END.length
        && Arrays.equals(bytes, bytes.length - PNG_END.length, bytes.length, PNG_END, 0, PNG_END.length)) {
      return Optional.of(PNG);
    }
    if (startsWith(bytes, JPEG_START) && bytes.length > JPEG_START.length + JPEG_END.length
        && containsInTail(bytes, JPEG_END, JPEG_TAIL)) {
      return Optional.of(JPEG);
    }
    return Optional.empty();
  }

  static FileType ofContentType(String contentType) {
    for (FileType type : values()) {
      if (type.contentType.equals(contentType)) {
        return type;
      }
    }
    throw new IllegalArgumentException("not a document type: " + contentType);
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static boolean containsInTail(byte[] bytes, byte[] marker, int tail) {
    int from = Math.max(0, bytes.length - tail - marker.length);
    for (int i = bytes.length - marker.length; i >= from; i--) {
      if (Arrays.equals(bytes, i, i + marker.length, marker, 0, marker.length)) {
        return true;
      }
    }
    return false;
  }
}

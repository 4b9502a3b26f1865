package dk.preparedreturn.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The type of a document comes from its bytes: start and end markers of PDF, PNG and JPEG, nothing else. */
class FileTypeTest {

  @Test
  void realFilesAreRecognisedByTheirBytes() {
    assertThat(FileType.of(TestFiles.pdf())).contains(FileType.PDF);
    assertThat(FileType.of(TestFiles.png())).contains(FileType.PNG);
    assertThat(FileType.of(TestFiles.jpeg())).contains(FileType.JPEG);
    assertThat(FileType.PDF.contentType()).isEqualTo("application/pdf");
    assertThat(FileType.PNG.contentType()).isEqualTo("image/png");
    assertThat(FileType.JPEG.contentType()).isEqualTo("image/jpeg");
  }

  @Test
  void filesThatOnlyPretendAreNotDocuments() {
    assertThat(FileType.of(TestFiles.htmlDisguisedAsPdf())).as("markers in the wrong place").isEmpty();
    assertThat(FileType.of(TestFiles.programDisguisedAsJpeg())).isEmpty();
    assertThat(FileType.of(TestFiles.pngSignatureThenScript())).as("a PNG signature without a PNG").isEmpty();
    assertThat(FileType.of("%PDF-1.4 but never ends".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    assertThat(FileType.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})).as("a JPEG start alone").isEmpty();
    assertThat(FileType.of(new byte[0])).isEmpty();
    assertThat(FileType.of("GIF89a".getBytes(StandardCharsets.US_ASCII))).isEmpty();
  }

  @Test
  void theDownloadNameCarriesTheKindAndReferenceOnly() {
    assertThat(DocumentKind.TRAVEL_DOCUMENT.stem()).isEqualTo("travel-document");
    assertThat(DocumentKind.RECEIPT.readableBy(java.util.List.of("partner-ng"))).isTrue();
    assertThat(DocumentKind.TRAVEL_DOCUMENT.readableBy(java.util.List.of("partner-ng", "drc"))).isFalse();
    assertThat(DocumentKind.RECEIPT.uploadableBy(java.util.List.of("drc", "cmm"))).isFalse();
  }
}

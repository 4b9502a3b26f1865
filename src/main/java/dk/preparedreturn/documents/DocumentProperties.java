package dk.preparedreturn.documents;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Documents of a case.
 *
 * @param maxSize the largest document accepted ({@code DOCUMENT_MAX_SIZE}, 10MB by default); a larger
 *     one is refused with 400 naming the field. Requests are cut off earlier by
 *     {@code spring.servlet.multipart.max-file-size} ({@code DOCUMENT_UPLOAD_CAP}), which must be larger.
 */
@ConfigurationProperties("app.documents")
public record DocumentProperties(DataSize maxSize) {

  public DocumentProperties {
    if (maxSize == null) {
      maxSize = DataSize.ofMegabytes(10);
    }
  }
}

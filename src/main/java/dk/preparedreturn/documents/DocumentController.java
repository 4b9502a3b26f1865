package dk.preparedreturn.documents;

import dk.preparedreturn.api.ApiProblems;
import dk.preparedreturn.identity.Caller;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The documents of a case in the API: {@code GET /api/cases/{ref}/documents} (the list the caller may
 * see and the kinds he may upload), {@code POST} multipart ({@code kind}, {@code file}; 201 with the
 * document) and {@code GET .../documents/{id}} (the bytes, as an attachment of the type the bytes
 * showed, never sniffed again by the browser). See {@link Documents} for who may do what.
 */
@RestController
class DocumentController {

  private final Documents documents;

  DocumentController(Documents documents) {
    this.documents = documents;
  }

  @GetMapping(path = "/api/cases/{caseRef}/documents", produces = "application/json")
  @Transactional(readOnly = true)
  Map<String, Object> list(@PathVariable String caseRef, Caller caller) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("caseRef", caseRef);
    body.put("documents", documents.list(caseRef, caller));
    body.put("uploadableKinds", documents.uploadable(caseRef, caller));
    body.put("maxSizeMegabytes", documents.maxMegabytes());
    return body;
  }

  @PostMapping(path = "/api/cases/{caseRef}/documents", consumes = "multipart/form-data",
      produces = "application/json")
  @Transactional
  ResponseEntity<Documents.Listed> upload(@PathVariable String caseRef,
      @RequestParam(name = "kind", required = false) String kind,
      @RequestParam(name = "file", required = false) MultipartFile file, Caller caller) throws IOException {
    Documents.Listed created = documents.upload(caseRef, caller, kind,
        file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes());
    return ResponseEntity.created(URI.create("/api/cases/" + caseRef + "/documents/" + created.id())).body(created);
  }

  @GetMapping(path = "/api/cases/{caseRef}/documents/{id}")
  @Transactional
  ResponseEntity<byte[]> download(@PathVariable String caseRef, @PathVariable String id, Caller caller) {
    Documents.Download download = documents.download(caseRef, id, caller);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(download.contentType()))
        .contentLength(download.content().length)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(download.fileName()).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox; default-src 'none'")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(download.content());
  }

  @ExceptionHandler(Documents.DocumentNotFound.class)
  ResponseEntity<ProblemDetail> notFound(Documents.DocumentNotFound e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(ApiProblems.problem(HttpStatus.NOT_FOUND, e.getMessage()));
  }

}

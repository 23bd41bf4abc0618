package com.invgov.workflow.web;

import com.invgov.api.Idempotency;
import com.invgov.api.Page;
import com.invgov.workflow.BpmnProblem;
import com.invgov.workflow.BpmnRefused;
import com.invgov.workflow.DeployedProcess;
import com.invgov.workflow.ProcessCatalog;
import com.invgov.workflow.ProcessDefinitionSummary;
import com.invgov.workflow.ProcessDraft;
import com.invgov.workflow.ProcessDrafts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/processes} (DESIGN §6): the deployed process definitions, the latest version of each, for every
 * role. {@code POST /api/v1/processes} (ADMIN): a BPMN, validated (422 with every problem) and kept as a draft;
 * {@code POST /api/v1/processes/drafts/{id}/publish} (a second ADMIN) deploys it as the next version of its key.
 */
@RestController
@RequestMapping(path = "/api/v1/processes", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Processes", description = "Deployed BPMN processes; upload a new one or a new version of one (ADMIN), "
        + "validated, published by a second ADMIN")
class ProcessController {

    /** The JSON form of an upload. */
    record Upload(String bpmn, String comment) {
    }

    private final ProcessCatalog catalog;
    private final ProcessDrafts drafts;
    private final Idempotency idempotency;

    ProcessController(ProcessCatalog catalog, ProcessDrafts drafts, Idempotency idempotency) {
        this.catalog = catalog;
        this.drafts = drafts;
        this.idempotency = idempotency;
    }

    @GetMapping
    @Operation(summary = "The deployed process definitions (latest version of each key) with their history time-to-live")
    Page<ProcessDefinitionSummary> processes() {
        return new Page<>(catalog.latest(), null);
    }

    @PostMapping(consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    @Operation(operationId = "uploadProcess", summary = "Upload a BPMN as a draft (ADMIN); the body is the BPMN XML "
            + "(UTF-8)", description = ProcessApiDocs.UPLOAD)
    ResponseEntity<Object> uploadXml(@RequestBody(required = false) byte[] body,
                                     @Parameter(description = "what changed, for the reviewer")
                                     @RequestParam(required = false) String comment,
                                     @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey,
                                     @RequestHeader(name = "Content-Type", required = false) String contentType,
                                     HttpServletRequest http) {
        return create(text(body == null ? new byte[0] : body, contentType), comment, idempotencyKey, http);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "uploadProcessJson", summary = "Upload a BPMN as a draft (ADMIN): {\"bpmn\": \"<xml>\", "
            + "\"comment\": \"...\"}", description = ProcessApiDocs.UPLOAD)
    ResponseEntity<Object> uploadJson(@RequestBody Upload body,
                                      @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey,
                                      HttpServletRequest http) {
        return create(body == null ? null : body.bpmn(), body == null ? null : body.comment(), idempotencyKey, http);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(operationId = "uploadProcessFile", summary = "Upload a BPMN file as a draft (ADMIN): part 'file', "
            + "optional part or parameter 'comment'", description = ProcessApiDocs.UPLOAD)
    ResponseEntity<Object> uploadFile(@RequestPart("file") MultipartFile file,
                                      @RequestParam(required = false) String comment,
                                      @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey,
                                      HttpServletRequest http) throws IOException {
        return create(text(file.getBytes(), file.getContentType()), comment, idempotencyKey, http);
    }

    private ResponseEntity<Object> create(String bpmn, String comment, String idempotencyKey,
                                          HttpServletRequest http) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("bpmn", bpmn);
        request.put("comment", comment);
        return idempotency.run(http, idempotencyKey, false, request, () -> {
            ProcessDraft draft = drafts.create(bpmn, comment);
            return ResponseEntity.created(URI.create("/api/v1/processes/drafts/" + draft.id())).body(draft);
        });
    }

    @GetMapping("/drafts")
    @Operation(summary = "Process drafts, newest first, without their BPMN (ADMIN, AUDITOR)")
    Page<ProcessDraft> drafts(@RequestParam(required = false) String key,
                              @RequestParam(required = false) String after,
                              @RequestParam(required = false) Integer limit) {
        return drafts.drafts(key, after, limit);
    }

    @GetMapping("/drafts/{id}")
    @Operation(summary = "One process draft with its BPMN (ADMIN, AUDITOR)")
    ProcessDraft draft(@PathVariable long id) {
        return drafts.draft(id);
    }

    @PostMapping("/drafts/{id}/publish")
    @Operation(summary = "Deploy a draft as the next version of its process key (an ADMIN other than its author). "
            + "New instances start on it; running ones finish on their version. 409 when published already")
    ResponseEntity<Object> publish(@PathVariable long id,
                                   @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey,
                                   HttpServletRequest http) {
        return idempotency.run(http, idempotencyKey, false, null, () -> {
            DeployedProcess deployed = drafts.publish(id);
            return ResponseEntity.ok(deployed);
        });
    }

    /** The body as text: the charset the request names, else UTF-8; bytes that are not that charset are a 422. */
    private static String text(byte[] body, String contentType) {
        Charset charset = StandardCharsets.UTF_8;
        try {
            if (contentType != null) {
                MediaType type = MediaType.parseMediaType(contentType);
                if (type.getCharset() != null) {
                    charset = type.getCharset();
                }
            }
        } catch (RuntimeException e) {
            // an unknown charset name: read as UTF-8, which the check below holds it to
        }
        try {
            String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            // a byte-order mark (editors on Windows write one) is not part of the document
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new BpmnRefused(List.of(new BpmnProblem(null, null, null,
                    "the body is not " + charset.name() + " text")));
        }
    }
}

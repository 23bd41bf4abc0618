package com.invgov.rules.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.invgov.api.Idempotency;
import com.invgov.rules.NewRuleSetVersion;
import com.invgov.rules.RuleFormat;
import com.invgov.rules.RuleSetBadRequest;
import com.invgov.rules.RuleSetOverview;
import com.invgov.rules.RuleSetVersion;
import com.invgov.rules.RuleSetVersions;
import com.invgov.rules.RuleTableInvalid;
import com.invgov.rules.SimulationResult;
import com.invgov.rules.table.RuleTable;
import com.invgov.rules.table.TableError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
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
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Rule sets, their versions, simulation and publishing (DESIGN §6). Writes need ADMIN; the service checks. */
@RestController
@RequestMapping("/api/v1/rulesets")
@Tag(name = "Rule sets", description = "Versioned rule sets: low-code tables or DRL, simulate, publish (four-eyes)")
class RuleSetController {

    /** Lists in the API's list shape. */
    record Items<T>(List<T> items, String next) {
    }

    /** {@code {"lastDecisions": N}}: replay the facts of the last N logged decisions. */
    record SimulateRequest(Integer lastDecisions) {
    }

    private final RuleSetVersions versions;
    private final ObjectMapper json;
    /** Numbers read exactly: a limit of 999999999999.999999 is that, not the double nearest it (10^12). */
    private final ObjectReader exactJson;
    private final Idempotency idempotency;

    RuleSetController(RuleSetVersions versions, ObjectMapper json, Idempotency idempotency) {
        this.versions = versions;
        this.json = json;
        this.exactJson = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        this.idempotency = idempotency;
    }

    @GetMapping
    @Operation(summary = "The rule sets with their published version")
    Items<RuleSetOverview> ruleSets() {
        return new Items<>(versions.ruleSets(), null);
    }

    @GetMapping("/{key}")
    @Operation(summary = "One rule set")
    RuleSetOverview ruleSet(@PathVariable String key) {
        return versions.ruleSet(key);
    }

    @GetMapping("/{key}/versions")
    @Operation(summary = "Its versions, newest first")
    Items<RuleSetVersion> versions(@PathVariable String key) {
        return new Items<>(versions.versions(key), null);
    }

    @GetMapping("/{key}/versions/{version}")
    @Operation(summary = "One version with its DRL and the diff against the version before")
    RuleSetVersion version(@PathVariable String key, @PathVariable int version) {
        return versions.version(key, version);
    }

    @PostMapping(path = "/{key}/versions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createRuleSetVersion", summary = "Save a new DRAFT version (ADMIN)",
            description = RuleSetApiDocs.PLACEHOLDER)
    ResponseEntity<Object> create(@PathVariable String key,
                                  @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                                          mediaType = MediaType.APPLICATION_JSON_VALUE,
                                          schema = @Schema(type = "object")))
                                  @RequestBody byte[] bytes,
                                  @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey,
                                  HttpServletRequest http) {
        JsonNode body = tree(bytes);
        NewRuleSetVersion request = request(key, body);
        return idempotency.run(http, idempotencyKey, false, body, () -> {
            RuleSetVersion created = versions.createVersion(key, request);
            return ResponseEntity.created(URI.create("/api/v1/rulesets/" + key + "/versions/" + created.version()))
                    .body(created);
        });
    }

    @PostMapping(path = "/{key}/versions/{version}/simulate", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Run a version against the facts of the last N decisions, next to the published version")
    SimulationResult simulate(@PathVariable String key, @PathVariable int version,
                              @RequestBody SimulateRequest request) {
        if (request == null || request.lastDecisions() == null) {
            throw new RuleSetBadRequest("lastDecisions is required (or upload a CSV of facts as text/csv)");
        }
        return versions.simulateLastDecisions(key, version, request.lastDecisions());
    }

    @PostMapping(path = "/{key}/versions/{version}/simulate", consumes = "text/csv")
    @Operation(summary = "Run a version against uploaded facts: a header row of the fact's fields, one fact a line")
    SimulationResult simulateCsv(@PathVariable String key, @PathVariable int version, @RequestBody String csv) {
        return versions.simulateCsv(key, version, csv);
    }

    @PostMapping(path = "/{key}/versions/{version}/simulate", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Run a version against an uploaded CSV file of facts (part 'file')")
    SimulationResult simulateUpload(@PathVariable String key, @PathVariable int version,
                                    @RequestPart("file") MultipartFile file) throws IOException {
        return versions.simulateCsv(key, version, new String(file.getBytes(), StandardCharsets.UTF_8));
    }

    @PostMapping("/{key}/versions/{version}/publish")
    @Operation(summary = "Publish a version (a second ADMIN); publishing an earlier version is the rollback. An "
            + "optional Idempotency-Key makes a retry answer as the first call did (not 409 'published already')")
    ResponseEntity<Object> publish(@PathVariable String key, @PathVariable int version,
                                   @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey,
                                   HttpServletRequest http) {
        return idempotency.run(http, idempotencyKey, false, null,
                () -> ResponseEntity.ok(versions.publish(key, version)));
    }

    private JsonNode tree(byte[] body) {
        try {
            return exactJson.readTree(body);
        } catch (JacksonException e) {
            throw new RuleSetBadRequest("The body is not valid JSON.");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private NewRuleSetVersion request(String key, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new RuleSetBadRequest("expected {\"format\": \"TABLE\"|\"DRL\", \"comment\", \"table\" | \"drl\"}");
        }
        String format = body.path("format").asText("");
        String comment = body.path("comment").isTextual() ? body.get("comment").asText() : null;
        if (format.equals(RuleFormat.DRL.name())) {
            JsonNode drl = body.path("drl");
            return NewRuleSetVersion.drl(drl.isTextual() ? drl.asText() : null, comment);
        }
        if (!format.equals(RuleFormat.TABLE.name())) {
            throw new RuleSetBadRequest("format must be TABLE or DRL");
        }
        JsonNode table = body.get("table");
        if (table == null || !table.isObject()) {
            throw new RuleTableInvalid(key, List.of(new TableError("table", null, "table", "is required")));
        }
        return NewRuleSetVersion.table(table(key, table), comment);
    }

    /** A table is read strictly: a field it does not have is an error, not ignored, and so is a null in a list. */
    private RuleTable table(String key, JsonNode table) {
        List<TableError> nulls = new ArrayList<>();
        nullsInLists(table, "", nulls);
        if (!nulls.isEmpty()) {
            throw new RuleTableInvalid(key, nulls);
        }
        try {
            return json.readerFor(versions.tableType(key))
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(table);
        } catch (JsonMappingException e) {
            throw new RuleTableInvalid(key, List.of(error(e)));
        } catch (IOException e) {
            throw new RuleSetBadRequest("the table cannot be read: " + e.getMessage());
        }
    }

    /** A cell Jackson cannot read (text where a number belongs), named like the validator names cells. */
    private static TableError error(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        Integer row = null;
        String column = null;
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(ref.getFieldName());
                column = ref.getFieldName();
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
                row = ref.getIndex();
            }
        }
        return new TableError(field.isEmpty() ? "table" : field.toString(), row, column == null ? "table" : column,
                message(e));
    }

    /** What is wrong with the cell in a user's words: Jackson's own messages name Java classes. */
    private static String message(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "is not a field here; the fields are " + unknown.getKnownPropertyIds();
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            Class<?> type = mismatched.getTargetType();
            return "has the wrong type (expected " + (Number.class.isAssignableFrom(type) || type.isPrimitive()
                    && type != boolean.class ? "a number" : type == Boolean.class || type == boolean.class
                    ? "true or false" : type.isEnum() ? "one of " + java.util.Arrays.toString(type.getEnumConstants())
                    : java.util.Collection.class.isAssignableFrom(type) ? "a list"
                    : type == String.class ? "text" : "an object") + ")";
        }
        if (e instanceof ValueInstantiationException || e instanceof InvalidDefinitionException
                || e.getOriginalMessage() == null) {
            return "cannot be read";
        }
        // a value every body refuses (a number beyond the API's limits): its reason is plain
        return e.getOriginalMessage().lines().findFirst().orElse("cannot be read");
    }

    /** Every null element of a list in {@code node}, named by its path ({@code rows[0]}). */
    private static void nullsInLists(JsonNode node, String path, List<TableError> errors) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> nullsInLists(f.getValue(),
                    (path.isEmpty() ? "" : path + ".") + f.getKey(), errors));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isNull()) {
                    boolean rows = path.equals("rows");
                    errors.add(new TableError(path + "[" + i + "]", rows ? i : null, path,
                            rows ? "must be a row, not null" : "must not be null"));
                } else {
                    nullsInLists(node.get(i), path + "[" + i + "]", errors);
                }
            }
        }
    }

}

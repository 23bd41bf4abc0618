package com.invgov.adjustment;

import com.fasterxml.jackson.databind.JsonNode;
import com.invgov.support.Api;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A serial-tracked C item (unit cost 10) with {@code n} serials AVAILABLE at a location of its own. */
final class SerialFixture {
    final AdjustmentFixture fixture;
    final String sku;
    final List<String> serials;
    final Instant countTime;
    final int port;

    private SerialFixture(int port, AdjustmentFixture fixture, List<String> serials, Instant countTime) {
        this.port = port;
        this.fixture = fixture;
        this.sku = fixture.sku;
        this.serials = serials;
        this.countTime = countTime;
    }

    static SerialFixture of(int port, int n) {
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String sku = "T5S-" + suffix;
        ResponseEntity<JsonNode> item = Api.as(port, "ada").put().uri("/api/v1/items/" + sku)
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"description": "Serial test item", "baseUom": "EA", "tracking": "SERIAL", "abcClass": "C",
                         "category": "TST", "unitCost": 10, "regulated": false}""")
                .retrieve().toEntity(JsonNode.class);
        assertThat(item.getStatusCode().is2xxSuccessful()).as("item: %s", item.getBody()).isTrue();
        AdjustmentFixture place = AdjustmentFixture.item(port, "C", "1", false, 0);
        AdjustmentFixture fixture = AdjustmentFixture.at(port, sku, place.location);
        List<String> serials = IntStream.rangeClosed(1, n).mapToObj(i -> sku + "-S%02d".formatted(i)).toList();
        SerialFixture f = new SerialFixture(port, fixture, serials,
                Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS));
        f.receive(serials, place.location);
        return f;
    }

    void receive(List<String> serials, String location) {
        String movements = serials.stream().map(s -> """
                {"type": "RECEIPT", "sku": "%s", "quantity": 1, "uom": "EA", "serial": "%s",
                 "to": {"location": "%s"}, "eventTime": "%s"}""".formatted(sku, s, location,
                Instant.now().minus(2, ChronoUnit.DAYS))).collect(Collectors.joining(","));
        ResponseEntity<JsonNode> r = fixture.post("olga", "/api/v1/movements/batch",
                "{\"movements\": [" + movements + "]}");
        assertThat(r.getStatusCode().value()).as("receipt: %s", r.getBody()).isEqualTo(201);
    }

    /** Moves one serial (a TRANSFER posted now, happened at {@code at}). */
    void transfer(String serial, String from, String to, Instant at) {
        ResponseEntity<JsonNode> r = fixture.post("olga", "/api/v1/movements", """
                {"type": "TRANSFER", "sku": "%s", "quantity": 1, "uom": "EA", "serial": "%s",
                 "from": {"location": "%s"}, "to": {"location": "%s"}, "eventTime": "%s"}"""
                .formatted(sku, serial, from, to, at));
        assertThat(r.getStatusCode().value()).as("transfer: %s", r.getBody()).isEqualTo(201);
    }

    /** A count of the serials (quantity: their number unless given), optionally a recount of a count. */
    ResponseEntity<JsonNode> count(String user, List<String> counted, String quantity, String recountOf) {
        String list = counted == null ? "null"
                : counted.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(",", "[", "]"));
        return fixture.post(user, "/api/v1/counts", """
                {"location": "%s", "sku": "%s", "countedQuantity": %s, "uom": "EA", "serials": %s,
                 "recountOf": %s, "eventTime": "%s"}""".formatted(fixture.location, sku,
                quantity != null ? quantity : String.valueOf(counted.size()), list,
                recountOf == null ? "null" : "\"" + recountOf + "\"", countTime));
    }

    String manual(int delta, List<String> serials) {
        String list = serials == null ? "null"
                : serials.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(",", "[", "]"));
        return """
                {"location": "%s", "sku": "%s", "quantityDelta": %d, "serials": %s, "reasonCode": "DAMAGED",
                 "note": "dropped"}""".formatted(fixture.location, sku, delta, list);
    }

    /** Every serial of the item and its location (null: outside the plant). */
    Map<String, String> whereAre() {
        Map<String, String> where = new TreeMap<>();
        for (JsonNode s : Api.as(port, "ivan").get().uri("/api/v1/serials?sku=" + sku + "&limit=1000").retrieve()
                .body(JsonNode.class).get("items")) {
            where.put(s.get("serial").asText(), s.get("location").isNull() ? null : s.get("location").asText());
        }
        return where;
    }
}

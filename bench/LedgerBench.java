import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP load for the ledger (run by ledger-bench.sh with the JDK's single-file launcher, no build needed).
 *
 *   java LedgerBench.java transfers <baseUrl> <clients> <seconds>
 *       each client moves 1 EA of its own item back and forth between its stock location and a staging
 *       location (stock never runs out), one fresh Idempotency-Key per request; prints postings/s, p50, p99
 *   java LedgerBench.java reads <baseUrl> <clients> <seconds>      (GET one item: the web layer alone)
 *   java LedgerBench.java batch <baseUrl> <clients> <movements>
 *       loads <movements> RECEIPT movements through POST /movements/batch (1000 per call); prints the time
 */
public class LedgerBench {

    static final String USER = System.getenv().getOrDefault("BENCH_USER", "mes");
    static final String AUTH = "Basic " + Base64.getEncoder().encodeToString((USER + ":demo").getBytes(StandardCharsets.UTF_8));
    /**
     * "wire" (default): one keep-alive socket per client with TCP_NODELAY, each request written in one piece, as
     * pgbench's libpq does. "urlconnection": the JDK's HttpURLConnection, which writes headers and body apart
     * without TCP_NODELAY, so Nagle's algorithm and the server's delayed ACK hold many bodies back (~20 ms at 1
     * client): it measured the client, not the server.
     */
    static final String CLIENT = System.getProperty("client", "wire");
    static final ThreadLocal<Wire> WIRE = new ThreadLocal<>();

    record Slot(String sku, String location, String staging) {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String base = args[1];
        int clients = Integer.parseInt(args[2]);
        long amount = Long.parseLong(args[3]);
        List<Slot> slots = slots(base);
        if (mode.equals("reads")) {
            reads(base, clients, amount);
        } else if (mode.equals("transfers")) {
            transfers(base, clients, amount, slots);
        } else {
            batch(base, clients, amount, slots);
        }
    }

    /** NONE-tracked items with AVAILABLE stock of at least 100 in a STOCK location of P1-WH1, one per client. */
    static List<Slot> slots(String base) throws Exception {
        List<Slot> slots = new ArrayList<>();
        String after = null;
        Pattern row = Pattern.compile("\\{\"sku\":\"([^\"]+)\",\"location\":\"(P1-WH1-[A-Z]-[0-9]+-[0-9]+)\",\"warehouse\":\"P1-WH1\","
                + "\"lot\":null,\"serial\":null,\"status\":\"AVAILABLE\",\"quantity\":([0-9.]+),\"reserved\":0");
        java.util.Set<String> seen = new java.util.HashSet<>();
        do {
            String body = get(base + "/api/v1/stock?warehouse=P1-WH1&status=AVAILABLE&limit=1000" + (after == null ? "" : "&after=" + after));
            Matcher m = row.matcher(body);
            while (m.find()) {
                if (new java.math.BigDecimal(m.group(3)).compareTo(new java.math.BigDecimal(100)) >= 0 && seen.add(m.group(1))) {
                    slots.add(new Slot(m.group(1), m.group(2), "P1-WH1-STG"));
                }
            }
            Matcher next = Pattern.compile("\"next\":\"([^\"]+)\"").matcher(body);
            after = next.find() ? next.group(1) : null;
        } while (after != null);
        if (slots.isEmpty()) {
            throw new IllegalStateException("no stock to move: is the demo plant loaded?");
        }
        return slots;
    }

    static void transfers(String base, int clients, long seconds, List<Slot> slots) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<long[]> latencies = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Slot slot = slots.get(c % slots.size());
            results.add(pool.submit(() -> {
                long[] lat = new long[1 << 20];
                int n = 0;
                boolean out = true;
                while (System.nanoTime() < end && n < lat.length) {
                    String from = out ? slot.location() : slot.staging();
                    String to = out ? slot.staging() : slot.location();
                    String body = "{\"type\":\"TRANSFER\",\"sku\":\"" + slot.sku() + "\",\"quantity\":1,\"uom\":\"EA\","
                            + "\"from\":{\"location\":\"" + from + "\"},\"to\":{\"location\":\"" + to + "\"},\"reference\":\"BENCH\"}";
                    long t0 = System.nanoTime();
                    int status = post(base + "/api/v1/movements", body);
                    long t1 = System.nanoTime();
                    if (status == 201) {
                        lat[n++] = t1 - t0;
                        out = !out;
                    } else {
                        errors.incrementAndGet();
                    }
                }
                return Arrays.copyOf(lat, n);
            }));
        }
        long total = 0;
        for (Future<long[]> f : results) {
            long[] l = f.get();
            latencies.add(l);
            total += l.length;
        }
        pool.shutdown();
        long[] all = new long[(int) total];
        int i = 0;
        for (long[] l : latencies) {
            System.arraycopy(l, 0, all, i, l.length);
            i += l.length;
        }
        Arrays.sort(all);
        double perSecond = total / (double) seconds;
        System.out.printf("RESULT transfers clients=%d postings=%d errors=%d postings_per_s=%.1f p50_ms=%.2f p99_ms=%.2f%n",
                clients, total, errors.get(), perSecond, ms(all, 0.50), ms(all, 0.99));
    }

    /** The HTTP stack without a write: GET one item, to tell the web layer's cost from the posting's. */
    static void reads(String base, int clients, long seconds) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            results.add(pool.submit(() -> {
                long[] lat = new long[1 << 20];
                int n = 0;
                while (System.nanoTime() < end && n < lat.length) {
                    long t0 = System.nanoTime();
                    if (CLIENT.equals("wire")) {
                        if (wire(base).get("/api/v1/items/FAS-00001") != 200) {
                            throw new IllegalStateException("GET failed");
                        }
                    } else {
                        get(base + "/api/v1/items/FAS-00001");
                    }
                    lat[n++] = System.nanoTime() - t0;
                }
                return Arrays.copyOf(lat, n);
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<long[]> f : results) {
            for (long l : f.get()) {
                all.add(l);
            }
        }
        pool.shutdown();
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("RESULT reads clients=%d requests=%d per_s=%.1f p50_ms=%.2f p99_ms=%.2f%n", clients,
                sorted.length, sorted.length / (double) seconds, ms(sorted, 0.5), ms(sorted, 0.99));
    }

    static void batch(String base, int clients, long movements, List<Slot> slots) throws Exception {
        long batches = (movements + 999) / 1000;
        AtomicLong next = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        String batchId = UUID.randomUUID().toString().substring(0, 8);
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            done.add(pool.submit(() -> {
                long b;
                while ((b = next.getAndIncrement()) < batches) {
                    StringBuilder body = new StringBuilder("{\"movements\":[");
                    for (int i = 0; i < 1000; i++) {
                        Slot slot = slots.get((int) ((b * 1000 + i) % slots.size()));
                        if (i > 0) {
                            body.append(',');
                        }
                        body.append("{\"type\":\"RECEIPT\",\"sku\":\"").append(slot.sku())
                                .append("\",\"quantity\":1,\"uom\":\"EA\",\"to\":{\"location\":\"P1-WH1-DOCK\"},\"reference\":\"PO-LOAD-")
                                .append(batchId).append("\"}");
                    }
                    body.append("]}");
                    if (post(base + "/api/v1/movements/batch", body.toString()) != 201) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("RESULT batch clients=%d movements=%d failed_batches=%d seconds=%.1f movements_per_s=%.0f%n",
                clients, batches * 1000, errors.get(), seconds, batches * 1000 / seconds);
    }

    static double ms(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))] / 1e6;
    }

    /**
     * Blocking HTTP/1.1 with keep-alive (HttpURLConnection), like pgbench's blocking libpq: no hand-off to a
     * selector thread per request, which on a loaded machine costs more than the request itself.
     */
    static int post(String url, String body) {
        if (CLIENT.equals("wire")) {
            return wire(url).post(url, body);
        }
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setConnectTimeout(10_000);
            c.setReadTimeout(120_000);
            c.setRequestProperty("Authorization", AUTH);
            c.setRequestProperty("Content-Type", "application/json");
            c.setRequestProperty("Idempotency-Key", UUID.randomUUID().toString());
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            c.setFixedLengthStreamingMode(bytes.length);
            try (OutputStream out = c.getOutputStream()) {
                out.write(bytes);
            }
            int status = c.getResponseCode();
            try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
                if (in != null) {
                    in.readAllBytes();
                }
            }
            return status;
        } catch (Exception e) {
            return -1;
        }
    }

    static Wire wire(String url) {
        Wire w = WIRE.get();
        if (w == null) {
            URI uri = URI.create(url);
            w = new Wire(uri.getHost(), uri.getPort());
            WIRE.set(w);
        }
        return w;
    }

    /** Minimal HTTP/1.1 client: keep-alive, TCP_NODELAY, one write per request, Content-Length responses. */
    static final class Wire {
        final String host;
        final int port;
        java.net.Socket socket;
        java.io.BufferedInputStream in;
        OutputStream out;

        Wire(String host, int port) {
            this.host = host;
            this.port = port;
        }

        int post(String url, String body) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            String path = URI.create(url).getRawPath();
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: " + AUTH
                    + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nIdempotency-Key: "
                    + UUID.randomUUID() + "\r\nContent-Length: " + bytes.length + "\r\n\r\n";
            byte[] h = head.getBytes(StandardCharsets.US_ASCII);
            byte[] request = Arrays.copyOf(h, h.length + bytes.length);
            System.arraycopy(bytes, 0, request, h.length, bytes.length);
            return send(request);
        }

        int get(String path) {
            String head = "GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: " + AUTH
                    + "\r\nAccept: application/json\r\n\r\n";
            return send(head.getBytes(StandardCharsets.US_ASCII));
        }

        int send(byte[] request) {
            try {
                if (socket == null) {
                    socket = new java.net.Socket(host, port);
                    socket.setTcpNoDelay(true);
                    socket.setSoTimeout(120_000);
                    in = new java.io.BufferedInputStream(socket.getInputStream(), 65536);
                    out = socket.getOutputStream();
                }
                out.write(request);
                out.flush();
                String status = line();
                int code = Integer.parseInt(status.substring(9, 12));
                long length = -1;
                boolean close = false;
                boolean chunked = false;
                for (String header = line(); !header.isEmpty(); header = line()) {
                    String lower = header.toLowerCase(java.util.Locale.ROOT);
                    if (lower.startsWith("content-length:")) {
                        length = Long.parseLong(lower.substring(15).trim());
                    } else if (lower.startsWith("connection:") && lower.contains("close")) {
                        close = true;
                    } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                        chunked = true;
                    }
                }
                if (chunked) {
                    for (long size = Long.parseLong(line().trim(), 16); size > 0; size = Long.parseLong(line().trim(), 16)) {
                        in.skipNBytes(size);
                        line();
                    }
                    line();
                } else if (length > 0) {
                    in.skipNBytes(length);
                }
                if (close) {
                    reset();
                }
                return code;
            } catch (Exception e) {
                reset();
                return -1;
            }
        }

        String line() throws java.io.IOException {
            StringBuilder b = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new java.io.EOFException();
                }
                if (c != '\r') {
                    b.append((char) c);
                }
            }
            return b.toString();
        }

        void reset() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (Exception ignored) {
            }
            socket = null;
        }
    }

    static String get(String url) throws Exception {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setRequestProperty("Authorization", AUTH);
        int status = c.getResponseCode();
        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

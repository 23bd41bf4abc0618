import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP load for bench/counts-bench.sh (JDK single-file launcher, no build needed).
 *
 *   java CountsBench.java counts <baseUrl> <clients> <seconds>
 *       POST /api/v1/counts as "mes": each client counts its own (item, location) pair of a C item (not
 *       regulated, no lots, at least 100 on hand, unit cost at most 5), alternately one less than on hand and the
 *       original quantity: every count is a 1-unit variance inside the C tolerance, so AUTO_APPROVE posts an
 *       ADJUSTMENT and the pair swings between on-hand and on-hand - 1 forever. Prints counts/s, p50, p99 and how
 *       many answers were not AUTO_APPROVE.
 *   java CountsBench.java bare <baseUrl> <clients> <seconds>
 *       POST /api/v1/bench/bare?instances=1 as "ada": one bare process instance per request (same HTTP, security
 *       and transaction path as a count, minus the count's work).
 *   java CountsBench.java engine <baseUrl> <threads> <instances>
 *       one POST /api/v1/bench/bare?instances=N&threads=T: the engine alone, started inside the server.
 */
public class CountsBench {

    record Pair(String sku, String location, String uom, BigDecimal onHand) {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String base = args[1];
        int clients = Integer.parseInt(args[2]);
        long amount = Long.parseLong(args[3]);
        switch (mode) {
            case "counts" -> counts(base, clients, amount, pairs(base, clients));
            case "bare" -> bare(base, clients, amount);
            case "engine" -> engine(base, clients, amount);
            default -> throw new IllegalArgumentException("mode: counts, bare or engine");
        }
    }

    static void counts(String base, int clients, long seconds, List<Pair> pairs) throws Exception {
        String auth = auth("mes");
        AtomicLong notAuto = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Pair pair = pairs.get(c);
            results.add(pool.submit(() -> {
                long[] lat = new long[1 << 20];
                int n = 0;
                BigDecimal onHand = pair.onHand();
                boolean down = true;
                while (System.nanoTime() < end && n < lat.length) {
                    BigDecimal counted = down ? onHand.subtract(BigDecimal.ONE) : onHand;
                    String body = "{\"location\":\"" + pair.location() + "\",\"sku\":\"" + pair.sku()
                            + "\",\"lot\":null,\"countedQuantity\":" + counted.toPlainString() + ",\"uom\":\""
                            + pair.uom() + "\"}";
                    long t0 = System.nanoTime();
                    String[] answer = post(base + "/api/v1/counts", auth, body);
                    long t1 = System.nanoTime();
                    if (!"201".equals(answer[0])) {
                        errors.incrementAndGet();
                        continue;
                    }
                    lat[n++] = t1 - t0;
                    if (answer[1].contains("\"outcome\":\"AUTO_APPROVE\"")) {
                        down = !down;
                    } else {
                        // someone else moved the pair: start again from what is there now
                        notAuto.incrementAndGet();
                        onHand = onHand(base, pair.sku(), pair.location());
                        down = true;
                    }
                }
                return Arrays.copyOf(lat, n);
            }));
        }
        long[] all = collect(results);
        pool.shutdown();
        System.out.printf("RESULT counts clients=%d counts=%d not_auto_approved=%d errors=%d counts_per_s=%.1f "
                        + "p50_ms=%.2f p99_ms=%.2f%n", clients, all.length, notAuto.get(), errors.get(),
                all.length / (double) seconds, ms(all, 0.5), ms(all, 0.99));
    }

    static void bare(String base, int clients, long seconds) throws Exception {
        String auth = auth("ada");
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            results.add(pool.submit(() -> {
                long[] lat = new long[1 << 20];
                int n = 0;
                while (System.nanoTime() < end && n < lat.length) {
                    long t0 = System.nanoTime();
                    String[] answer = post(base + "/api/v1/bench/bare?instances=1", auth, "");
                    long t1 = System.nanoTime();
                    if ("200".equals(answer[0])) {
                        lat[n++] = t1 - t0;
                    } else {
                        errors.incrementAndGet();
                        if (errors.get() == 1) {
                            System.err.println("bare: " + answer[0] + " " + answer[1]);
                        }
                    }
                }
                return Arrays.copyOf(lat, n);
            }));
        }
        long[] all = collect(results);
        pool.shutdown();
        System.out.printf("RESULT bare clients=%d instances=%d errors=%d instances_per_s=%.1f p50_ms=%.2f "
                        + "p99_ms=%.2f%n", clients, all.length, errors.get(), all.length / (double) seconds,
                ms(all, 0.5), ms(all, 0.99));
    }

    static void engine(String base, int threads, long instances) throws Exception {
        String[] answer = post(base + "/api/v1/bench/bare?instances=" + instances + "&threads=" + threads,
                auth("ada"), "");
        Matcher m = Pattern.compile("\"instancesPerSecond\":([0-9.E]+).*\"p50Ms\":([0-9.E]+),\"p99Ms\":([0-9.E]+)")
                .matcher(answer[1]);
        if (!"200".equals(answer[0]) || !m.find()) {
            throw new IllegalStateException("engine run failed: " + answer[0] + " " + answer[1]);
        }
        System.out.printf("RESULT engine threads=%d instances=%d instances_per_s=%.1f p50_ms=%.2f p99_ms=%.2f%n",
                threads, instances, Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                Double.parseDouble(m.group(3)));
    }

    /** One pair per client: distinct items, AVAILABLE stock in a STOCK location of P1-WH1. */
    static List<Pair> pairs(String base, int clients) throws Exception {
        String auth = auth("mes");
        Pattern row = Pattern.compile("\\{\"sku\":\"([^\"]+)\",\"location\":\"(P1-WH1-[A-Z]-[0-9]+-[0-9]+)\","
                + "\"warehouse\":\"P1-WH1\",\"lot\":null,\"serial\":null,\"status\":\"AVAILABLE\",\"quantity\":([0-9.]+)");
        List<Pair> pairs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String after = null;
        do {
            String body = get(base + "/api/v1/stock?warehouse=P1-WH1&status=AVAILABLE&limit=1000"
                    + (after == null ? "" : "&after=" + after), auth);
            Matcher m = row.matcher(body);
            while (m.find() && pairs.size() < clients) {
                String sku = m.group(1);
                if (new BigDecimal(m.group(3)).compareTo(BigDecimal.valueOf(100)) < 0 || !seen.add(sku)) {
                    continue;
                }
                String item = get(base + "/api/v1/items/" + sku, auth);
                if (item.contains("\"abcClass\":\"C\"") && item.contains("\"regulated\":false")
                        && item.contains("\"tracking\":\"NONE\"") && cost(item).compareTo(BigDecimal.valueOf(5)) <= 0) {
                    Matcher uom = Pattern.compile("\"baseUom\":\"([^\"]+)\"").matcher(item);
                    uom.find();
                    pairs.add(new Pair(sku, m.group(2), uom.group(1), onHand(base, sku, m.group(2))));
                }
            }
            Matcher next = Pattern.compile("\"next\":\"([^\"]+)\"").matcher(body);
            after = pairs.size() < clients && next.find() ? next.group(1) : null;
        } while (after != null);
        if (pairs.size() < clients) {
            throw new IllegalStateException("only " + pairs.size() + " countable C pairs found: is the demo plant loaded?");
        }
        return pairs;
    }

    static BigDecimal cost(String item) {
        Matcher m = Pattern.compile("\"unitCost\":([0-9.]+)").matcher(item);
        return m.find() ? new BigDecimal(m.group(1)) : BigDecimal.valueOf(Long.MAX_VALUE);
    }

    /** Every status of the pair (what a count compares with). */
    static BigDecimal onHand(String base, String sku, String location) throws Exception {
        String body = get(base + "/api/v1/stock?sku=" + sku + "&location=" + location, auth("mes"));
        Matcher m = Pattern.compile("\"quantity\":([0-9.]+)").matcher(body);
        BigDecimal sum = BigDecimal.ZERO;
        while (m.find()) {
            sum = sum.add(new BigDecimal(m.group(1)));
        }
        return sum;
    }

    static long[] collect(List<Future<long[]>> results) throws Exception {
        List<long[]> parts = new ArrayList<>();
        for (Future<long[]> f : results) {
            parts.add(f.get());
        }
        long[] all = parts.stream().flatMapToLong(Arrays::stream).toArray();
        Arrays.sort(all);
        return all;
    }

    static double ms(long[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN
                : sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))] / 1e6;
    }

    static String auth(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * "wire" (default, as in LedgerBench): one keep-alive socket per client thread with TCP_NODELAY, each request
     * written in one piece. "urlconnection" (-Dclient=urlconnection): the JDK's HttpURLConnection, which writes
     * headers and body separately without TCP_NODELAY, so a count's body (the bare start has none) can wait for
     * the server's delayed ACK — the load generator would then slow the counts, not the server.
     */
    static final String CLIENT = System.getProperty("client", "wire");
    static final ThreadLocal<Wire> WIRE = new ThreadLocal<>();

    /** Blocking HTTP/1.1 with keep-alive; returns {status, body}. */
    static String[] post(String url, String auth, String body) {
        if (CLIENT.equals("wire")) {
            Wire w = WIRE.get();
            if (w == null) {
                URI uri = URI.create(url);
                w = new Wire(uri.getHost(), uri.getPort());
                WIRE.set(w);
            }
            return w.post(url, auth, body);
        }
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setConnectTimeout(10_000);
            c.setReadTimeout(120_000);
            c.setRequestProperty("Authorization", auth);
            c.setRequestProperty("Content-Type", "application/json");
            c.setRequestProperty("Idempotency-Key", UUID.randomUUID().toString());
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            c.setFixedLengthStreamingMode(bytes.length);
            try (OutputStream out = c.getOutputStream()) {
                out.write(bytes);
            }
            int status = c.getResponseCode();
            String answer = "";
            try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
                if (in != null) {
                    answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            return new String[] {String.valueOf(status), answer};
        } catch (Exception e) {
            return new String[] {"-1", String.valueOf(e)};
        }
    }

    /** Minimal HTTP/1.1 client: keep-alive, TCP_NODELAY, one write per request; Content-Length or chunked answers. */
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

        String[] post(String url, String auth, String body) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            URI uri = URI.create(url);
            String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            String head = "POST " + target + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: " + auth
                    + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nIdempotency-Key: "
                    + UUID.randomUUID() + "\r\nContent-Length: " + bytes.length + "\r\n\r\n";
            byte[] h = head.getBytes(StandardCharsets.US_ASCII);
            byte[] request = Arrays.copyOf(h, h.length + bytes.length);
            System.arraycopy(bytes, 0, request, h.length, bytes.length);
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
                java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
                if (chunked) {
                    for (int size = Integer.parseInt(line().trim(), 16); size > 0;
                         size = Integer.parseInt(line().trim(), 16)) {
                        answer.write(in.readNBytes(size));
                        line();
                    }
                    line();
                } else if (length > 0) {
                    answer.write(in.readNBytes((int) length));
                }
                if (close) {
                    reset();
                }
                return new String[] {String.valueOf(code), answer.toString(StandardCharsets.UTF_8)};
            } catch (Exception e) {
                reset();
                return new String[] {"-1", String.valueOf(e)};
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

    static String get(String url, String auth) throws Exception {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setRequestProperty("Authorization", auth);
        int status = c.getResponseCode();
        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

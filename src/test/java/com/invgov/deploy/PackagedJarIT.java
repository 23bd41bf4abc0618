package com.invgov.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged product as a plant's IT team runs it: {@code java -jar target/invgov-*.jar --server.port=P
 * --invgov.data-dir=D} on the embedded default, stopped and started again on the same data directory.
 */
class PackagedJarIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dataDir;

    @Test
    void startsOnTheEmbeddedDefaultStopsCleanlyAndKeepsItsDataAcrossARestart() throws Exception {
        Path jar = Path.of(System.getProperty("invgov.jar", "target/invgov-0.1.0-SNAPSHOT.jar"));
        assertThat(jar).exists();

        Path firstLog = dataDir.resolveSibling(dataDir.getFileName() + "-first.log");
        long firstStart = runAndStop(jar, firstLog, port -> {
            assertThat(get(port, "/api/v1/system", "ada").statusCode()).isEqualTo(200);
            assertThat(get(port, "/login", null).body()).containsIgnoringCase("<html");
        });
        String first = Files.readString(firstLog);
        assertThat(first).contains("Seeded 13 demo users").contains("DEMO USERS ARE ACTIVE");
        assertInOrder(first, "Process Engine default closed", "invgov-embedded - Shutdown completed",
                "Stopping the embedded PostgreSQL", "server stopped");

        Path secondLog = dataDir.resolveSibling(dataDir.getFileName() + "-second.log");
        long secondStart = runAndStop(jar, secondLog, port -> {
            HttpResponse<String> system = get(port, "/api/v1/system", "olga");
            assertThat(system.statusCode()).as("the demo users written by the first run are still there").isEqualTo(200);
            assertThat(system.body()).contains("\"EMBEDDED\"");
        });
        String second = Files.readString(secondLog);
        assertThat(second).doesNotContain("Seeded 13 demo users").contains("(existing)");
        assertThat(second).doesNotContain("not properly shut down").doesNotContain("automatic recovery");
        System.out.printf("packaged jar start-up until healthy: fresh data directory %d ms, existing %d ms%n",
                firstStart, secondStart);
    }

    interface Checks {
        void run(int port) throws Exception;
    }

    /** Starts the jar, waits until healthy, runs the checks, stops it with SIGTERM; returns the start-up time. */
    private long runAndStop(Path jar, Path log, Checks checks) throws Exception {
        int port = freePort();
        long started = System.nanoTime();
        Process app = new ProcessBuilder(javaBinary(), "-Xmx768m", "-jar", jar.toString(), "--server.port=" + port,
                "--invgov.data-dir=" + dataDir)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            long healthyAfter = waitUntilHealthy(app, port, log) - started;
            checks.run(port);
            return TimeUnit.NANOSECONDS.toMillis(healthyAfter);
        } finally {
            app.destroy();
            if (!app.waitFor(60, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    private static long waitUntilHealthy(Process app, int port, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new AssertionError("the application exited with " + app.exitValue() + ":\n" + tail(log));
            }
            try {
                HttpResponse<String> health = get(port, "/actuator/health", null);
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return System.nanoTime();
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new AssertionError("not healthy within 180 s:\n" + tail(log));
    }

    private static HttpResponse<String> get(int port, String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertInOrder(String text, String... markers) {
        int at = -1;
        for (String marker : markers) {
            int next = text.indexOf(marker, at + 1);
            assertThat(next).as("'%s' after the previous shut-down step", marker).isGreaterThan(at);
            at = next;
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}

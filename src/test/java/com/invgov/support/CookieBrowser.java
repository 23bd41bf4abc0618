package com.invgov.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The HTTP side of a browser, enough for sign-in flows: keeps cookies, does not follow redirects by itself (a
 * test follows them hop by hop), resolves relative {@code Location}s.
 */
public final class CookieBrowser {

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new LocalhostIsSecure(new CookieManager(null, CookiePolicy.ACCEPT_ALL)))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build());
    }

    public HttpResponse<String> postForm(String url, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> postJson(String url, String json) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** The absolute target of a redirect response. */
    public static String location(HttpResponse<?> response) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("no redirect: " + response.statusCode() + " from "
                        + response.uri()));
        return response.uri().resolve(location).toString();
    }

    /**
     * Browsers treat http://localhost as a secure context and send it {@code Secure} cookies (Keycloak marks its
     * login session cookies so); {@link CookieManager} does not, so the flag is dropped for localhost.
     */
    private static final class LocalhostIsSecure extends CookieHandler {

        private static final Pattern SECURE = Pattern.compile(";\\s*Secure\\s*(?=;|$)", Pattern.CASE_INSENSITIVE);
        private final CookieHandler delegate;

        LocalhostIsSecure(CookieHandler delegate) {
            this.delegate = delegate;
        }

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
            return delegate.get(uri, requestHeaders);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
            if (!"localhost".equals(uri.getHost())) {
                delegate.put(uri, responseHeaders);
                return;
            }
            Map<String, List<String>> headers = new HashMap<>();
            responseHeaders.forEach((name, values) -> headers.put(name, name != null && name.toLowerCase(Locale.ROOT)
                    .startsWith("set-cookie")
                    ? values.stream().map(v -> SECURE.matcher(v).replaceAll("")).toList()
                    : values));
            delegate.put(uri, headers);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package com.invgov.api.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.invgov.api.FieldProblem;
import com.invgov.api.ProblemType;
import com.invgov.api.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

/**
 * Refuses an API request with the NUL character in a query parameter, the path or a header before anything runs:
 * PostgreSQL cannot store or compare text with NUL, so the request would fail in the database (DESIGN §6: bad
 * input is a 400 {@code validation}, not a 409 or 500). JSON bodies are held to the same by
 * {@link InputValueModule}. A query parameter Tomcat cannot decode (and would silently drop) is refused likewise.
 */
class NulCharacterFilter extends OncePerRequestFilter {

    private static final String REASON = "must not contain the NUL character (%00)";
    private static final String MALFORMED = "is not correctly percent-encoded (a '%' takes two hex digits of UTF-8)";
    /** org.apache.catalina.Globals.PARAMETER_PARSE_FAILED_ATTR (no Tomcat import for one constant). */
    static final String PARAMETER_PARSE_FAILED = "org.apache.catalina.parameter_parse_failed";

    private final ObjectMapper json;

    NulCharacterFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String field = offending(request);
        if (field != null) {
            refuse(request, response, field, REASON);
            return;
        }
        String malformed = malformedParameter(request);
        if (malformed != null) {
            refuse(request, response, malformed, MALFORMED);
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String field, String reason)
            throws IOException {
        ProblemDetail problem = ProblemResponses.problem(ProblemType.VALIDATION, HttpStatus.BAD_REQUEST,
                field + " " + reason + ".", List.of(new FieldProblem(field, reason)), request);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(Problems.PROBLEM_JSON.toString());
        json.writeValue(response.getOutputStream(), problem);
    }

    /**
     * The query parameter that cannot be decoded (a '%' not followed by two hex digits, bytes that are not UTF-8),
     * "query" when it cannot be told which, or null. Tomcat drops a malformed parameter with a log line and marks
     * the request (what its FailedRequestFilter looks at): the call would run without the filter the client asked
     * for. Bytes that are not UTF-8 it reads as U+FFFD: a filter on a value the client never sent.
     */
    static String malformedParameter(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            if (strictlyDecoded(pair) == null) {
                String decodedName = strictlyDecoded(name);
                return decodedName == null || decodedName.isEmpty() ? "query" : decodedName;
            }
        }
        request.getParameterNames(); // parses them, in case Tomcat finds more than this (too many parameters)
        return request.getAttribute(PARAMETER_PARSE_FAILED) == null ? null : "query";
    }

    /** UTF-8 percent-decoding that refuses what is malformed instead of guessing; null when it is. */
    private static String strictlyDecoded(String raw) {
        try {
            byte[] bytes = UriUtils.decode(raw.replace('+', ' '), StandardCharsets.ISO_8859_1)
                    .getBytes(StandardCharsets.ISO_8859_1);
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException malformed) {
            return null;
        }
    }

    /** The name of the first parameter or header holding NUL, "path" for the path, or null. */
    static String offending(HttpServletRequest request) {
        if (hasNul(request.getRequestURI())) {
            return "path";
        }
        String query = request.getQueryString();
        if (query != null && hasNul(query)) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                if (hasNul(pair)) {
                    return hasNul(name) ? "query" : decode(name);
                }
            }
            return "query";
        }
        for (String header : Collections.list(request.getHeaderNames())) {
            for (String value : Collections.list(request.getHeaders(header))) {
                if (value != null && value.indexOf('\u0000') >= 0) {
                    return header;
                }
            }
        }
        return null;
    }

    /** Raw (percent-encoded) text with NUL, encoded or not. */
    private static boolean hasNul(String raw) {
        if (raw.indexOf('\u0000') >= 0) {
            return true;
        }
        try {
            return UriUtils.decode(raw, StandardCharsets.UTF_8).indexOf('\u0000') >= 0;
        } catch (IllegalArgumentException malformed) {
            return raw.contains("%00");
        }
    }

    private static String decode(String raw) {
        try {
            return UriUtils.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return raw;
        }
    }
}

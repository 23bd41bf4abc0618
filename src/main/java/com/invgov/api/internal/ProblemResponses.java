package com.invgov.api.internal;

import com.invgov.api.ApiProblem;
import com.invgov.api.FieldProblem;
import com.invgov.api.ProblemType;
import com.invgov.api.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** Turns refusals into problem-details responses: the one place the document's shape is decided. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static ProblemDetail problem(ApiProblem e, HttpServletRequest request) {
        ProblemDetail problem = problem(e.type(), e.status(), e.getMessage(), e.errors(), request);
        for (Map.Entry<String, Object> property : e.properties().entrySet()) {
            problem.setProperty(property.getKey(), property.getValue());
        }
        return problem;
    }

    public static ProblemDetail problem(ProblemType type, HttpStatusCode status, String detail,
                                        List<FieldProblem> errors, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        if (request != null) {
            problem.setInstance(URI.create(request.getRequestURI()));
        }
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    public static ResponseEntity<Object> response(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(Problems.PROBLEM_JSON).body(problem);
    }

    /** The stable type for a status Spring MVC chose (unsupported media type, not found, ...). */
    public static ProblemType typeOf(HttpStatusCode status) {
        return switch (status.value()) {
            case 401 -> ProblemType.UNAUTHORIZED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 409 -> ProblemType.CONFLICT;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            default -> ProblemType.VALIDATION;
        };
    }
}

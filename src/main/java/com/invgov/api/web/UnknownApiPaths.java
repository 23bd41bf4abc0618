package com.invgov.api.web;

import com.invgov.api.ProblemType;
import com.invgov.api.Problems;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * Answers API paths no controller maps with a 404 problem. Without it they would fall through to the console's
 * servlet, which answers every path with its bootstrap page.
 */
@RestController
@Hidden
class UnknownApiPaths {

    @RequestMapping("/api/**")
    ResponseEntity<ProblemDetail> unknown(HttpServletRequest request) {
        ProblemDetail problem = Problems.of(ProblemType.NOT_FOUND, "No API resource at " + request.getRequestURI());
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(problem.getStatus()).contentType(Problems.PROBLEM_JSON).body(problem);
    }
}

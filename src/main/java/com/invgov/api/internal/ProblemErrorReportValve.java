package com.invgov.api.internal;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.invgov.api.ProblemType;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.io.Writer;

/**
 * Tomcat's own error page, for requests Tomcat refuses before any filter or controller runs (an encoded NUL or
 * slash in the path, {@code /api/v1/items/%00}): under /api the answer is problem details like every other API
 * error, elsewhere Tomcat's page as before (without report or server info, as Spring Boot sets it).
 */
class ProblemErrorReportValve extends ErrorReportValve {

    ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        String uri = request.getRequestURI();
        if (uri == null || !uri.startsWith("/api/")) {
            super.report(request, response, throwable);
            return;
        }
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        ProblemType type = ProblemResponses.typeOf(org.springframework.http.HttpStatusCode.valueOf(status));
        String detail = status == 400 ? "The request's path or headers are not valid (an encoded NUL or slash in the "
                + "path is refused)." : known == null ? "Request refused." : known.getReasonPhrase() + ".";
        String json = "{\"type\":" + quote(type.uri().toString()) + ",\"title\":" + quote(type.title())
                + ",\"status\":" + status + ",\"detail\":" + quote(detail) + ",\"instance\":" + quote(uri) + "}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot be written; nothing more to do
        }
    }

    static String quote(String text) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + '"';
    }

    /**
     * Puts this valve in the host's pipeline in place of Tomcat's (which Spring Boot adds as a configured instance);
     * ordered last so Spring Boot's customizer has run first.
     */
    static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Container host = context.getParent();
                if (host == null) {
                    return;
                }
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new ProblemErrorReportValve());
                if (host instanceof org.apache.catalina.core.StandardHost standard) {
                    standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}

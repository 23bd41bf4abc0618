package com.invgov.bench;

import com.invgov.support.Api;
import com.invgov.support.IntegrationTest;
import com.invgov.workflow.ProcessCatalog;
import com.invgov.workflow.ServiceStep;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Without invgov.bench.enabled the product has no bench step, no bench process and no bench endpoint. */
@IntegrationTest
class BenchOffByDefaultTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    ProcessCatalog processes;

    @Test
    void nothingOfTheBenchmarkIsReachable() {
        assertThat(context.getBeansOfType(ServiceStep.class)).doesNotContainKey("benchNoop");
        assertThat(processes.latest()).noneMatch(p -> p.key().equals(BenchSteps.BARE_PROCESS));
        int status = Api.as(port, "ada").post().uri("/api/v1/bench/bare?instances=1").retrieve().toBodilessEntity()
                .getStatusCode().value();
        assertThat(status).isEqualTo(404);
    }
}

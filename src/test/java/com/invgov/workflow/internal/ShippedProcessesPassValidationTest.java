package com.invgov.workflow.internal;

import com.invgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upload rules are not stricter than the product itself: every process shipped in {@code processes/} would be
 * accepted as an upload, so a plant can take one, change it in the modeler and upload it as a new version.
 */
@IntegrationTest
class ShippedProcessesPassValidationTest {

    @Autowired
    BpmnValidator validator;

    @Test
    void everyShippedProcessPassesTheUploadRules() throws Exception {
        Resource[] shipped = new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn");
        assertThat(shipped).hasSizeGreaterThanOrEqualTo(4);
        for (Resource resource : shipped) {
            String bpmn = resource.getContentAsString(StandardCharsets.UTF_8);
            assertThat(validator.problems(bpmn)).as(resource.getFilename()).isEmpty();
        }
    }
}

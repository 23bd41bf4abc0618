package com.invgov.workflow.ui;

import com.invgov.support.ConsoleSession;
import com.invgov.support.IntegrationTest;
import com.invgov.workflow.ProcessCatalog;
import com.invgov.workflow.ProcessDraft;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.GridKt._fetch;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The Processes admin view without a browser: save a draft, see it refused or saved, publish it as the other ADMIN. */
@IntegrationTest
class ProcessesViewTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    ProcessCatalog catalog;
    @Autowired
    com.invgov.workflow.ProcessDrafts drafts;

    @AfterEach
    void signOut() {
        ConsoleSession.close();
    }

    private static String bpmn(String key, String task) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                                  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
                  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="1">
                    <bpmn:startEvent id="start"/>
                    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work"/>
                    %s
                    <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="end"/>
                    <bpmn:endEvent id="end"/>
                  </bpmn:process>
                </bpmn:definitions>""".formatted(key, task);
    }

    private static <T extends com.vaadin.flow.component.Component> T byId(Class<T> type, String id) {
        return _get(type, spec -> spec.withId(id));
    }

    private void open(String user, String role) {
        ConsoleSession.signIn(context, user, role);
        UI.getCurrent().navigate(ProcessesView.class);
    }

    @SuppressWarnings("unchecked")
    private static ProcessDraft select(String key) {
        Grid<ProcessDraft> grid = byId(Grid.class, "process-drafts");
        ProcessDraft draft = _fetch(grid, 0, 200).stream().filter(d -> d.processKey().equals(key)).findFirst()
                .orElseThrow();
        grid.select(draft);
        return draft;
    }

    @Test
    void anAdminSavesADraftAnotherAdminPublishesItAndARefusedBpmnListsItsProblems() {
        String key = "test-proc-" + UUID.randomUUID();
        open("ada", "ADMIN");

        byId(TextArea.class, "draft-bpmn").setValue(bpmn(key,
                "<bpmn:scriptTask id=\"work\" scriptFormat=\"groovy\"><bpmn:script>1</bpmn:script></bpmn:scriptTask>"));
        byId(Button.class, "draft-save").click();
        assertThat(byId(Span.class, "process-message").getText()).startsWith("The BPMN is refused");
        assertThat(_find(ListItem.class)).extracting(ListItem::getText)
                .anySatisfy(t -> assertThat(t).contains("work: script tasks are not allowed"));

        byId(TextArea.class, "draft-bpmn").setValue(bpmn(key,
                "<bpmn:userTask id=\"work\" camunda:candidateGroups=\"OPERATOR\"/>"));
        byId(TextField.class, "draft-comment").setValue("from the console");
        byId(Button.class, "draft-save").click();
        assertThat(byId(Span.class, "process-message").getText()).startsWith("Saved draft ");
        select(key);
        assertThat(byId(com.vaadin.flow.component.html.Pre.class, "draft-xml").getText()).contains(key);
        byId(Button.class, "draft-publish").click();
        assertThat(byId(Span.class, "process-message").getText()).contains("a second ADMIN must publish it");
        ConsoleSession.close();

        open("alan", "ADMIN");
        select(key);
        byId(Button.class, "draft-publish").click();
        assertThat(byId(Span.class, "process-message").getText()).isEqualTo("Published '" + key
                + "' as version 1: new instances start on it.");
        assertThat(catalog.latest()).anySatisfy(d -> assertThat(d.key()).isEqualTo(key));
    }

    @Test
    void anAuditorReadsADraftButHasNoFormAndNoPublishButton() {
        String key = "test-proc-" + UUID.randomUUID();
        open("ada", "ADMIN");
        drafts.create(bpmn(key, "<bpmn:userTask id=\"work\" camunda:candidateGroups=\"OPERATOR\"/>"), null);
        ConsoleSession.close();

        open("audrey", "AUDITOR");

        assertThat(_find(TextArea.class, spec -> spec.withId("draft-bpmn"))).isEmpty();
        select(key);
        assertThat(byId(com.vaadin.flow.component.html.Pre.class, "draft-xml").getText()).contains(key);
        assertThat(_find(Button.class, spec -> spec.withId("draft-publish"))).isEmpty();
    }
}

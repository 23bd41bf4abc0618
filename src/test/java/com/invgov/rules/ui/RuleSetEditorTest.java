package com.invgov.rules.ui;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.invgov.rules.RuleSetVersion;
import com.invgov.rules.RuleSetVersions;
import com.invgov.rules.VersionStatus;
import com.invgov.support.IntegrationTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The low-code tolerance-matrix editor and the DRL editor, driven as an ADMIN would, without a browser. */
@IntegrationTest
class RuleSetEditorTest {

    @Autowired
    RuleSetVersions versions;

    private RuleSetEditor editor;

    @BeforeEach
    void signInAsAdmin() {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("ada", "n/a",
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        MockVaadin.setup();
        editor = new RuleSetEditor("adjustment-tolerance", versions, true);
        UI.getCurrent().add(editor);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    private static <T extends com.vaadin.flow.component.Component> T byId(Class<T> type, String id) {
        return LocatorJ._get(type, spec -> spec.withId(id));
    }

    @Test
    void aNegativeCellIsMarkedAndAValidTableIsSavedAsADraft() {
        BigDecimalField aPercent = byId(BigDecimalField.class, "cell-rows-0-maxDiffPercent");
        assertThat(aPercent.getValue()).isNotNull();

        aPercent.setValue(new BigDecimal("-1"));
        byId(Button.class, "table-save").click();
        assertThat(aPercent.isInvalid()).isTrue();
        assertThat(aPercent.getErrorMessage()).isEqualTo("must be 0 or more, is -1");
        assertThat(byId(Span.class, "ruleset-message").getText()).contains("invalid");

        aPercent.setValue(new BigDecimal("2.5"));
        byId(TextField.class, "table-comment").setValue("A items: 2.5 %");
        byId(Button.class, "table-save").click();
        assertThat(aPercent.isInvalid()).isFalse();
        String message = byId(Span.class, "ruleset-message").getText();
        assertThat(message).startsWith("Saved version ").endsWith(" as a draft.");
        int saved = Integer.parseInt(message.replaceAll("\\D", ""));
        RuleSetVersion draft = versions.version("adjustment-tolerance", saved);
        assertThat(draft.status()).isEqualTo(VersionStatus.DRAFT);
        assertThat(draft.author()).isEqualTo("ada");
        assertThat(draft.comment()).isEqualTo("A items: 2.5 %");
        assertThat(draft.drl()).contains("diffPct <= 2.5B");
    }

    @Test
    void unsafeDrlIsMarkedInTheGutterWithItsLine() {
        String drl = editor.drl().getValue();
        assertThat(drl).contains("rule \"1 no variance\"");
        String evil = drl.replace("insert(AdjustmentToleranceDecision.of(AdjustmentOutcome.NO_VARIANCE));",
                "System.exit(0);");
        int line = evil.substring(0, evil.indexOf("System.exit")).split("\n", -1).length;
        editor.drl().setValue(evil);
        byId(Button.class, "drl-validate").click();
        assertThat(editor.drl().errorLines()).contains(line);
        assertThat(byId(UnorderedList.class, "drl-errors").getElement().getTextRecursively())
                .contains("line " + line).contains("System");
        assertThat(byId(Span.class, "ruleset-message").getText()).startsWith("The DRL is refused");
    }
}

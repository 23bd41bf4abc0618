package com.invgov.receiving.ui;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.invgov.support.IntegrationTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The dock's receipt form in a browserless Vaadin session: a bad scan names the wrong part, a good one posts. */
@IntegrationTest
class ReceivingViewTest {

    static Routes routes;

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void discoverRoutes() {
        routes = new Routes().autoDiscoverViews("com.invgov");
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    @Test
    void aBadScanNamesTheWrongPartAndAGoodReceiptPosts() {
        String po = "PO-UI-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                INSERT INTO expected_receipt (po, line, supplier, sku, quantity, uom, due_date, warehouse)
                VALUES (?, 1, 'S002', 'CAB-00003', 2, 'REEL', ?, 'P1-WH1')""").params(po, LocalDate.now()).update();
        signIn("olga", "OPERATOR");
        UI.getCurrent().navigate(ReceivingView.class);
        ReceivingView view = _get(ReceivingView.class);
        view.po.setValue(po);
        view.line.setValue(1);
        view.uom.setValue("REEL");
        view.quantity.setValue(new BigDecimal("2"));
        view.scan.setValue("(01)09501101020918(10)UI1");
        view.receive();
        assertThat(view.result.getText()).contains("check digit");
        assertThat(jdbc.sql("SELECT count(*) FROM receipt WHERE po = ?").param(po).query(Integer.class).single())
                .isZero();

        view.scan.setValue("(01)09501101020917(10)UI1");
        view.receive();
        assertThat(view.result.getText()).contains("1000 M of CAB-00003 lot UI1 at P1-WH1-DOCK");
        assertThat(jdbc.sql("SELECT count(*) FROM receipt WHERE po = ?").param(po).query(Integer.class).single())
                .isEqualTo(1);
    }

    void signIn(String username, String... roles) {
        List<SimpleGrantedAuthority> authorities = java.util.Arrays.stream(roles)
                .map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
        var principal = User.withUsername(username).password("x").authorities(authorities).build();
        var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
        SecurityContextHolder.getContext().setAuthentication(authentication);
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(routes, context, uiFactory));
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        Set<String> granted = Set.of(roles);
        request.setUserInRole((p, role) -> granted.contains(role));
    }
}

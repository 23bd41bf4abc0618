package com.invgov.security.web;

import com.invgov.api.Cursor;
import com.invgov.api.FieldProblem;
import com.invgov.api.Idempotency;
import com.invgov.api.Page;
import com.invgov.api.ValidationFailed;
import com.invgov.security.Role;
import com.invgov.security.UserAccount;
import com.invgov.security.Users;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** {@code /api/v1/users}: local users and their roles (DESIGN §7 "manage users (local mode)"). */
@RestController
@RequestMapping(path = "/api/v1/users", produces = MediaType.APPLICATION_JSON_VALUE)
class UserController {

    private final Users users;

    UserController(Users users) {
        this.users = users;
    }

    /**
     * What an ADMIN sends: the roles by name, the site, enabled (left out: kept; a new user is enabled), a password
     * (left out: kept; a new user needs one).
     */
    record UserRequest(List<String> roles, String site, Boolean enabled, String password) {
    }

    @GetMapping
    @Operation(summary = "Local users by name, with roles, site and enabled; never a password (ADMIN, AUDITOR). Empty "
            + "in keycloak mode, where Keycloak keeps the users. Cursor pagination ?after=&limit= (max 1000)")
    Page<UserAccount> users(@RequestParam(required = false) String after,
                            @RequestParam(required = false) Integer limit) {
        return users.users(after, Cursor.limit(limit));
    }

    @GetMapping("/{username}")
    @Operation(summary = "One local user (ADMIN, AUDITOR; anyone their own)")
    UserAccount user(@PathVariable String username) {
        return users.user(username);
    }

    @PutMapping(path = "/{username}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create or replace a local user (ADMIN): roles (at least one), site, enabled and password "
            + "(each left out: kept; a new user is enabled and needs a password of at least 12 characters). 201 "
            + "when new, 200 when replaced. An ADMIN cannot disable themselves or drop their own ADMIN role, and one enabled ADMIN "
            + "remains (409). A disabled user, or one whose password or roles changed, is signed out of the console. "
            + "409 in keycloak mode. Idempotent by itself: an Idempotency-Key is taken but the request, which may "
            + "carry a password, is not stored")
    ResponseEntity<UserAccount> put(@PathVariable String username, @RequestBody UserRequest body,
                                    @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        Users.Saved saved = users.save(username, new Users.Change(roles(body.roles()), body.site(),
                body.enabled(), body.password()));
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(saved.created() ? java.net.URI.create("/api/v1/users/" + saved.account().username()) : null)
                .body(saved.account());
    }

    private static Set<Role> roles(List<String> names) {
        if (names == null) {
            return Set.of();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            Role.parse(name == null ? "" : name).ifPresentOrElse(roles::add, () -> unknown.add(name));
        }
        if (!unknown.isEmpty()) {
            throw new ValidationFailed("Unknown roles.", List.of(new FieldProblem("roles",
                    "unknown " + unknown + ": one of " + List.of(Role.values()))));
        }
        return roles;
    }
}

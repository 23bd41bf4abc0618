package com.invgov.security.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.invgov.api.ProblemType;
import com.invgov.api.Problems;
import com.invgov.security.ConsoleSignIn;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keycloak mode (DESIGN §7): the console signs in through OIDC (authorization code with PKCE) and the API accepts
 * Keycloak's JWT access tokens and nothing else. Both map realm roles with {@link KeycloakRoles} and name the user
 * by {@code preferred_username}. The endpoints follow Keycloak's layout below the realm URL, so nothing is fetched
 * at start-up: the application starts while Keycloak is still coming up.
 */
@Configuration(proxyBeanMethods = false)
@SecurityModes.Keycloak
@EnableConfigurationProperties(KeycloakProperties.class)
class KeycloakSecurityConfiguration {

    static final String LOGIN_PAGE = "/oauth2/authorization/" + KeycloakProperties.REGISTRATION_ID;

    @Bean
    JwtDecoder keycloakJwtDecoder(KeycloakProperties keycloak, Clock clock) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder
                .withJwkSetUri(KeycloakProperties.endpoint(keycloak.backChannel(), "certs"))
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(keycloak.clockSkew());
        timestamps.setClock(clock);
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>(List.of(timestamps,
                new JwtIssuerValidator(keycloak.issuer())));
        if (keycloak.audience() != null && !keycloak.audience().isBlank()) {
            validators.add(audience(keycloak.audience()));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }

    private static OAuth2TokenValidator<Jwt> audience(String audience) {
        OAuth2Error error = new OAuth2Error("invalid_token", "The token is not meant for " + audience
                + " (aud)", null);
        return jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(error);
    }

    /** An access token becomes an authentication named by {@code preferred_username} with our roles. */
    @Bean
    Converter<Jwt, AbstractAuthenticationToken> keycloakJwtAuthentication() {
        return jwt -> new JwtAuthenticationToken(jwt, KeycloakRoles.authorities(jwt.getClaims()),
                KeycloakRoles.username(jwt.getClaims()).orElse(null));
    }

    @Bean
    ApiSignIn bearerApiSignIn(JwtDecoder decoder, Converter<Jwt, AbstractAuthenticationToken> authentication,
                              KeycloakProperties keycloak, ObjectMapper json) {
        BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
        challenge.setRealmName("invgov");
        AuthenticationEntryPoint entryPoint = (request, response, e) -> {
            challenge.commence(request, response, e);
            String detail = e instanceof OAuth2AuthenticationException refused
                    && refused.getError().getDescription() != null
                    ? "The bearer token was refused: " + refused.getError().getDescription()
                    : "Send a bearer access token of the Keycloak realm " + keycloak.issuer() + " to use the API.";
            Problems.write(json, request, response, ProblemType.UNAUTHORIZED, detail);
        };
        return http -> http
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(authentication))
                        .authenticationEntryPoint(entryPoint))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint));
    }

    @Bean
    ClientRegistrationRepository keycloakClientRegistrations(KeycloakProperties keycloak) {
        String issuer = keycloak.issuer();
        String backChannel = keycloak.backChannel();
        boolean publicClient = keycloak.consoleClientSecret() == null || keycloak.consoleClientSecret().isBlank();
        ClientRegistration console = ClientRegistration.withRegistrationId(KeycloakProperties.REGISTRATION_ID)
                .clientName("Keycloak")
                .clientId(keycloak.consoleClientId())
                .clientSecret(publicClient ? null : keycloak.consoleClientSecret())
                // a public client: Spring Security adds PKCE (S256) to the authorization code flow
                .clientAuthenticationMethod(publicClient ? ClientAuthenticationMethod.NONE
                        : ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .issuerUri(issuer)
                .authorizationUri(KeycloakProperties.endpoint(issuer, "auth"))
                .tokenUri(KeycloakProperties.endpoint(backChannel, "token"))
                .jwkSetUri(KeycloakProperties.endpoint(backChannel, "certs"))
                .userInfoUri(KeycloakProperties.endpoint(backChannel, "userinfo"))
                .userNameAttributeName(KeycloakRoles.USERNAME_CLAIM)
                // OidcClientInitiatedLogoutSuccessHandler ends the Keycloak session here
                .providerConfigurationMetadata(Map.of("end_session_endpoint",
                        KeycloakProperties.endpoint(issuer, "logout")))
                .build();
        return new InMemoryClientRegistrationRepository(console);
    }

    /**
     * The console's user: roles from the access token (Keycloak puts {@code realm_access} there, not in the ID
     * token), checked by the same decoder as the API's tokens. A user with none of our roles is refused here, so
     * they see {@link ConsoleSignInFailure}'s access-denied page instead of an empty console.
     */
    @Bean
    OAuth2UserService<OidcUserRequest, OidcUser> keycloakOidcUsers(JwtDecoder decoder) {
        OidcUserService standard = new OidcUserService();
        return request -> {
            OidcUser user = standard.loadUser(request);
            Jwt accessToken = decoder.decode(request.getAccessToken().getTokenValue());
            Set<GrantedAuthority> authorities = new HashSet<>(KeycloakRoles.authorities(accessToken.getClaims()));
            authorities.addAll(KeycloakRoles.authorities(user.getClaims()));
            if (authorities.isEmpty()) {
                throw new OAuth2AuthenticationException(new OAuth2Error(ConsoleSignInFailure.NO_ROLE,
                        KeycloakRoles.username(user.getClaims()).orElse("this account") + " has no invgov role",
                        null));
            }
            return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), KeycloakRoles.USERNAME_CLAIM);
        };
    }

    @Bean
    ConsoleSignIn oidcConsoleSignIn(OAuth2UserService<OidcUserRequest, OidcUser> users, KeycloakProperties keycloak) {
        ConsoleSignInFailure failure = new ConsoleSignInFailure(keycloak);
        return new ConsoleSignIn() {
            @Override
            public Optional<String> externalLoginPage() {
                return Optional.of(LOGIN_PAGE);
            }

            @Override
            public void configure(HttpSecurity http) throws Exception {
                http.oauth2Login(login -> login
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(users))
                        .failureHandler(failure));
            }
        };
    }
}

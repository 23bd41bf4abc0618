package com.invgov.security.internal;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Local mode: checks username and password against the local users (BCrypt), and remembers a successful
 * check for {@link #TTL}. HTTP Basic sends the password with every request, and a BCrypt check costs
 * 50–100 ms of CPU — more than posting a movement. The cache key is the username plus the SHA-256 of the
 * password (the password itself is never kept); any failed sign-in of a user forgets all of that user's
 * entries, and {@link SignInThrottle} refuses a user's further guesses from an address for a while. A change an ADMIN
 * makes forgets the user's entries on the node that made it; other nodes follow within {@link #TTL}.
 */
@Component
@SecurityModes.Local
class CachedPasswordCheck implements AuthenticationProvider {

    static final Duration TTL = Duration.ofMinutes(3);
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(Authentication authentication, long expiresAt) {
    }

    private final DaoAuthenticationProvider delegate;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    private final SignInThrottle throttle;

    CachedPasswordCheck(LocalUsers users, PasswordEncoder passwords, SignInThrottle throttle) {
        this.delegate = new DaoAuthenticationProvider(passwords);
        this.delegate.setUserDetailsService(users);
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (username == null || credentials == null) {
            return delegate.authenticate(authentication);
        }
        // before the remembered checks: a sign-in the user made from elsewhere must not let a guesser here go on
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web
                && web.getRemoteAddress() != null ? web.getRemoteAddress() : "";
        throttle.check(username, address);
        String key = username + "\u0000" + sha256(credentials.toString());
        long now = System.nanoTime();
        Entry entry = cache.get(key);
        if (entry != null && entry.expiresAt() - now > 0) {
            throttle.succeeded(username, address);
            return entry.authentication();
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            throttle.succeeded(username, address);
            Authentication kept = UsernamePasswordAuthenticationToken.authenticated(result.getPrincipal(), null,
                    result.getAuthorities());
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
            cache.put(key, new Entry(kept, now + TTL.toNanos()));
            return kept;
        } catch (AuthenticationException e) {
            forget(username);
            throttle.failed(username, address);
            throw e;
        }
    }

    /** Forgets every remembered check of a user (failed sign-in, password or role change). */
    void forget(String username) {
        cache.keySet().removeIf(k -> k.startsWith(username + "\u0000"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

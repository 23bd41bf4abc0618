package com.invgov.security.internal;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * The API's authentication mechanism in the active mode (HTTP Basic or JWT bearer tokens), including the 401
 * problem details it answers with when a request carries no valid credentials.
 */
interface ApiSignIn {

    void configure(HttpSecurity http) throws Exception;
}

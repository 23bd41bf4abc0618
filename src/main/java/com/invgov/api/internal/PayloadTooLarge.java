package com.invgov.api.internal;

import java.io.IOException;

/** Thrown while reading a body that passes the limit; it surfaces as 413 wherever the reader wraps it. */
class PayloadTooLarge extends IOException {
    PayloadTooLarge(long limit) {
        super("request body larger than " + limit + " bytes");
    }
}

package com.invgov.api.internal;

import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.format.support.DefaultFormattingConversionService;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Request parameters and path variables of a date or time type: parsed as Spring MVC would ({@code @DateTimeFormat}
 * respected), then held to {@link StorableTime}. Registered last, so Spring MVC asks it first for these types.
 */
final class TimeParameters implements GenericConverter {

    private final DefaultFormattingConversionService parser = new DefaultFormattingConversionService();

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Set.of(new ConvertiblePair(String.class, Instant.class),
                new ConvertiblePair(String.class, OffsetDateTime.class),
                new ConvertiblePair(String.class, ZonedDateTime.class),
                new ConvertiblePair(String.class, LocalDate.class),
                new ConvertiblePair(String.class, LocalDateTime.class));
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        Object value = parser.convert(source, sourceType, targetType);
        String refusal = StorableTime.refusal(value);
        if (refusal != null) {
            throw new StorableTime.OutOfRange(refusal);
        }
        return value;
    }
}

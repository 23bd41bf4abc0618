package com.invgov.inventory.internal;

import com.invgov.inventory.Item;
import com.invgov.inventory.Location;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A short-lived per-node cache of items, locations and reason codes for the posting path, which reads them on every
 * movement. Local writes evict at once; another node's writes are seen within {@link #TTL}. Absent rows are
 * not cached (an item created a moment ago is found at once).
 */
@Component
public class MasterDataCache {

    static final Duration TTL = Duration.ofSeconds(5);

    private record Entry<T>(T value, long expiresAt) {
    }

    private final MasterDataStore store;
    private final Map<String, Entry<Item>> items = new ConcurrentHashMap<>();
    private final Map<String, Entry<Location>> locations = new ConcurrentHashMap<>();
    private final Map<String, Entry<Boolean>> reasonCodes = new ConcurrentHashMap<>();

    MasterDataCache(MasterDataStore store) {
        this.store = store;
    }

    public Optional<Item> item(String sku) {
        return cached(items, sku, () -> store.item(sku));
    }

    public Optional<Location> location(String code) {
        return cached(locations, code, () -> store.location(code));
    }

    /** Whether the reason code exists; known codes are cached, unknown ones asked again (one added is found at once). */
    public boolean reasonCodeExists(String code) {
        return cached(reasonCodes, code, () -> store.reasonCodeExists(code) ? Optional.of(Boolean.TRUE)
                : Optional.<Boolean>empty()).isPresent();
    }

    public void evictItem(String sku) {
        items.remove(sku);
    }

    public void evictLocation(String code) {
        locations.remove(code);
    }

    private static <T> Optional<T> cached(Map<String, Entry<T>> map, String key, Supplier<Optional<T>> load) {
        long now = System.nanoTime();
        Entry<T> entry = map.get(key);
        if (entry != null && entry.expiresAt() - now > 0) {
            return Optional.of(entry.value());
        }
        Optional<T> value = load.get();
        if (value.isPresent()) {
            if (map.size() > 100_000) {
                map.clear();
            }
            map.put(key, new Entry<>(value.get(), now + TTL.toNanos()));
        } else {
            map.remove(key);
        }
        return value;
    }
}

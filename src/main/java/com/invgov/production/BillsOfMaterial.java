package com.invgov.production;

import com.invgov.api.Conflict;
import com.invgov.production.internal.BomStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The BOM revisions production orders are made against, for the engineering module: read the current revision,
 * and release a new one (the engineering change's activation). Production keeps the table because every order
 * reads it; engineering changes it only through here, so the dependency runs one way (engineering → production).
 * No role check here: reading is open to every role, and releasing is done by an approved engineering change.
 */
@Service
public class BillsOfMaterial {

    private final BomStore store;

    BillsOfMaterial(BomStore store) {
        this.store = store;
    }

    /**
     * The revision new orders use: the product's latest (by effective date, then name) revision that is not
     * SUPERSEDED; empty when the product has no BOM.
     */
    @Transactional(readOnly = true)
    public Optional<BomRevision> current(String product) {
        return store.currentRevision(product).flatMap(r -> revision(product, r));
    }

    @Transactional(readOnly = true)
    public Optional<BomRevision> revision(String product, String revision) {
        return store.revision(product, revision);
    }

    /** Every revision name the product has, any status. */
    @Transactional(readOnly = true)
    public List<String> revisions(String product) {
        return store.revisions(product);
    }

    /** Which of the components are on a current (not SUPERSEDED) revision of a product other than {@code product}. */
    @Transactional(readOnly = true)
    public Set<String> usedByOtherProducts(Collection<String> components, String product) {
        return components.isEmpty() ? Set.of() : store.usedByOtherProducts(components, product);
    }

    /**
     * Makes {@code revision} the product's ACTIVE revision from {@code effectiveFrom} with these lines, and every
     * other revision of the product SUPERSEDED: new orders use it, open ones keep the revision they were opened on.
     * Joins the caller's transaction; a revision that exists already is a {@link Conflict}.
     */
    @Transactional
    public BomRevision release(String product, String revision, LocalDate effectiveFrom, List<BomRevision.Line> lines) {
        store.lockProduct(product);
        if (store.revisions(product).contains(revision)) {
            throw new Conflict("BOM revision " + revision + " of " + product + " exists already.");
        }
        store.supersedeAll(product);
        store.insert(product, revision, BomRevision.ACTIVE, effectiveFrom, lines);
        return store.revision(product, revision).orElseThrow();
    }
}

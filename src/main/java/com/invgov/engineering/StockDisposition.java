package com.invgov.engineering;

/**
 * What happens to the on-hand stock of the components a change drops or reduces: used up by production before and
 * after the change, scrapped, returned to the vendor, or kept (e.g. as spare parts).
 */
public enum StockDisposition {
    USE_UP, SCRAP, RETURN_TO_VENDOR, KEEP
}

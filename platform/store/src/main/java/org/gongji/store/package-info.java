/**
 * Booking: persons and institutions, settlements with their accumulators and account entries,
 * personal accounts, monthly credits and family payments, each write in one transaction with an
 * idempotency key and an audit entry. {@link org.gongji.store.Stores#open} opens a store in plain
 * Java; inside OSGi the store is a component providing {@link org.gongji.store.Store}.
 */
@Export
@Version("1.0.0")
package org.gongji.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

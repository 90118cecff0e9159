/**
 * The integrator API (JAX-RS on Jersey, JDK HTTP server): {@link org.gongji.rest.GongjiServer}
 * starts it in plain Java; inside OSGi a component starts it over the store and region registry services.
 */
@Export
@Version("1.0.0")
package org.gongji.rest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

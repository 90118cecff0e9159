package org.gongji.api.spi.region;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Registers a {@link Region} component with its service properties in one line:
 * {@code @RegionService(code = "410800", parent = "410000")}.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface RegionService {

    /** Prefix of the service properties: {@code region.code}, {@code region.parent}. */
    String PREFIX_ = "region.";

    /** Service property with the six-digit region code. */
    String CODE = "region.code";

    /** Service property with the parent province's code ("" for a province). */
    String PARENT = "region.parent";

    String code();

    String parent() default "";
}

package org.gongji.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ComponentDescriptorTest {

    @Test
    void reads_the_service_properties_bnd_writes_for_a_region_component() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="x.CityRegion">
                  <property name="region.code" type="String" value="370100"/>
                  <property name="region.parent" type="String" value="370000"/>
                  <service><provide interface="org.gongji.api.spi.region.Region"/></service>
                  <implementation class="x.CityRegion"/>
                </scr:component>
                """;
        ComponentDescriptor d = ComponentDescriptor.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(d.implementation()).isEqualTo("x.CityRegion");
        assertThat(d.properties()).containsEntry("region.code", "370100").containsEntry("region.parent", "370000");
        assertThat(d.services()).containsExactly("org.gongji.api.spi.region.Region");
    }
}

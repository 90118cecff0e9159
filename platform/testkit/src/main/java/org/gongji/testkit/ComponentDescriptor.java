package org.gongji.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The Declarative Services descriptor bnd generates for a component ({@code OSGI-INF/<class>.xml}):
 * what the OSGi runtime will register, read back so a test can compare it with the region's data.
 *
 * @param implementation the component's class
 * @param properties its service properties ({@code region.code}, {@code region.parent}, ...)
 * @param services the interfaces it provides
 */
record ComponentDescriptor(String implementation, Map<String, String> properties, java.util.List<String> services) {

    static Optional<ComponentDescriptor> of(Class<?> component) {
        URL url = component.getClassLoader().getResource("OSGI-INF/" + component.getName() + ".xml");
        if (url == null) {
            return Optional.empty();
        }
        try (InputStream in = url.openStream()) {
            return Optional.of(read(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ComponentDescriptor read(InputStream in) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = factory.newDocumentBuilder().parse(in);
            Map<String, String> properties = new LinkedHashMap<>();
            NodeList props = doc.getElementsByTagName("property");
            for (int i = 0; i < props.getLength(); i++) {
                Element p = (Element) props.item(i);
                properties.put(p.getAttribute("name"), p.getAttribute("value"));
            }
            java.util.List<String> services = new java.util.ArrayList<>();
            NodeList provides = doc.getElementsByTagName("provide");
            for (int i = 0; i < provides.getLength(); i++) {
                services.add(((Element) provides.item(i)).getAttribute("interface"));
            }
            NodeList impl = doc.getElementsByTagName("implementation");
            String implementation = impl.getLength() == 0 ? "" : ((Element) impl.item(0)).getAttribute("class");
            return new ComponentDescriptor(implementation, properties, services);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("unreadable component descriptor: " + e.getMessage(), e);
        }
    }
}

package org.gongji.store.internal;

import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;
import java.net.URL;
import java.security.CodeSource;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * The persistence unit, described in code: no persistence.xml to discover, the store bundle's
 * class loader, the managed classes listed, weaving off.
 */
final class GongjiPersistenceUnit implements PersistenceUnitInfo {

    static final List<Class<?>> ENTITIES = List.of(PersonRow.class, InstitutionRow.class,
            AccountRow.class, EntryRow.class, YearRow.class, SettlementRow.class,
            PaymentRow.class, CreditingRunRow.class, IdempotencyRow.class,
            AuditRow.class, PaymentRunRow.class, JobRow.class, JobInputRow.class, ClientRow.class, PersonVersionRow.class);

    private static final java.util.concurrent.atomic.AtomicInteger SESSIONS = new java.util.concurrent.atomic.AtomicInteger();

    private final DataSource dataSource;
    private final Properties properties = new Properties();

    GongjiPersistenceUnit(DataSource dataSource) {
        this.dataSource = dataSource;
        properties.setProperty("eclipselink.weaving", "false");
        properties.setProperty("eclipselink.logging.level", "WARNING");
        properties.setProperty("eclipselink.logging.logger", "JavaLogger");
        // several nodes may share one PostgreSQL database: never serve a booking from a stale cache
        properties.setProperty("eclipselink.cache.shared.default", "false");
        properties.setProperty("eclipselink.ddl-generation", "none");
        properties.setProperty("eclipselink.jdbc.cache-statements", "false");
        // EclipseLink shares one session among factories of one unit name: each database gets its own
        properties.setProperty("eclipselink.session-name", "gongji-" + SESSIONS.incrementAndGet());
    }

    @Override
    public String getPersistenceUnitName() {
        return "gongji";
    }

    @Override
    public String getPersistenceProviderClassName() {
        return "org.eclipse.persistence.jpa.PersistenceProvider";
    }

    @Override
    public PersistenceUnitTransactionType getTransactionType() {
        return PersistenceUnitTransactionType.RESOURCE_LOCAL;
    }

    @Override
    public DataSource getJtaDataSource() {
        return null;
    }

    @Override
    public DataSource getNonJtaDataSource() {
        return dataSource;
    }

    @Override
    public List<String> getMappingFileNames() {
        return List.of();
    }

    @Override
    public List<URL> getJarFileUrls() {
        return List.of();
    }

    @Override
    public URL getPersistenceUnitRootUrl() {
        // EclipseLink fails without a root and opens it as a folder or jar (nothing is scanned:
        // the classes are listed). Inside OSGi the code source is no file: the class's own bundle
        // URL is then read as a plain URL archive.
        CodeSource source = GongjiPersistenceUnit.class.getProtectionDomain().getCodeSource();
        if (source != null && source.getLocation() != null && "file".equals(source.getLocation().getProtocol())) {
            return source.getLocation();
        }
        return GongjiPersistenceUnit.class.getResource("GongjiPersistenceUnit.class");
    }

    @Override
    public List<String> getManagedClassNames() {
        return ENTITIES.stream().map(Class::getName).toList();
    }

    @Override
    public boolean excludeUnlistedClasses() {
        return true;
    }

    @Override
    public SharedCacheMode getSharedCacheMode() {
        return SharedCacheMode.NONE;
    }

    @Override
    public ValidationMode getValidationMode() {
        return ValidationMode.NONE;
    }

    @Override
    public Properties getProperties() {
        return properties;
    }

    @Override
    public String getPersistenceXMLSchemaVersion() {
        return "3.0";
    }

    @Override
    public ClassLoader getClassLoader() {
        return GongjiPersistenceUnit.class.getClassLoader();
    }

    @Override
    public void addTransformer(ClassTransformer transformer) {
        // weaving is off
    }

    @Override
    public ClassLoader getNewTempClassLoader() {
        return getClassLoader();
    }
}

package org.gongji.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javax.inject.Inject;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.institution.Institution;
import org.gongji.api.institution.InstitutionLevel;
import org.gongji.api.money.Money;
import org.gongji.api.person.Person;
import org.gongji.api.person.PersonCategory;
import org.gongji.api.region.RegionCode;
import org.gongji.api.visit.FeeLine;
import org.gongji.api.visit.MedicalType;
import org.gongji.api.visit.Visit;
import org.gongji.engine.Breakdown;
import org.gongji.engine.SettlementEngine;
import org.gongji.engine.SettlementRequest;
import org.gongji.engine.registry.DeploymentStatus;
import org.gongji.engine.registry.RegionDeployment;
import org.gongji.engine.registry.RegionRegistry;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The platform on Felix: region bundles come, change and go while the registry and the engine keep
 * serving; a failing or violating bundle or override never serves.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class RegionRuntimeIT {

    private static final RegionCode JIAOZUO = RegionCode.of("410800");
    private static final String TABLE = "rules/410800-jiaozuo.txt";
    private static final String DEDUCTIBLE = "outpatient.deductible.tertiary";
    private static final LocalDate VISIT = LocalDate.of(2023, 3, 1);

    @Inject
    private BundleContext context;

    @Inject
    private RegionRegistry registry;

    @Inject
    private SettlementEngine engine;

    @Inject
    private ConfigurationAdmin configurations;

    @Configuration
    public Option[] config() {
        return PlatformOptions.platform();
    }

    @Test
    public void aCityWhoseProvinceIsNotDeployedDoesNotServeAndSaysWhyAtStartAndWhenTheProvinceGoes() throws Exception {
        install(PlatformOptions.file("gongji.region.jiaozuo"));

        RegionDeployment waiting = await(d -> d.code().equals(JIAOZUO) && d.status() == DeploymentStatus.WAITING);
        assertThat(waiting.problem()).contains("province 410000 is not deployed");
        assertThatThrownBy(() -> registry.rulesFor(JIAOZUO, VISIT))
                .isInstanceOfSatisfying(GongjiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REGION_UNAVAILABLE));

        Bundle henan = install(PlatformOptions.file("gongji.region.henan"));
        await(d -> d.code().equals(JIAOZUO) && d.status() == DeploymentStatus.SERVING && d.conformance().checkedAgainst() != null);
        assertThat(settleTertiary("200.00", VISIT).poolPaid()).isEqualTo(Money.parse("75.00"));

        henan.uninstall();
        RegionDeployment again = await(d -> d.code().equals(JIAOZUO) && d.status() == DeploymentStatus.WAITING);
        assertThat(again.problem()).contains("province 410000 is not deployed", "last checked: CONFORMS");
        assertThatThrownBy(() -> registry.rulesFor(JIAOZUO, VISIT))
                .isInstanceOfSatisfying(GongjiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REGION_UNAVAILABLE));
    }

    @Test
    public void anUpdateInPlaceOpensNoGap() throws Exception {
        Bundle jiaozuo = installJiaozuo();
        await(d -> d.code().equals(JIAOZUO) && d.status() == DeploymentStatus.SERVING && d.conformance().checkedAgainst() != null);
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        List<String> refusals = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicInteger settled = new java.util.concurrent.atomic.AtomicInteger();
        Thread settling = new Thread(() -> {
            while (running.get()) {
                try {
                    settleTertiary("200.00", VISIT);
                    settled.incrementAndGet();
                } catch (GongjiException e) {
                    refusals.add(e.code() + ": " + e.getMessage());
                }
            }
        });
        settling.start();
        try {
            for (int i = 1; i <= 4; i++) {
                String version = "0.1." + i;
                File next = variant().version(version).table(TABLE, RegionJars.value(DEDUCTIBLE, "50.00", (50 - i) + ".00"))
                        .writeTo(work(), "jiaozuo-" + version + ".jar");
                try (var in = new java.io.FileInputStream(next)) {
                    jiaozuo.update(in);
                }
                await(d -> d.bundleVersion().equals(version) && d.status() == DeploymentStatus.SERVING);
            }
        } finally {
            running.set(false);
            settling.join();
        }
        assertThat(refusals).isEmpty();
        assertThat(settled.get()).isPositive();
        assertThat(settleTertiary("200.00", VISIT).deductiblePaid()).isEqualTo(Money.parse("46.00"));
        assertThat(registry.deployments()).extracting(RegionDeployment::bundleVersion).doesNotContain("0.1.3");
    }

    @Test
    public void aCorruptTruncatedOrEmptyJarInTheDeployFolderIsReported() throws Exception {
        File deploy = new File(System.getProperty("gongji.work"), "deploy");
        deploy.mkdirs();
        File good = PlatformOptions.file("gongji.region.jiaozuo");
        byte[] bytes = RegionJars.bytes(good);
        java.nio.file.Files.write(new File(deploy, "truncated.jar").toPath(), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        java.nio.file.Files.write(new File(deploy, "empty.jar").toPath(), new byte[0]);
        java.nio.file.Files.writeString(new File(deploy, "notes.jar").toPath(), "not a jar at all");

        await(d -> true, d -> d.problem() != null && d.problem().contains("deploy/truncated.jar"));
        await(d -> true, d -> d.problem() != null && d.problem().contains("deploy/empty.jar is empty"));
        RegionDeployment notes = await(d -> true, d -> d.problem() != null && d.problem().contains("deploy/notes.jar"));
        assertThat(notes.status()).isEqualTo(DeploymentStatus.FAILED);

        java.nio.file.Files.delete(new File(deploy, "notes.jar").toPath());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (registry.deployments().stream().anyMatch(d -> d.problem() != null && d.problem().contains("notes.jar"))
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(registry.deployments()).noneMatch(d -> d.problem() != null && d.problem().contains("notes.jar"));
    }

    @Test
    public void aCityWithoutBundleIsNotDeployed() {
        assertThat(registry.deployments()).isEmpty();
        assertThatThrownBy(() -> registry.rulesFor(JIAOZUO, VISIT))
                .isInstanceOfSatisfying(GongjiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REGION_NOT_DEPLOYED));
    }

    @Test
    public void jiaozuoInstalledSettlesThroughTheEngineAndConformsToHenan() throws Exception {
        install(PlatformOptions.file("gongji.region.henan"));
        installJiaozuo();

        RegionDeployment jiaozuo = await(d -> d.code().equals(JIAOZUO) && d.status() == DeploymentStatus.SERVING
                && d.conformance().checkedAgainst() != null);
        assertThat(jiaozuo.conformance().status().name()).isEqualTo("CONFORMS");
        // 焦政办〔2022〕22号 二(一): tertiary, 50 yuan per visit, then 50%
        Breakdown b = settleTertiary("200.00", VISIT);
        assertThat(b.deductiblePaid()).isEqualTo(Money.parse("50.00"));
        assertThat(b.poolPaid()).isEqualTo(Money.parse("75.00"));
    }

    @Test
    public void anUpdatedBundleWithAnotherDeductibleServesTheNewNumber() throws Exception {
        Bundle jiaozuo = installJiaozuo();
        await(d -> d.code().equals(JIAOZUO) && d.status() == DeploymentStatus.SERVING);
        assertThat(settleTertiary("200.00", VISIT).deductiblePaid()).isEqualTo(Money.parse("50.00"));

        File second = variant().version("0.1.1").table(TABLE, RegionJars.value(DEDUCTIBLE, "50.00", "40.00"))
                .writeTo(work(), "jiaozuo-0.1.1.jar");
        try (var in = new java.io.FileInputStream(second)) {
            jiaozuo.update(in);
        }

        await(d -> d.bundleVersion().equals("0.1.1") && d.status() == DeploymentStatus.SERVING);
        Breakdown b = settleTertiary("200.00", VISIT);
        assertThat(b.deductiblePaid()).isEqualTo(Money.parse("40.00"));
        assertThat(b.poolPaid()).isEqualTo(Money.parse("80.00"));
    }

    @Test
    public void aNewerVersionBesideTheOldTakesOverAndTheOldServesAgainWhenItGoes() throws Exception {
        Bundle original = installJiaozuo();
        await(d -> d.code().equals(JIAOZUO) && d.status() == DeploymentStatus.SERVING);

        Bundle newer = install(variant().version("0.5.0").table(TABLE, RegionJars.value(DEDUCTIBLE, "50.00", "40.00"))
                .writeTo(work(), "jiaozuo-0.5.0.jar"));

        await(d -> d.bundleVersion().equals("0.5.0") && d.status() == DeploymentStatus.SERVING);
        assertThat(registry.deployments()).anySatisfy(d -> {
            assertThat(d.bundleVersion()).isEqualTo(original.getVersion().toString());
            assertThat(d.status()).isEqualTo(DeploymentStatus.STANDBY);
        });
        assertThat(settleTertiary("200.00", VISIT).deductiblePaid()).isEqualTo(Money.parse("40.00"));

        newer.uninstall();

        assertThat(serving(JIAOZUO).bundleVersion()).isEqualTo(original.getVersion().toString());
        assertThat(settleTertiary("200.00", VISIT).deductiblePaid()).isEqualTo(Money.parse("50.00"));
    }

    @Test
    public void theHighestVersionServesWhateverOrderTheBundlesStartIn() throws Exception {
        install(PlatformOptions.file("gongji.region.henan"));
        install(variant().version("0.5.0").table(TABLE, RegionJars.value(DEDUCTIBLE, "50.00", "40.00"))
                .writeTo(work(), "jiaozuo-0.5.0.jar"));
        await(d -> d.bundleVersion().equals("0.5.0") && d.status() == DeploymentStatus.SERVING);

        Bundle older = installJiaozuo();

        await(d -> d.bundleVersion().equals(older.getVersion().toString()) && d.status() == DeploymentStatus.STANDBY);
        assertThat(serving(JIAOZUO).bundleVersion()).isEqualTo("0.5.0");
        assertThat(settleTertiary("200.00", VISIT).deductiblePaid()).isEqualTo(Money.parse("40.00"));
    }

    @Test
    public void anUninstalledRegionAnswersRegionNotDeployed() throws Exception {
        Bundle jiaozuo = installJiaozuo();
        await(d -> d.code().equals(JIAOZUO) && d.status() == DeploymentStatus.SERVING);

        jiaozuo.uninstall();

        assertThat(registry.deployments()).noneMatch(d -> JIAOZUO.equals(d.code()));
        assertThatThrownBy(() -> registry.rulesFor(JIAOZUO, VISIT))
                .isInstanceOfSatisfying(GongjiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REGION_NOT_DEPLOYED));
    }

    @Test
    public void aVersionThatThrowsInActivationNeverServesAndTheOldOneKeepsServing() throws Exception {
        Bundle original = installJiaozuo();
        await(d -> d.code().equals(JIAOZUO) && d.status() == DeploymentStatus.SERVING);

        // a table row with too few cells: the extender cannot read the table
        File broken = variant().version("0.2.0").table(TABLE, RegionJars.value(DEDUCTIBLE, "50.00     |", "x"))
                .writeTo(work(), "jiaozuo-0.2.0.jar");
        install(broken);

        RegionDeployment failed = await(d -> d.bundleVersion().equals("0.2.0") && d.status() == DeploymentStatus.FAILED);
        assertThat(failed.code()).isEqualTo(JIAOZUO);
        assertThat(failed.problem()).contains("is refused", TABLE + ":");
        assertThat(serving(JIAOZUO).bundleVersion()).isEqualTo(original.getVersion().toString());
        assertThat(settleTertiary("200.00", VISIT).deductiblePaid()).isEqualTo(Money.parse("50.00"));
    }

    @Test
    public void aRegionJarCarriesNoJavaAndTheExtenderMakesItARegion() throws Exception {
        Bundle jiaozuo = installJiaozuo();
        await(d -> d.code().equals(JIAOZUO) && d.status() == DeploymentStatus.SERVING);

        assertThat(jiaozuo.findEntries("/", "*.class", true)).isNull();
        assertThat(jiaozuo.getHeaders().get("Gongji-Region")).isEqualTo(TABLE);
        assertThat(jiaozuo.getHeaders().get("Import-Package")).isNull();
        assertThat(jiaozuo.getRegisteredServices()).singleElement()
                .satisfies(s -> assertThat(s.getProperty("region.code")).isEqualTo("410800"));
    }

    @Test
    public void aMisspeltKeyIsRefusedNamingTheLineAndTheKeyAndTheOldVersionKeepsServing() throws Exception {
        Bundle original = installJiaozuo();
        await(d -> d.code().equals(JIAOZUO) && d.status() == DeploymentStatus.SERVING);

        // issue 12: with retiredBonus misspelt, a retiree at a tertiary hospital got 50 % instead of 60 %
        install(variant().version("0.2.5").table(TABLE, text -> text.replace("outpatient.ratio.retiredBonus ", "outpatient.ratio.retiredBonu5 "))
                .writeTo(work(), "jiaozuo-0.2.5.jar"));

        RegionDeployment failed = await(d -> d.bundleVersion().equals("0.2.5") && d.status() == DeploymentStatus.FAILED);
        assertThat(failed.code()).isEqualTo(JIAOZUO);
        assertThat(failed.problem()).contains(TABLE + ":22: outpatient.ratio.retiredBonu5: unknown key",
                "did you mean outpatient.ratio.retiredBonus?");
        assertThat(serving(JIAOZUO).bundleVersion()).isEqualTo(original.getVersion().toString());
    }

    @Test
    public void aNewRulesBundleReadsEveryTableAgainWithoutRefreshingTheRegionBundles() throws Exception {
        Bundle jiaozuo = installJiaozuo();
        await(d -> d.code().equals(JIAOZUO) && d.status() == DeploymentStatus.SERVING);
        Object before = registry.rulesFor(JIAOZUO, VISIT);
        List<Integer> regionBundleEvents = new java.util.concurrent.CopyOnWriteArrayList<>();
        context.addBundleListener(e -> {
            if (e.getBundle().equals(jiaozuo)) {
                regionBundleEvents.add(e.getType());
            }
        });
        Bundle rules = java.util.Arrays.stream(context.getBundles())
                .filter(b -> "org.gongji.rules".equals(b.getSymbolicName())).findFirst().orElseThrow();

        // a fixed rules bundle: update it and refresh what wires to it (the runtime, not the data-only region jars)
        try (var in = new java.io.FileInputStream(PlatformOptions.file("gongji.bundle.rules"))) {
            rules.update(in);
        }
        java.util.concurrent.CountDownLatch refreshed = new java.util.concurrent.CountDownLatch(1);
        context.getBundle(0).adapt(org.osgi.framework.wiring.FrameworkWiring.class)
                .refreshBundles(List.of(rules), e -> refreshed.countDown());
        assertThat(refreshed.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        RegionRegistry again = awaitService(RegionRegistry.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (again.find(JIAOZUO).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(again.rulesFor(JIAOZUO, VISIT)).isNotSameAs(before);
        assertThat(jiaozuo.getState()).isEqualTo(Bundle.ACTIVE);
        assertThat(regionBundleEvents).doesNotContain(org.osgi.framework.BundleEvent.STOPPED,
                org.osgi.framework.BundleEvent.UNRESOLVED);
    }

    private <T> T awaitService(Class<T> type) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            var ref = context.getServiceReference(type);
            if (ref != null && context.getService(ref) != null) {
                return context.getService(ref);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + type.getSimpleName() + " within 30 s");
    }

    @Test
    public void aVersionThatDoesNotResolveIsShownFailedAndTheOldOneKeepsServing() throws Exception {
        Bundle original = installJiaozuo();
        await(d -> d.code().equals(JIAOZUO) && d.status() == DeploymentStatus.SERVING);

        install(variant().version("0.3.0").importing("org.gongji.nowhere").writeTo(work(), "jiaozuo-0.3.0.jar"));

        RegionDeployment failed = await(d -> d.bundleVersion().equals("0.3.0") && d.status() == DeploymentStatus.FAILED);
        assertThat(failed.code()).isEqualTo(JIAOZUO);
        assertThat(failed.problem()).contains("does not resolve: no bundle exports org.gongji.nowhere");
        assertThat(serving(JIAOZUO).bundleVersion()).isEqualTo(original.getVersion().toString());
    }

    @Test
    public void aVersionViolatingTheProvincesBoundsIsRefusedAndTheOldOneKeepsServing() throws Exception {
        install(PlatformOptions.file("gongji.region.henan"));
        Bundle original = installJiaozuo();
        await(d -> d.code().equals(JIAOZUO) && d.status() == DeploymentStatus.SERVING && d.conformance().checkedAgainst() != null);

        // Henan (national framework): the pay ratio starts at 50%
        install(variant().version("0.4.0").table(TABLE, RegionJars.value("outpatient.ratio.tertiary", "50%", "45%"))
                .writeTo(work(), "jiaozuo-0.4.0.jar"));

        RegionDeployment refused = await(d -> d.bundleVersion().equals("0.4.0") && d.status() == DeploymentStatus.REFUSED);
        assertThat(refused.conformance().violations()).isNotEmpty();
        assertThat(serving(JIAOZUO).bundleVersion()).isEqualTo(original.getVersion().toString());
        assertThat(settleTertiary("200.00", VISIT).poolPaid()).isEqualTo(Money.parse("75.00"));
    }

    @Test
    public void aConfigurationOverrideTakesEffectOnItsDate() throws Exception {
        installJiaozuo();
        await(d -> d.code().equals(JIAOZUO) && d.status() == DeploymentStatus.SERVING);

        override(DEDUCTIBLE, "60.00");

        await(d -> d.bundleVersion().contains("config") && d.status() == DeploymentStatus.SERVING);
        assertThat(settleTertiary("200.00", LocalDate.of(2025, 12, 31)).deductiblePaid()).isEqualTo(Money.parse("50.00"));
        Breakdown after = settleTertiary("200.00", LocalDate.of(2026, 1, 1));
        assertThat(after.deductiblePaid()).isEqualTo(Money.parse("60.00"));
        assertThat(after.poolPaid()).isEqualTo(Money.parse("70.00"));
    }

    @Test
    public void anOverrideViolatingTheProvincesBoundsIsRefusedAndTheNumbersInForceKeepServing() throws Exception {
        install(PlatformOptions.file("gongji.region.henan"));
        installJiaozuo();
        await(d -> d.code().equals(JIAOZUO) && d.status() == DeploymentStatus.SERVING && d.conformance().checkedAgainst() != null);

        override("outpatient.ratio.tertiary", "45%");

        RegionDeployment refused = await(d -> d.bundleVersion().contains("config") && d.status() == DeploymentStatus.REFUSED);
        assertThat(refused.conformance().violations()).isNotEmpty();
        assertThat(settleTertiary("200.00", LocalDate.of(2026, 1, 1)).poolPaid()).isEqualTo(Money.parse("75.00"));
    }

    @Test
    public void anOverrideOfAKeyTheRegionDoesNotHaveIsRefused() throws Exception {
        Bundle jiaozuo = installJiaozuo();
        await(d -> d.code().equals(JIAOZUO) && d.status() == DeploymentStatus.SERVING);

        override("outpatient.deductible.tertairy", "60.00");

        RegionDeployment failed = await(d -> d.status() == DeploymentStatus.FAILED);
        assertThat(failed.problem()).contains("has no parameter outpatient.deductible.tertairy");
        assertThat(serving(JIAOZUO).bundleVersion()).isEqualTo(jiaozuo.getVersion().toString());
        assertThat(settleTertiary("200.00", LocalDate.of(2026, 1, 1)).deductiblePaid()).isEqualTo(Money.parse("50.00"));
    }

    private void override(String key, String value) throws IOException {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("effectiveFrom", "2026-01-01");
        properties.put("citation", "焦医保〔2025〕9号 二");
        properties.put(key, value);
        configurations.getConfiguration("org.gongji.region.410800", "?").update(properties);
    }

    private Breakdown settleTertiary(String amount, LocalDate date) {
        Person person = new Person("p1", "张三", JIAOZUO, LocalDate.of(1980, 1, 1), PersonCategory.EMPLOYED, null,
                Money.ofYuan(6000), null, null, null);
        Visit visit = new Visit(date, MedicalType.GENERAL_OUTPATIENT,
                new Institution("h3", "焦作市人民医院", JIAOZUO, InstitutionLevel.TERTIARY, false), null,
                List.of(FeeLine.classA("A1", Money.parse(amount))));
        return engine.settle(new SettlementRequest(person, visit, registry.rulesFor(JIAOZUO, date), null, Money.ZERO, false))
                .breakdown();
    }

    /** Jiaozuo with its province: a city serves only once checked against Henan's bounds. */
    private Bundle installJiaozuo() throws Exception {
        install(PlatformOptions.file("gongji.region.henan"));
        return install(PlatformOptions.file("gongji.region.jiaozuo"));
    }

    private RegionJars variant() {
        return RegionJars.from(PlatformOptions.file("gongji.region.jiaozuo"));
    }

    private Bundle install(File jar) throws Exception {
        Bundle b = context.installBundle(jar.toURI().toString());
        try {
            b.start();
        } catch (org.osgi.framework.BundleException e) {
            // a bundle that does not resolve stays installed, as FileInstall leaves it
        }
        return b;
    }

    private RegionDeployment serving(RegionCode code) {
        return registry.deployments().stream().filter(d -> d.code().equals(code) && d.status() == DeploymentStatus.SERVING)
                .findFirst().orElseThrow(() -> new AssertionError(code + " does not serve: " + registry.deployments()));
    }

    private RegionDeployment await(Predicate<RegionDeployment> wanted) throws InterruptedException {
        return await(d -> d.code() != null, wanted);
    }

    private RegionDeployment await(Predicate<RegionDeployment> which, Predicate<RegionDeployment> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<RegionDeployment> found = registry.deployments().stream().filter(d -> which.test(d) && wanted.test(d)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(50);
        }
        StringBuilder bundles = new StringBuilder();
        for (Bundle b : context.getBundles()) {
            bundles.append("\n  ").append(b.getSymbolicName()).append(' ').append(b.getVersion()).append(" state ").append(b.getState());
        }
        throw new AssertionError("no such deployment within 30 s: " + registry.deployments() + bundles);
    }

    private static File work() {
        return new File(System.getProperty("gongji.work"), "jars");
    }
}

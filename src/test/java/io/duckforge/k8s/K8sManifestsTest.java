package io.duckforge.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes manifests as {@code kubectl kustomize} renders each overlay, read with Kubernetes' own model:
 * no unknown field (a typo such as {@code readinesProbe} would land in additional properties), and the settings
 * that must agree with the application do.
 */
class K8sManifestsTest {

    private static final Path K8S = Path.of("k8s");
    private static final Pattern MAX_RAM_PERCENTAGE = Pattern.compile("-XX:MaxRAMPercentage=([0-9.]+)");
    /** Heap and DuckDB together at most this share of the container limit; the rest is off-heap headroom. */
    private static final double MEMORY_BUDGET = 0.8;

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyManifestUsesOnlyFieldsKubernetesKnows(String overlay) throws Exception {
        for (HasMetadata resource : render(overlay)) {
            assertThat(unknownFields(resource, resource.getKind())).as(resource.getKind() + " " + resource.getMetadata().getName()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void oneReplicaOwnsTheDatabaseOnAReadWriteOnceVolume(String overlay) throws Exception {
        StatefulSet set = statefulSet(render(overlay));

        assertThat(set.getSpec().getReplicas()).isEqualTo(1);
        assertThat(set.getSpec().getVolumeClaimTemplates()).anySatisfy(claim -> {
            assertThat(claim.getMetadata().getName()).isEqualTo("data");
            assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theDataVolumeIsMountedWhereTheDuckDbFileLives(String overlay) throws Exception {
        List<HasMetadata> resources = render(overlay);
        Container container = container(resources);

        String databasePath = env(resources, container, "DUCKFORGE_DUCKDB_PATH").orElseThrow();

        assertThat(mountPath(container, "data")).isEqualTo(Path.of(databasePath).getParent().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void probesCallTheQuarkusHealthEndpointsOnTheManagementPort(String overlay) throws Exception {
        Container container = container(render(overlay));
        Properties application = applicationProperties();
        int port = Integer.parseInt(application.getProperty("quarkus.http.port", "8080"));
        int management = Integer.parseInt(application.getProperty("quarkus.management.port", "9000"));
        String health = "/" + application.getProperty("quarkus.http.non-application-root-path", "q") + "/"
                + application.getProperty("quarkus.smallrye-health.root-path", "health");

        assertThat(application.getProperty("quarkus.management.enabled")).isEqualTo("true");
        assertThat(container.getPorts()).anySatisfy(declared -> {
            assertThat(declared.getName()).isEqualTo("http");
            assertThat(declared.getContainerPort()).isEqualTo(port);
        });
        assertThat(container.getPorts()).anySatisfy(declared -> {
            assertThat(declared.getName()).isEqualTo("management");
            assertThat(declared.getContainerPort()).isEqualTo(management);
        });
        assertProbe(container.getStartupProbe(), health + "/started");
        assertProbe(container.getLivenessProbe(), health + "/live");
        assertProbe(container.getReadinessProbe(), health + "/ready");
        // A WAL replay on start may take minutes; the startup probe must allow it before liveness takes over.
        Probe startup = container.getStartupProbe();
        assertThat(startup.getPeriodSeconds() * startup.getFailureThreshold()).isGreaterThanOrEqualTo(300);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void onlyTheMetricsServiceRoutesToTheManagementPortAndOnlyMonitoringMayReachIt(String overlay) throws Exception {
        List<HasMetadata> resources = render(overlay);

        assertThat(resources.stream().filter(io.fabric8.kubernetes.api.model.Service.class::isInstance)
                .map(io.fabric8.kubernetes.api.model.Service.class::cast)
                .filter(service -> !service.getMetadata().getName().equals("duckforge-metrics"))
                .flatMap(service -> service.getSpec().getPorts().stream()))
                .allSatisfy(port -> assertThat(port.getTargetPort().getStrVal()).isEqualTo("http"));
        io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy policy = resources.stream()
                .filter(io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class::isInstance)
                .map(io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no NetworkPolicy"));
        assertThat(policy.getSpec().getIngress()).anySatisfy(rule -> {
            assertThat(rule.getPorts()).singleElement().satisfies(port -> assertThat(port.getPort().getStrVal()).isEqualTo("management"));
            assertThat(rule.getFrom()).singleElement().satisfies(peer -> assertThat(peer.getNamespaceSelector().getMatchLabels())
                    .containsEntry("kubernetes.io/metadata.name", "monitoring"));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void heapAndDuckDbTogetherStayUnderTheContainersMemoryLimit(String overlay) throws Exception {
        List<HasMetadata> resources = render(overlay);
        Container container = container(resources);
        long limit = Quantity.getAmountInBytes(container.getResources().getLimits().get("memory")).longValue();
        Matcher heap = MAX_RAM_PERCENTAGE.matcher(env(resources, container, "JAVA_OPTS").orElseThrow());
        assertThat(heap.find()).as("JAVA_OPTS sets -XX:MaxRAMPercentage").isTrue();
        double heapShare = Double.parseDouble(heap.group(1)) / 100;
        double duckDbShare = Double.parseDouble(env(resources, container, "DUCKFORGE_DUCKDB_MEMORY_LIMIT_FRACTION").orElseThrow());

        assertThat(heapShare + duckDbShare).isLessThanOrEqualTo(MEMORY_BUDGET);
        assertThat((long) (limit * heapShare) + (long) (limit * duckDbShare)).isLessThan(limit);
        EnvVar containerMemory = container.getEnv().stream()
                .filter(env -> env.getName().equals("DUCKFORGE_DUCKDB_CONTAINER_MEMORY_BYTES")).findFirst().orElseThrow();
        assertThat(containerMemory.getValueFrom().getResourceFieldRef().getResource()).isEqualTo("limits.memory");
        assertThat(container.getResources().getRequests().get("memory")).isEqualTo(container.getResources().getLimits().get("memory"));
    }

    @Test
    void productionIsInTheGuaranteedQualityOfServiceClass() throws Exception {
        Container container = container(render("prod"));

        assertThat(container.getResources().getRequests()).isEqualTo(container.getResources().getLimits());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void thePodRunsAsNonRootOnAReadOnlyRootWithEveryWrittenPathOnAVolume(String overlay) throws Exception {
        List<HasMetadata> resources = render(overlay);
        PodSpec pod = statefulSet(resources).getSpec().getTemplate().getSpec();
        Container container = container(resources);

        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getFsGroup()).isNotNull();
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        List<String> mounts = container.getVolumeMounts().stream().map(VolumeMount::getMountPath).toList();
        assertThat(mounts).contains("/tmp", env(resources, container, "DUCKFORGE_DUCKDB_TEMP_DIRECTORY").orElseThrow());
        String backups = env(resources, container, "DUCKFORGE_BACKUP_DIR").orElseThrow();
        assertThat(mounts).anySatisfy(mount -> assertThat(backups).startsWith(mount));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theGracePeriodCoversTheShutdownDelayRequestsAndACheckpoint(String overlay) throws Exception {
        List<HasMetadata> resources = render(overlay);
        Container container = container(resources);
        long delay = seconds(env(resources, container, "QUARKUS_SHUTDOWN_DELAY").orElseThrow());
        long timeout = seconds(env(resources, container, "QUARKUS_SHUTDOWN_TIMEOUT").orElseThrow());

        // Fixed at build time, so it is the application's setting, not the manifests'.
        assertThat(applicationProperties().getProperty("quarkus.shutdown.delay-enabled")).isEqualTo("true");
        assertThat(statefulSet(resources).getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
                .isGreaterThanOrEqualTo(delay + timeout + 15);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void prometheusScrapesTheMetricsEndpoint(String overlay) throws Exception {
        Map<String, String> annotations = statefulSet(render(overlay)).getSpec().getTemplate().getMetadata().getAnnotations();

        assertThat(annotations).containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/path", "/q/metrics")
                .containsEntry("prometheus.io/port", "9000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod"})
    void productionBacksUpNightlyToAVolumeOfItsOwn(String overlay) throws Exception {
        List<HasMetadata> resources = render(overlay);
        Container container = container(resources);
        CronJob backup = resources.stream().filter(CronJob.class::isInstance).map(CronJob.class::cast).findFirst().orElseThrow();

        assertThat(backup.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers().get(0).getArgs())
                .anySatisfy(arg -> assertThat(arg).endsWith("/api/v1/admin/backup"));
        assertThat(env(resources, container, "DUCKFORGE_BACKUP_DIR")).contains(mountPath(container, "backup"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theOverlayCreatesTheNamespaceItDeploysInto(String overlay) throws Exception {
        List<HasMetadata> resources = render(overlay);
        List<String> created = resources.stream().filter(Namespace.class::isInstance).map(r -> r.getMetadata().getName()).toList();

        assertThat(resources.stream().map(r -> r.getMetadata().getNamespace()).filter(Objects::nonNull).distinct())
                .isNotEmpty().allSatisfy(namespace -> assertThat(created).contains(namespace));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void thePodHasAServiceAccountOfItsOwnAndNoApiToken(String overlay) throws Exception {
        List<HasMetadata> resources = render(overlay);
        PodSpec pod = statefulSet(resources).getSpec().getTemplate().getSpec();
        ServiceAccount account = resources.stream().filter(ServiceAccount.class::isInstance).map(ServiceAccount.class::cast)
                .filter(a -> a.getMetadata().getName().equals(pod.getServiceAccountName())).findFirst()
                .orElseThrow(() -> new AssertionError("no ServiceAccount " + pod.getServiceAccountName()));

        assertThat(account.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    }

    @Test
    void theDevOverlayDeploysTheImageTheReadmeBuilds() throws Exception {
        Matcher build = Pattern.compile("podman build -f docker/Dockerfile.jvm -t (\\S+)").matcher(Files.readString(Path.of("README.md")));
        assertThat(build.find()).as("README builds an image with podman").isTrue();

        assertThat(container(render("dev")).getImage()).isEqualTo(build.group(1));
    }

    @Test
    void theServiceMonitorScrapesTheManagementPortOfTheMetricsService() throws Exception {
        List<HasMetadata> monitoring = Kustomize.render(K8S.resolve("monitoring"));
        io.fabric8.kubernetes.api.model.Service metrics = render("prod").stream()
                .filter(io.fabric8.kubernetes.api.model.Service.class::isInstance).map(io.fabric8.kubernetes.api.model.Service.class::cast)
                .filter(s -> s.getMetadata().getName().equals("duckforge-metrics")).findFirst().orElseThrow();
        GenericKubernetesResource monitor = monitoring.stream().filter(r -> r.getKind().equals("ServiceMonitor"))
                .map(GenericKubernetesResource.class::cast).findFirst().orElseThrow();
        Map<String, String> selector = monitor.get("spec", "selector", "matchLabels");
        List<Map<String, String>> endpoints = monitor.get("spec", "endpoints");

        assertThat(monitor.getMetadata().getNamespace()).isEqualTo(metrics.getMetadata().getNamespace());
        assertThat(metrics.getMetadata().getLabels()).containsAllEntriesOf(selector);
        assertThat(endpoints).singleElement().satisfies(endpoint -> {
            assertThat(endpoint).containsEntry("port", "management").containsEntry("path", "/q/metrics");
            assertThat(metrics.getSpec().getPorts()).anySatisfy(port -> assertThat(port.getName()).isEqualTo("management"));
        });
    }

    // --- rendering and lookups

    /** The application's own configuration (the keys the manifests must agree with). */
    private static Properties applicationProperties() throws IOException {
        Properties properties = new Properties();
        try (var in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        return properties;
    }

    static List<HasMetadata> render(String overlay) throws Exception {
        return Kustomize.render(K8S.resolve("overlays").resolve(overlay));
    }

    private static StatefulSet statefulSet(List<HasMetadata> resources) {
        return resources.stream().filter(StatefulSet.class::isInstance).map(StatefulSet.class::cast).findFirst().orElseThrow();
    }

    private static Container container(List<HasMetadata> resources) {
        return statefulSet(resources).getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> c.getName().equals("duckforge")).findFirst().orElseThrow();
    }

    private static String mountPath(Container container, String volume) {
        return container.getVolumeMounts().stream().filter(m -> m.getName().equals(volume)).map(VolumeMount::getMountPath)
                .findFirst().orElseThrow(() -> new AssertionError("no mount of volume " + volume));
    }

    /** A variable's value as the container sees it: set directly, else from a ConfigMap in envFrom. */
    private static Optional<String> env(List<HasMetadata> resources, Container container, String name) {
        Optional<String> direct = container.getEnv().stream().filter(e -> e.getName().equals(name) && e.getValue() != null)
                .map(EnvVar::getValue).findFirst();
        if (direct.isPresent()) {
            return direct;
        }
        return container.getEnvFrom().stream().filter(source -> source.getConfigMapRef() != null)
                .map(source -> configMap(resources, source.getConfigMapRef().getName()))
                .map(map -> map.getData().get(name)).filter(value -> value != null).findFirst();
    }

    private static ConfigMap configMap(List<HasMetadata> resources, String name) {
        return resources.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
                .filter(map -> map.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no ConfigMap " + name));
    }

    private static void assertProbe(Probe probe, String path) {
        assertThat(probe).as("probe for " + path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("management");
    }

    private static long seconds(String duration) {
        assertThat(duration).matches("[0-9]+s");
        return Long.parseLong(duration.substring(0, duration.length() - 1));
    }

    /** Every {@code additionalProperties} entry in the object tree: fields the model does not know, i.e. typos. */
    private static List<String> unknownFields(Object node, String path) throws Exception {
        List<String> unknown = new ArrayList<>();
        if (node == null || !node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return unknown;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value = getter.invoke(node);
            String child = path + "." + getter.getName().substring(3);
            if (getter.getName().equals("getAdditionalProperties")) {
                ((Map<?, ?>) value).keySet().forEach(key -> unknown.add(path + "." + key));
            } else if (value instanceof Collection<?> items) {
                for (Object item : items) {
                    unknown.addAll(unknownFields(item, child));
                }
            } else if (value instanceof Map<?, ?> map) {
                for (Object item : map.values()) {
                    unknown.addAll(unknownFields(item, child));
                }
            } else {
                unknown.addAll(unknownFields(value, child));
            }
        }
        return unknown;
    }
}

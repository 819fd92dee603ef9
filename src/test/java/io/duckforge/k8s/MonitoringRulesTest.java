package io.duckforge.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert rules and the Grafana dashboard in k8s/monitoring use only series that exist: every metric name in
 * their PromQL is either exported by a live /q/metrics or comes from Prometheus, the kubelet or kube-state-metrics.
 */
@QuarkusTest
class MonitoringRulesTest {

    private static final Path MONITORING = Path.of("k8s/monitoring");
    /** Series from outside the service: Prometheus's own, the kubelet's and kube-state-metrics'. */
    private static final Pattern EXTERNAL = Pattern.compile("up|kubelet_volume_stats_.*|kube_.*");
    private static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "and", "or", "unless", "bool", "offset", "le", "inf");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(?=\\s*(\\(|\\{|\\[|$|[^a-zA-Z0-9_:(]))");

    @BeforeEach
    void everyKindOfRequestHasBeenServed() {
        String id = given().contentType(ContentType.JSON).body("{\"sensor\": \"s-1\"}")
                .when().post("/api/v1/records/sensor_reading").then().statusCode(201).extract().path("id");
        given().when().get("/api/v1/records/sensor_reading/" + id).then().statusCode(200);
        given().when().get("/api/v1/records/sensor_reading").then().statusCode(200);
        given().when().get("/api/v1/records/sensor_reading/stream").then().statusCode(200);
    }

    @Test
    void everyAlertRuleUsesOnlySeriesThatExist() throws Exception {
        List<String> expressions = new ArrayList<>();
        for (HasMetadata resource : Kustomize.render(MONITORING)) {
            if (resource.getKind().equals("PrometheusRule")) {
                List<Map<String, Object>> groups = ((GenericKubernetesResource) resource).get("spec", "groups");
                groups.forEach(group -> ((List<Map<String, Object>>) group.get("rules"))
                        .forEach(rule -> expressions.add((String) rule.get("expr"))));
            }
        }

        assertThat(expressions).isNotEmpty();
        assertThat(missingSeries(expressions)).isEmpty();
    }

    @Test
    void everyDashboardPanelUsesOnlySeriesThatExist() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(MONITORING.resolve("duckforge-dashboard.json")));
        List<String> expressions = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(target -> expressions.add(target.path("expr").asText())));
        dashboard.path("templating").path("list").forEach(variable -> {
            if (variable.path("query").has("query")) {
                expressions.add(variable.path("query").path("query").asText());
            }
        });

        assertThat(expressions).isNotEmpty();
        assertThat(missingSeries(expressions)).isEmpty();
    }

    private static Set<String> missingSeries(List<String> expressions) {
        Set<String> exported = new TreeSet<>();
        given().when().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .forEach(line -> exported.add(line.split("[{ ]", 2)[0]));
        Set<String> missing = new TreeSet<>();
        for (String expression : expressions) {
            for (String name : metricNames(expression)) {
                if (!exported.contains(name) && !EXTERNAL.matcher(name).matches()) {
                    missing.add(name + " in " + expression);
                }
            }
        }
        return missing;
    }

    /** The metric names in a PromQL expression: identifiers that are not functions, keywords, labels or literals. */
    static Set<String> metricNames(String expression) {
        String bare = expression
                .replaceAll("label_values\\(([^,]+),[^)]*\\)", "$1")                            // a dashboard variable's query
                .replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")                                  // string literals
                .replaceAll("\\{[^}]*}", "")                                                      // label matchers
                .replaceAll("\\[[^]]*]", "")                                                      // ranges
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "") // label lists
                .replaceAll("\\$\\w+", "");                                                        // dashboard variables
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            String name = identifier.group();
            boolean function = identifier.group(1) != null && identifier.group(1).equals("(");
            boolean numeral = name.matches("(?i)e[0-9]*") && identifier.start() > 0 && Character.isDigit(bare.charAt(identifier.start() - 1));
            if (!function && !numeral && !PROMQL_WORDS.contains(name.toLowerCase())) {
                names.add(name);
            }
        }
        return names;
    }
}

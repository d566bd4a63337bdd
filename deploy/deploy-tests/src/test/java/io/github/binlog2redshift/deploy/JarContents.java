package io.github.binlog2redshift.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/** What one jar holds: entry names, manifest and service-loader registrations, read once. */
record JarContents(Set<String> entries, Manifest manifest, Map<String, List<String>> services) {

    static JarContents read(Path jar) {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            Set<String> entries = new TreeSet<>();
            Map<String, List<String>> services = new LinkedHashMap<>();
            for (ZipEntry e : file.stream().toList()) {
                entries.add(e.getName());
                String name = e.getName();
                if (name.startsWith("META-INF/services/") && !e.isDirectory()) {
                    try (InputStream in = file.getInputStream(e)) {
                        services.put(
                                name.substring("META-INF/services/".length()),
                                providers(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                    }
                }
            }
            return new JarContents(entries, file.getManifest(), services);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + jar, e);
        }
    }

    /** Provider class names of a service file, without comments and blank lines. */
    private static List<String> providers(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String s = line.replaceAll("#.*", "").trim();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    boolean hasClass(String className) {
        return entries.contains(className.replace('.', '/') + ".class");
    }

    List<String> entriesStartingWith(String prefix) {
        return entries.stream().filter(e -> e.startsWith(prefix)).toList();
    }

    List<String> entriesEndingWith(String suffix) {
        return entries.stream().filter(e -> e.endsWith(suffix)).toList();
    }
}

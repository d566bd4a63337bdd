package io.github.binlog2redshift.deploy;

import java.io.DataInputStream;
import java.io.EOFException;
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
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

/**
 * What one jar holds: entry names, manifest, service-loader registrations and the class file major
 * version of every {@code .class} entry, read once.
 */
record JarContents(
        Set<String> entries,
        Manifest manifest,
        Map<String, List<String>> services,
        Map<String, Integer> classVersions) {

    private static final Pattern VERSIONED = Pattern.compile("META-INF/versions/(\\d+)/.*");

    static JarContents read(Path jar) {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            Set<String> entries = new TreeSet<>();
            Map<String, List<String>> services = new LinkedHashMap<>();
            Map<String, Integer> classVersions = new TreeMap<>();
            for (ZipEntry e : file.stream().toList()) {
                entries.add(e.getName());
                String name = e.getName();
                if (name.endsWith(".class") && !e.isDirectory()) {
                    try (InputStream in = file.getInputStream(e)) {
                        classVersions.put(name, majorVersion(name, in));
                    }
                }
                if (name.startsWith("META-INF/services/") && !e.isDirectory()) {
                    try (InputStream in = file.getInputStream(e)) {
                        services.put(
                                name.substring("META-INF/services/".length()),
                                providers(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                    }
                }
            }
            return new JarContents(entries, file.getManifest(), services, classVersions);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + jar, e);
        }
    }

    /**
     * The major version of a class file: after the magic number {@code 0xCAFEBABE} come the minor
     * and the major version, two bytes each (JVMS 4.1).
     */
    private static int majorVersion(String entry, InputStream in) throws IOException {
        DataInputStream header = new DataInputStream(in);
        try {
            int magic = header.readInt();
            if (magic != 0xCAFEBABE) {
                throw new IOException(
                        entry + " is no class file: magic " + Integer.toHexString(magic));
            }
            header.readUnsignedShort(); // minor
            return header.readUnsignedShort();
        } catch (EOFException e) {
            throw new IOException(entry + " is too short for a class file header", e);
        }
    }

    /**
     * The classes a Java {@code javaVersion} JVM could load that need a newer one (class file major
     * version above {@code javaVersion + 44}: 55 for Java 11), with their major version. A
     * multi-release entry under {@code META-INF/versions/N/} with N above {@code javaVersion} is
     * not among them: it is an alternative that only a JVM of at least N loads.
     */
    Map<String, Integer> classesNewerThanJava(int javaVersion) {
        int major = javaVersion + 44;
        Map<String, Integer> newer = new TreeMap<>();
        classVersions.forEach(
                (entry, version) -> {
                    Matcher versioned = VERSIONED.matcher(entry);
                    boolean alternative =
                            versioned.matches()
                                    && Integer.parseInt(versioned.group(1)) > javaVersion;
                    if (version > major && !alternative) {
                        newer.put(entry, version);
                    }
                });
        return newer;
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

package io.github.binlog2redshift.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Reads a Java properties file (UTF-8) as one configuration source. */
public final class PropertiesFileSource {

    private PropertiesFileSource() {}

    public static Settings read(Path file) {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (IOException e) {
            throw new ConfigException("Cannot read properties file '" + file + "': " + e, e);
        }
        Map<String, String> map = new LinkedHashMap<>();
        props.stringPropertyNames().forEach(k -> map.put(k.trim(), props.getProperty(k)));
        return Settings.of(map, Origin.propertiesFile(file.toString()));
    }
}

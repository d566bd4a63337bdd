package io.github.binlog2redshift.config;

import io.github.binlog2redshift.config.internal.KeySuggestions;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Configuration and command-line errors as the one line a terminal shows: the jobs' {@link
 * ConfigException}s and the picocli commands' (verify, run-local) bad arguments, in the same words
 * as the jobs' misspelt keys.
 */
public final class CommandLineErrors {

    private static final String HELP = " Run with --help.";

    private CommandLineErrors() {}

    /** The exception's message with any line breaks turned into spaces. */
    public static String oneLine(ConfigException e) {
        return oneLine(e.getMessage());
    }

    /**
     * A picocli command's bad command line in one line. An unknown option comes first, named
     * without its value (which may be a password) and with "did you mean" when an option is close:
     * picocli reports a misspelt required option only as missing, and lists suggestions and the
     * usage over many lines.
     *
     * @param args the arguments as given to the command
     */
    public static String oneLine(CommandLine.ParameterException e, String[] args) {
        CommandSpec spec = e.getCommandLine().getCommandSpec();
        Optional<String> unknown = firstUnknownOption(spec, Arrays.asList(args));
        if (unknown.isEmpty() && e instanceof CommandLine.UnmatchedArgumentException) {
            // From an @file, whose lines args does not show.
            unknown =
                    firstUnknownOption(
                            spec, ((CommandLine.UnmatchedArgumentException) e).getUnmatched());
        }
        if (unknown.isPresent()) {
            return unknownOption(spec, unknown.get()) + HELP;
        }
        String message = oneLine(e.getMessage());
        if (message.endsWith(HELP.trim())) {
            return message;
        }
        return message + (message.endsWith(".") || message.endsWith("?") ? "" : ".") + HELP;
    }

    static String oneLine(String message) {
        return message == null ? "configuration error" : message.replaceAll("\\s*\\R\\s*", " ");
    }

    /** The first token that looks like an option no option of {@code spec} claims. */
    private static Optional<String> firstUnknownOption(CommandSpec spec, List<String> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (token.equals("--")) {
                return Optional.empty(); // the rest is positional
            }
            if (!token.startsWith("-") || token.length() < 2 || isNumber(token)) {
                continue;
            }
            OptionSpec option = known(spec, token);
            if (option == null) {
                return Optional.of(token);
            }
            boolean valueAttached = token.contains("=") || !token.equals(nameOf(token));
            if (!valueAttached && option.arity().min() > 0) {
                i++; // its value, which may itself start with '-'
            }
        }
        return Optional.empty();
    }

    /**
     * The option {@code token} names: {@code --name}, {@code --name=value}, or a short option with
     * its value attached ({@code -xREGEX}).
     */
    private static OptionSpec known(CommandSpec spec, String token) {
        OptionSpec option = spec.findOption(nameOf(token));
        if (option == null && !token.startsWith("--") && token.length() > 2) {
            OptionSpec shortOption = spec.findOption(token.substring(0, 2));
            if (shortOption != null && shortOption.arity().max() > 0) {
                return shortOption;
            }
        }
        return option;
    }

    private static String nameOf(String token) {
        int eq = token.indexOf('=');
        return eq > 0 ? token.substring(0, eq) : token;
    }

    private static boolean isNumber(String token) {
        return token.matches("-\\d[\\d.]*");
    }

    private static String unknownOption(CommandSpec spec, String token) {
        String name = nameOf(token);
        List<String> names =
                spec.options().stream()
                        .map(OptionSpec::longestName)
                        .collect(Collectors.toUnmodifiableList());
        return "Unknown option '"
                + name
                + "'"
                + (name.equals(token) ? "" : " (value not shown)")
                + KeySuggestions.closest(name, names)
                        .map(s -> "; did you mean '" + s + "'?")
                        .orElse(".");
    }
}

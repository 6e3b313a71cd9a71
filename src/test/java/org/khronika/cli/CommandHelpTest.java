package org.khronika.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command, at every level, answers {@code --help} with its own usage and exit code
 * 0, before it asks for its required options; {@code help COMMAND} says the same.
 */
class CommandHelpTest {

	@Test
	void everyCommandAnswersHelpWithItsUsage() {
		List<List<String>> commands = new ArrayList<>();
		collect(KhronikaCommand.commandLine(), new ArrayList<>(), commands);
		assertThat(commands).as("the commands found").hasSizeGreaterThan(30);

		for (List<String> command : commands) {
			List<String> arguments = new ArrayList<>(command);
			arguments.add("--help");
			Run run = run(arguments.toArray(String[]::new));
			assertThat(run.exitCode()).as(String.join(" ", arguments) + ": " + run.err()).isZero();
			assertThat(run.out()).as(String.join(" ", arguments))
				.startsWith("Usage: khronika " + String.join(" ", command));
		}
	}

	@Test
	void helpNamesACommandAndRefusesAnUnknownOne() {
		Run help = run("help", "import");
		assertThat(help.exitCode()).isZero();
		assertThat(help.out()).startsWith("Usage: khronika import").contains("--profile=FILE", "--dry-run");

		Run unknown = run("help", "imprt");
		assertThat(unknown.exitCode()).isEqualTo(2);
		assertThat(unknown.err()).contains("Unknown subcommand 'imprt'");
	}

	private static void collect(CommandLine line, List<String> path, List<List<String>> into) {
		for (var entry : line.getSubcommands().entrySet()) {
			if (entry.getKey().equals("help")) {
				continue;
			}
			List<String> command = new ArrayList<>(path);
			command.add(entry.getKey());
			into.add(command);
			collect(entry.getValue(), command, into);
		}
	}

	private static Run run(String... arguments) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandLine line = KhronikaCommand.commandLine();
		line.setOut(new PrintWriter(out));
		line.setErr(new PrintWriter(err));
		int exitCode = line.execute(arguments);
		return new Run(exitCode, out.toString(), err.toString());
	}

	private record Run(int exitCode, String out, String err) {
	}

}

package org.khronika.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar khronika.jar COMMAND}: the entry point of the executable jar. Every
 * command takes {@code --help} (its options are inherited), and {@code help COMMAND} says
 * the same.
 */
@Command(name = "khronika", mixinStandardHelpOptions = true, version = "Khronika 0.1",
		scope = CommandLine.ScopeType.INHERIT,
		description = "Documentation and monitoring of politically motivated persecution.",
		subcommands = { CommandLine.HelpCommand.class, InitCommand.class, ServeCommand.class, UserCommand.class,
				TokenCommand.class, AuditCommand.class, ImportCommand.class, StatsCommand.class, VerifyLogCommand.class,
				RebuildCommand.class, ShredCommand.class, KeysCommand.class, LinkageCommand.class,
				IntakeTokenCommand.class, PublishCommand.class, BackupCommand.class, RestoreCommand.class })
public class KhronikaCommand implements Runnable {

	@Spec
	CommandSpec spec;

	public static void main(String[] args) {
		System.exit(commandLine().execute(args));
	}

	/**
	 * The command line with Khronika's error handling: failures print one line, never a
	 * stack trace.
	 */
	public static CommandLine commandLine() {
		CommandLine commandLine = new CommandLine(new KhronikaCommand());
		commandLine.setExecutionExceptionHandler((ex, line, parseResult) -> {
			PrintWriter err = line.getErr();
			err.println("khronika: " + Failures.describe(ex));
			err.flush();
			return 1;
		});
		return commandLine;
	}

	@Override
	public void run() {
		this.spec.commandLine().usage(this.spec.commandLine().getOut());
	}

}

using McMaster.Extensions.CommandLineUtils;
using OciLint.Cli.Commands;

namespace OciLint.Cli;

/// <summary>Runs the command line; the one place that turns unexpected exceptions into exit code 2.</summary>
public static class Entry
{
    public static int Run(string[] args, IConsole console)
    {
        // Only commands that lint need the head start; --version, help, rules and explain would pay for it.
        if (args.Length > 0 && args[0] is "check" or "fix")
        {
            Rules.Warmup.Start();
        }

        var verbose = args.Contains("--verbose");
        try
        {
            var app = new CommandLineApplication<OciLintCommand>(console);
            app.Conventions.UseDefaultConventions().UseConstructorInjection();
            UsageErrorsExit2(app, console);
            return app.Execute(args.Where(a => a != "--verbose").ToArray());
        }
        catch (CommandParsingException e)
        {
            console.Error.WriteLine($"ocilint: {e.Message}");
            console.Error.WriteLine("Run 'ocilint --help' for usage.");
            return ExitCodes.Usage;
        }
        catch (UsageException e)
        {
            console.Error.WriteLine($"ocilint: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (Core.Layout.TargetException e)
        {
            console.Error.WriteLine($"ocilint: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception e)
        {
            console.Error.WriteLine($"ocilint: internal error: {e.Message} (this is a bug; rerun with --verbose and report it)");
            if (verbose)
            {
                console.Error.WriteLine(e.ToString());
            }

            return ExitCodes.Usage;
        }
    }
    // McMaster reports invalid option values with exit code 1, which CI would read as "findings".
    private static void UsageErrorsExit2(CommandLineApplication app, IConsole console)
    {
        app.ValidationErrorHandler = result =>
        {
            console.Error.WriteLine($"ocilint: {result.ErrorMessage}");
            return ExitCodes.Usage;
        };
        foreach (var command in app.Commands)
        {
            UsageErrorsExit2(command, console);
        }
    }
}

public static class ExitCodes
{
    public const int Clean = 0;
    public const int Findings = 1;
    public const int Usage = 2;
}

/// <summary>A mistake in how the tool was called: one line on stderr, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
